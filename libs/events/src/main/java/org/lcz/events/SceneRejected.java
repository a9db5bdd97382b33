package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.storage.ObjectRef;

/**
 * A scene could not be ingested; {@code reason} says what a person can do about it. Key: the scene
 * id.
 */
public record SceneRejected(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) ObjectRef source,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) Instant rejectedAt)
    implements LczEvent {

  public SceneRejected {
    Require.id(sceneId, "sceneId");
    Require.present(source, "source");
    Require.present(reason, "reason");
    Require.present(rejectedAt, "rejectedAt");
  }

  public SceneRejected(String sceneId, ObjectRef source, String reason, Instant rejectedAt) {
    this(CURRENT_SCHEMA_VERSION, sceneId, source, reason, rejectedAt);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
