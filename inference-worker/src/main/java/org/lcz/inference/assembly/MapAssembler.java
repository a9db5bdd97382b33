package org.lcz.inference.assembly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.lcz.events.SceneMapCompleted;
import org.lcz.inference.map.MapKeys;
import org.lcz.inference.map.MapTileFile;
import org.lcz.inference.map.SceneMapId;
import org.lcz.raster.CellGrid;
import org.lcz.raster.SceneManifest;
import org.lcz.scheme.LczFilter;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * Assembles a scene's map once all its map tiles are stored: places every map tile on the scene's
 * cell grid (each cell from exactly one tile), filters the whole map with the class-specific
 * Gaussian filter (across tile borders), stores every {@link SceneProduct} next to the tiles, and
 * returns the SceneMapCompleted that announces them. Writing again from the same tiles gives the
 * same objects.
 */
public final class MapAssembler {
  private final ObjectStore store;
  private final double cellSize;
  private final List<SceneProduct> products;

  /**
   * With the standard products: the LCZ map COG, the class probabilities COG, the lat/lon copy, the
   * KMZ, the area statistics, the preview, the web page's layers and the STAC Item.
   *
   * @param cellSize output cell edge in map units (metres)
   * @param blockSize internal tile edge of the COGs (overviews are made until one fits in a tile)
   */
  public MapAssembler(ObjectStore store, double cellSize, int blockSize) {
    this(store, cellSize, standardProducts(blockSize));
  }

  /** With {@code products}, stored in this order; the STAC Item should come last. */
  public MapAssembler(ObjectStore store, double cellSize, List<SceneProduct> products) {
    this.store = store;
    this.cellSize = cellSize;
    this.products = List.copyOf(products);
  }

  /** The products every scene gets, the STAC Item last (it lists the others). */
  public static List<SceneProduct> standardProducts(int blockSize) {
    return List.of(
        new LczMapCog(blockSize),
        new ProbabilityCog(blockSize),
        new LatLonCopy(blockSize),
        new KmzOverlay(),
        new AreaStatistics(),
        new Preview(),
        new WebLayers(),
        new StacItem());
  }

  /**
   * Assembles scene {@code sceneId}.
   *
   * @throws IllegalStateException if a map tile is missing or does not fit the grid
   */
  public SceneMapCompleted assemble(String sceneId, Instant now) {
    return assemble(SceneMapId.first(sceneId), now);
  }

  /**
   * Assembles the map {@code id} of a scene — its first map, or its re-map by a model version,
   * whose tiles and products live under the re-map's own prefix ({@link MapKeys}).
   *
   * @throws IllegalStateException if a map tile is missing or does not fit the grid
   */
  public SceneMapCompleted assemble(SceneMapId id, Instant now) {
    String sceneId = id.sceneId();
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
      map.place(span, MapTileFile.read(store.read(MapKeys.tile(sceneId, id.remapModel(), t.id()))));
    }
    if (!map.isComplete()) {
      throw new IllegalStateException(id + ": some cells have no map tile");
    }
    double[] mapGeo =
        grid.geoTransform(sceneGeo, new CellGrid.Span(0, 0, grid.cols(), grid.rows()));
    byte[] filtered =
        LczFilter.demuzere().filter(map.classes(), map.cols(), map.rows(), cellSize, cellSize);
    AssembledScene scene =
        new AssembledScene(
                sceneId,
                manifest,
                map,
                filtered,
                mapGeo,
                cellSize,
                versions(map.tilesByModel()),
                now)
            .remappedBy(id.remapModel());
    List<SceneProduct.Stored> stored = new ArrayList<>();
    Map<String, ObjectRef> refs = new LinkedHashMap<>();
    for (SceneProduct product : products) {
      for (SceneProduct.Asset asset : product.make(scene, List.copyOf(stored))) {
        ObjectRef where = MapKeys.product(sceneId, id.remapModel(), asset.fileName());
        ObjectRef ref = store.put(where.bucket(), where.key(), asset.bytes(), asset.contentType());
        if (refs.put(asset.name(), ref) != null) {
          throw new IllegalStateException("two products name an asset " + asset.name());
        }
        stored.add(new SceneProduct.Stored(asset, ref));
      }
    }
    return new SceneMapCompleted(
        sceneId,
        refs.get("map"),
        refs.get("preview"),
        refs.get("stac-item"),
        scene.modelVersion(),
        manifest.tiles().size(),
        now,
        refs,
        manifest.acquiredAt(),
        id.isRemap());
  }

  /** One version, or all of them (sorted, comma-separated) when a swap happened mid-scene. */
  static String versions(Map<String, Integer> tilesByModel) {
    return String.join(",", new TreeSet<>(tilesByModel.keySet()));
  }
}
