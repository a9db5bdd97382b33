package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.storage.ObjectRef;

/** A scene was received by the ingest service and is about to be read. Key: the scene id. */
public record SceneReceived(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) ObjectRef source,
    @JsonProperty(required = true) Instant receivedAt)
    implements LczEvent {

  public SceneReceived {
    Require.id(sceneId, "sceneId");
    Require.present(source, "source");
    Require.present(receivedAt, "receivedAt");
  }

  public SceneReceived(String sceneId, ObjectRef source, Instant receivedAt) {
    this(CURRENT_SCHEMA_VERSION, sceneId, source, receivedAt);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
