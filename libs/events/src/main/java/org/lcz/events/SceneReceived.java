package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.storage.ObjectRef;

/**
 * A scene was received by the ingest service and is about to be read. Key: the scene id.
 *
 * <p>Schema version 2 added {@code acquiredAt}, present when the inbox object says when its imagery
 * was acquired (the upload's {@code acquired} parameter, the object's {@code acquired} metadata);
 * the scene's own files, read later, may say it instead: SceneTiled carries what was found.
 *
 * @param acquiredAt when the imagery was acquired, if known at receipt
 */
public record SceneReceived(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) ObjectRef source,
    @JsonProperty(required = true) Instant receivedAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant acquiredAt)
    implements LczEvent {

  /** The payload version this code writes. */
  public static final int SCHEMA_VERSION = 2;

  public SceneReceived {
    Require.id(sceneId, "sceneId");
    Require.present(source, "source");
    Require.present(receivedAt, "receivedAt");
  }

  /** A version 2 event. */
  public SceneReceived(String sceneId, ObjectRef source, Instant receivedAt, Instant acquiredAt) {
    this(SCHEMA_VERSION, sceneId, source, receivedAt, acquiredAt);
  }

  /** A version 2 event whose acquisition time is not known at receipt. */
  public SceneReceived(String sceneId, ObjectRef source, Instant receivedAt) {
    this(sceneId, source, receivedAt, null);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
