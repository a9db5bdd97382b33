package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import org.lcz.storage.ObjectRef;

/**
 * The LCZ map of one tile is stored. Key: the scene id.
 *
 * @param remap whether the tile belongs to a re-map of the scene by {@code modelVersion} (its own
 *     map, kept beside the first); false (and absent) for the scene's first map
 */
public record MapTileWritten(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) String tileId,
    @JsonProperty(required = true) int row,
    @JsonProperty(required = true) int col,
    @JsonProperty(required = true) int sceneTileCount,
    @JsonProperty(required = true) ObjectRef mapTile,
    @JsonProperty(required = true) String modelVersion,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY) boolean remap)
    implements LczEvent {

  /** The payload version this code writes: 2 ({@code remap}.). */
  public static final int SCHEMA_VERSION = 2;

  public MapTileWritten {
    Require.id(sceneId, "sceneId");
    Require.id(tileId, "tileId");
    Require.atLeast(row, 0, "row");
    Require.atLeast(col, 0, "col");
    Require.atLeast(sceneTileCount, 1, "sceneTileCount");
    Require.present(mapTile, "mapTile");
    Require.present(modelVersion, "modelVersion");
  }

  public MapTileWritten(
      String sceneId,
      String tileId,
      int row,
      int col,
      int sceneTileCount,
      ObjectRef mapTile,
      String modelVersion) {
    this(sceneId, tileId, row, col, sceneTileCount, mapTile, modelVersion, false);
  }

  public MapTileWritten(
      String sceneId,
      String tileId,
      int row,
      int col,
      int sceneTileCount,
      ObjectRef mapTile,
      String modelVersion,
      boolean remap) {
    this(SCHEMA_VERSION, sceneId, tileId, row, col, sceneTileCount, mapTile, modelVersion, remap);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
