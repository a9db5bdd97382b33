package org.lcz.inference.assembly;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lcz.common.events.SceneMapCompleted;
import org.lcz.common.raster.SceneManifest;
import org.lcz.common.storage.ObjectRef;
import org.lcz.common.storage.ObjectStore;
import org.lcz.inference.map.LczTiff;
import org.lcz.inference.map.MapKeys;
import org.lcz.inference.map.MapTileFile;
import org.lcz.inference.map.Overviews;
import org.lcz.inference.window.CellGrid;

/**
 * Assembles a scene's map once all its map tiles are stored: places every map tile on the scene's
 * cell grid (each cell from exactly one tile), writes the Cloud-Optimized GeoTIFF with overviews,
 * the preview and the STAC Item next to the tiles, and returns the SceneMapCompleted that announces
 * them. Writing again from the same tiles gives the same objects.
 */
public final class MapAssembler {
  private final ObjectStore store;
  private final double cellSize;
  private final int blockSize;

  /**
   * @param cellSize output cell edge in map units (metres)
   * @param blockSize internal tile edge of the COG (overviews are made until one fits in a tile)
   */
  public MapAssembler(ObjectStore store, double cellSize, int blockSize) {
    this.store = store;
    this.cellSize = cellSize;
    this.blockSize = blockSize;
  }

  /**
   * Assembles scene {@code sceneId}.
   *
   * @throws IllegalStateException if a map tile is missing or does not fit the grid
   */
  public SceneMapCompleted assemble(String sceneId, Instant now) {
    SceneManifest manifest = SceneManifest.read(store.read(MapKeys.manifest(sceneId)));
    double[] sceneGeo = manifest.geoTransform();
    CellGrid grid =
        CellGrid.of(manifest.width(), manifest.height(), cellSize, Math.abs(sceneGeo[1]));
    SceneMap map = new SceneMap(grid);
    for (SceneManifest.TileEntry t : manifest.tiles()) {
      CellGrid.Span span = grid.cellsOf(t.coreX(), t.coreY(), t.coreWidth(), t.coreHeight());
      if (span.isEmpty()) {
        continue;
      }
      map.place(span, MapTileFile.read(store.read(MapKeys.tile(sceneId, t.id()))));
    }
    if (!map.isComplete()) {
      throw new IllegalStateException("scene " + sceneId + ": some cells have no map tile");
    }
    double[] mapGeo =
        grid.geoTransform(sceneGeo, new CellGrid.Span(0, 0, grid.cols(), grid.rows()));
    String version = versions(map.tilesByModel());
    List<LczTiff.Level> levels = Overviews.pyramid(map.level(), blockSize);
    byte[] cog =
        LczTiff.write(
            levels,
            blockSize,
            new LczTiff.Georeference(
                mapGeo,
                manifest.epsg(),
                manifest.projected(),
                Map.of(MapTileFile.MODEL_VERSION, version, "LCZ_SCENE_ID", sceneId)));
    ObjectRef cogRef =
        put(MapKeys.map(sceneId), cog, "image/tiff; application=geotiff; profile=cloud-optimized");
    ObjectRef previewRef =
        put(MapKeys.preview(sceneId), PreviewImage.png(map, "Scene " + sceneId), "image/png");
    Footprint footprint =
        Footprint.of(Footprint.crs(manifest.epsg()), mapGeo, grid.cols(), grid.rows());
    byte[] item =
        StacItem.json(
            new StacItem.Description(
                sceneId,
                manifest.epsg(),
                mapGeo,
                grid.cols(),
                grid.rows(),
                footprint,
                cogRef,
                previewRef,
                map.tilesByModel(),
                now,
                manifest.maskedShare(),
                manifest.notes()));
    ObjectRef itemRef = put(MapKeys.stacItem(sceneId), item, "application/geo+json");
    return new SceneMapCompleted(
        sceneId, cogRef, previewRef, itemRef, version, manifest.tiles().size(), now);
  }

  private ObjectRef put(ObjectRef where, byte[] bytes, String contentType) {
    return store.put(where.bucket(), where.key(), bytes, contentType);
  }

  /** One version, or all of them (sorted, comma-separated) when a swap happened mid-scene. */
  static String versions(Map<String, Integer> tilesByModel) {
    return String.join(",", new TreeSet<>(tilesByModel.keySet()));
  }
}
