package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.lcz.storage.ObjectRef;

/** The LCZ map of one tile is stored. Key: the scene id. */
public record MapTileWritten(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String sceneId,
    @JsonProperty(required = true) String tileId,
    @JsonProperty(required = true) int row,
    @JsonProperty(required = true) int col,
    @JsonProperty(required = true) int sceneTileCount,
    @JsonProperty(required = true) ObjectRef mapTile,
    @JsonProperty(required = true) String modelVersion)
    implements LczEvent {

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
    this(CURRENT_SCHEMA_VERSION, sceneId, tileId, row, col, sceneTileCount, mapTile, modelVersion);
  }

  @Override
  public String key() {
    return sceneId;
  }
}
