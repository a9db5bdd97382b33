package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.lcz.storage.ObjectRef;

/**
 * One tile of a scene (with its halo) is stored and ready for inference. Key: the tile id, so that
 * the tiles of one scene spread over the partitions.
 *
 * @param row tile row in the scene's tile grid, from 0
 * @param col tile column in the scene's tile grid, from 0
 * @param sceneTileCount how many tiles the scene has in all
 * @param tile the tile GeoTIFF
 * @param manifest the scene manifest (grid, CRS, bands, tile list)
 */
public record TileReady(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) String tileId,
    @JsonProperty(required = true) int row,
    @JsonProperty(required = true) int col,
    @JsonProperty(required = true) int sceneTileCount,
    @JsonProperty(required = true) ObjectRef tile,
    @JsonProperty(required = true) ObjectRef manifest)
    implements LczEvent {

  public TileReady {
    Require.id(sceneId, "sceneId");
    Require.id(tileId, "tileId");
    Require.atLeast(row, 0, "row");
    Require.atLeast(col, 0, "col");
    Require.atLeast(sceneTileCount, 1, "sceneTileCount");
    Require.present(tile, "tile");
    Require.present(manifest, "manifest");
  }

  public TileReady(
      String sceneId,
      String tileId,
      int row,
      int col,
      int sceneTileCount,
      ObjectRef tile,
      ObjectRef manifest) {
    this(CURRENT_SCHEMA_VERSION, sceneId, tileId, row, col, sceneTileCount, tile, manifest);
  }

  @Override
  public String key() {
    return tileId;
  }
}
