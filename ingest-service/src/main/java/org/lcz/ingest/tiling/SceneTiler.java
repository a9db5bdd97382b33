package org.lcz.ingest.tiling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lcz.common.events.TileReady;
import org.lcz.common.raster.GeoTiffWriter;
import org.lcz.common.raster.RasterException;
import org.lcz.common.raster.RasterSource;
import org.lcz.common.raster.SceneManifest;
import org.lcz.common.raster.SceneRaster;
import org.lcz.common.raster.SceneTiles;
import org.lcz.common.storage.ObjectRef;
import org.lcz.common.storage.ObjectStore;

/**
 * Cuts one GeoTIFF scene into tiles with a halo, one tile in memory at a time: each tile is read as
 * a window, its bands put in the platform's order, written as a GeoTIFF and stored under {@code
 * lcz-tiles/scenes/{sceneId}/tiles/{row}_{col}.tif}; the manifest is stored last. Returns the
 * TileReady events to announce.
 */
public final class SceneTiler {
  /**
   * The platform's band specification and tiling.
   *
   * @param bands band names in the order tiles carry them
   * @param groundSampleDistance metres per pixel a scene must have
   * @param maxScenePixels the most pixels (width × height) a scene may have
   */
  public record Settings(
      List<String> bands,
      double groundSampleDistance,
      int tileSize,
      int halo,
      long maxScenePixels) {
    public Settings {
      bands = List.copyOf(bands);
    }

    public Settings(List<String> bands, double groundSampleDistance, int tileSize, int halo) {
      this(bands, groundSampleDistance, tileSize, halo, DEFAULT_MAX_SCENE_PIXELS);
    }
  }

  /** 1 gigapixel: eight Sentinel-2 granules. */
  public static final long DEFAULT_MAX_SCENE_PIXELS = 1_000_000_000L;

  /** What tiling a scene produced. */
  public record Result(SceneManifest manifest, ObjectRef manifestRef, List<TileReady> tiles) {}

  private final ObjectStore store;
  private final Settings settings;

  public SceneTiler(ObjectStore store, Settings settings) {
    this.store = store;
    this.settings = settings;
  }

  /**
   * Tiles {@code file} as scene {@code sceneId}.
   *
   * @throws RasterException naming the file if it cannot be read or does not fit the band
   *     specification or resolution
   */
  public Result tile(String sceneId, Path file) {
    try (SceneRaster scene = SceneRaster.open(file)) {
      return tile(sceneId, scene, scene.georeference(), scene.crsWkt());
    }
  }

  /**
   * Tiles the bands of a {@code scene.json} manifest, each file opened from {@code files} (the
   * manifest's relative names to local paths).
   *
   * @throws RasterException naming the file or the manifest and what is wrong
   */
  public Result tile(String sceneId, SceneDefinition definition, Map<String, Path> files) {
    Map<String, SceneRaster> open = new LinkedHashMap<>();
    try {
      for (Map.Entry<String, Path> f : files.entrySet()) {
        SceneRaster r = SceneRaster.open(f.getValue());
        open.put(f.getKey(), r);
      }
      StackedScene scene = new StackedScene(definition, open);
      return tile(sceneId, scene, scene.reference().georeference(), scene.reference().crsWkt());
    } finally {
      open.values().forEach(SceneRaster::close);
    }
  }

  private Result tile(
      String sceneId, RasterSource scene, GeoTiffWriter.Georeference where, String crsWkt) {
    int[] bandIndex = check(scene);
    SceneTiles.Stored stored =
        SceneTiles.store(
            store,
            sceneId,
            scene,
            new SceneTiles.Cut(
                bandIndex,
                settings.bands(),
                where,
                crsWkt,
                settings.groundSampleDistance(),
                settings.tileSize(),
                settings.halo()));
    return new Result(stored.manifest(), stored.manifestRef(), stored.tiles());
  }

  /**
   * Checks that {@code file} can be tiled (readable, georeferenced, the specification's bands and
   * resolution, a bounded size) without tiling it.
   *
   * @throws RasterException naming the file and what is wrong
   */
  public void check(Path file) {
    try (SceneRaster scene = SceneRaster.open(file)) {
      check(scene);
      scene.georeference();
    }
  }

  private int[] check(RasterSource scene) {
    long pixels = (long) scene.width() * scene.height();
    if (pixels > settings.maxScenePixels()) {
      throw new RasterException(
          scene.name()
              + ": "
              + scene.width()
              + " × "
              + scene.height()
              + " px is more than the "
              + settings.maxScenePixels()
              + " pixels a scene may have (lcz.ingest.max-scene-pixels); cut it into smaller"
              + " scenes (gdal_translate -srcwin)");
    }
    int[] index = bandIndex(scene);
    checkResolution(scene);
    return index;
  }

  /**
   * For each band of the specification, its index in the scene: by name, or by position when the
   * file names no band and has exactly the specification's count (the documented order).
   */
  private int[] bandIndex(RasterSource scene) {
    List<String> names = scene.bandNames();
    boolean unnamed = true;
    for (int b = 0; b < names.size(); b++) {
      unnamed &= names.get(b).equals("band" + (b + 1));
    }
    List<String> wanted = settings.bands();
    int[] index = new int[wanted.size()];
    if (unnamed && names.size() == wanted.size()) {
      for (int i = 0; i < index.length; i++) {
        index[i] = i;
      }
      return index;
    }
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < index.length; i++) {
      index[i] = names.indexOf(wanted.get(i));
      if (index[i] < 0) {
        missing.add(wanted.get(i));
      }
    }
    if (!missing.isEmpty()) {
      throw new RasterException(
          scene.name()
              + ": lacks bands "
              + missing
              + " of the platform's specification "
              + wanted
              + "; its bands are "
              + names
              + (unnamed
                  ? " (unnamed: give "
                      + wanted.size()
                      + " bands in the specification's order, or name them)"
                  : ""));
    }
    return index;
  }

  private void checkResolution(RasterSource scene) {
    double[] g = scene.geoTransform();
    double gsd = settings.groundSampleDistance();
    if (Math.abs(g[1] - gsd) > 1e-6 * gsd || Math.abs(-g[5] - gsd) > 1e-6 * gsd) {
      throw new RasterException(
          scene.name()
              + ": pixels are "
              + g[1]
              + " × "
              + (-g[5])
              + " m but the platform's grid is "
              + gsd
              + " m; resample it (gdalwarp -tr "
              + gsd
              + " "
              + gsd
              + ") or send it with a scene.json manifest");
    }
  }
}
