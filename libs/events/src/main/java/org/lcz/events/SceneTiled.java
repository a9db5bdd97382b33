package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.storage.ObjectRef;

/**
 * Every tile of a scene is stored and announced. Key: the scene id.
 *
 * <p>Schema version 2 added {@code acquiredAt}: when the imagery was acquired, as the scene's
 * source said (absent when it did not; never the upload time in its place).
 *
 * @param acquiredAt when the imagery was acquired, if known
 */
public record SceneTiled(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) int tileCount,
    @JsonProperty(required = true) ObjectRef manifest,
    @JsonProperty(required = true) Instant tiledAt,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant acquiredAt)
    implements LczEvent {

  /** The payload version this code writes. */
  public static final int SCHEMA_VERSION = 2;

  public SceneTiled {
    Require.id(sceneId, "sceneId");
    Require.atLeast(tileCount, 1, "tileCount");
    Require.present(manifest, "manifest");
    Require.present(tiledAt, "tiledAt");
  }

  /** A version 2 event. */
  public SceneTiled(
      String sceneId, int tileCount, ObjectRef manifest, Instant tiledAt, Instant acquiredAt) {
    this(SCHEMA_VERSION, sceneId, tileCount, manifest, tiledAt, acquiredAt);
  }

  /** A version 2 event of a scene whose acquisition time is unknown. */
  public SceneTiled(String sceneId, int tileCount, ObjectRef manifest, Instant tiledAt) {
    this(sceneId, tileCount, manifest, tiledAt, null);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
