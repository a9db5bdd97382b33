package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.storage.ObjectRef;

/** Every tile of a scene is stored and announced. Key: the scene id. */
public record SceneTiled(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) int tileCount,
    @JsonProperty(required = true) ObjectRef manifest,
    @JsonProperty(required = true) Instant tiledAt)
    implements LczEvent {

  public SceneTiled {
    Require.id(sceneId, "sceneId");
    Require.atLeast(tileCount, 1, "tileCount");
    Require.present(manifest, "manifest");
    Require.present(tiledAt, "tiledAt");
  }

  public SceneTiled(String sceneId, int tileCount, ObjectRef manifest, Instant tiledAt) {
    this(CURRENT_SCHEMA_VERSION, sceneId, tileCount, manifest, tiledAt);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
