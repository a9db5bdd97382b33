package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param remapModel for a re-map of a mapped scene: the model version the tile must be mapped with,
 *     into that version's own map of the scene; absent for a scene's first map (the current model)
 */
public record TileReady(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) String tileId,
    @JsonProperty(required = true) int row,
    @JsonProperty(required = true) int col,
    @JsonProperty(required = true) int sceneTileCount,
    @JsonProperty(required = true) ObjectRef tile,
    @JsonProperty(required = true) ObjectRef manifest,
    @JsonInclude(JsonInclude.Include.NON_NULL) String remapModel)
    implements LczEvent {

  /** The payload version this code writes: 2 ({@code remapModel} (a re-map).). */
  public static final int SCHEMA_VERSION = 2;

  public TileReady {
    Require.id(sceneId, "sceneId");
    Require.id(tileId, "tileId");
    Require.atLeast(row, 0, "row");
    Require.atLeast(col, 0, "col");
    Require.atLeast(sceneTileCount, 1, "sceneTileCount");
    Require.present(tile, "tile");
    Require.present(manifest, "manifest");
    if (remapModel != null) {
      Require.id(remapModel, "remapModel");
    }
  }

  public TileReady(
      String sceneId,
      String tileId,
      int row,
      int col,
      int sceneTileCount,
      ObjectRef tile,
      ObjectRef manifest) {
    this(SCHEMA_VERSION, sceneId, tileId, row, col, sceneTileCount, tile, manifest, null);
  }

  /** The same tile to be mapped again by model version {@code version} (a re-map). */
  public TileReady remappedBy(String version) {
    return new TileReady(
        schemaVersion, sceneId, tileId, row, col, sceneTileCount, tile, manifest, version);
  }

  /** Whether this tile belongs to a re-map (a map by a named model version). */
  public boolean isRemap() {
    return remapModel != null;
  }

  @Override
  public String key() {
    return tileId;
  }
}
