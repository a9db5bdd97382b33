package org.lcz.common.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.common.storage.ObjectRef;

/**
 * The LCZ map of a whole scene is assembled: a Cloud-Optimized GeoTIFF, a preview and a STAC Item.
 * Key: the scene id.
 */
public record SceneMapCompleted(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) ObjectRef map,
    @JsonProperty(required = true) ObjectRef preview,
    @JsonProperty(required = true) ObjectRef stacItem,
    @JsonProperty(required = true) String modelVersion,
    @JsonProperty(required = true) int tileCount,
    @JsonProperty(required = true) Instant completedAt)
    implements LczEvent {

  public SceneMapCompleted {
    Require.present(sceneId, "sceneId");
    Require.present(map, "map");
    Require.present(preview, "preview");
    Require.present(stacItem, "stacItem");
    Require.present(modelVersion, "modelVersion");
    Require.atLeast(tileCount, 1, "tileCount");
    Require.present(completedAt, "completedAt");
  }

  public SceneMapCompleted(
      String sceneId,
      ObjectRef map,
      ObjectRef preview,
      ObjectRef stacItem,
      String modelVersion,
      int tileCount,
      Instant completedAt) {
    this(
        CURRENT_SCHEMA_VERSION,
        sceneId,
        map,
        preview,
        stacItem,
        modelVersion,
        tileCount,
        completedAt);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
