package org.lcz.ingest.tiling;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lcz.contract.BandMatch;
import org.lcz.contract.Radiometry;
import org.lcz.contract.RadiometryCheck;
import org.lcz.contract.RadiometryException;
import org.lcz.contract.Sensors;
import org.lcz.contract.ValueSurvey;
import org.lcz.events.TileReady;
import org.lcz.ingest.source.GeoTiffFormat;
import org.lcz.ingest.source.SceneSource;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.Georeferencing;
import org.lcz.raster.HarmonisedScene;
import org.lcz.raster.RadiometrySurvey;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.raster.ReprojectedScene;
import org.lcz.raster.Resampling;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.SelectedBands;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * Brings a scene onto the platform's grid and cuts it into tiles with a halo, one tile in memory at
 * a time. The one entry point for every input format ({@link SceneSource}):
 *
 * <ol>
 *   <li>the platform's bands are taken by name (or, for a file of exactly that many unnamed bands,
 *       in order);
 *   <li>a scene in a geographic CRS, or at another pixel size, is reprojected onto the UTM grid of
 *       its centre at the platform's ground sample distance ({@link ReprojectedScene});
 *   <li>the reflectance bands' radiometry, declared by the source and checked against the values or
 *       detected from them ({@link RadiometryCheck}), is converted to the platform's canonical one
 *       ({@link HarmonisedScene}), which the manifest records;
 *   <li>tiles and the manifest are stored ({@link SceneTiles}).
 * </ol>
 */
public final class SceneTiler {
  /** The most bands a scene may have (Sentinel-2 has 13; a stack with more is a mistake). */
  public static final int MAX_BANDS = 200;

  /** The smallest share of valid pixels each band of a scene must have for it to be mapped. */
  public static final double MIN_VALID_SHARE = 0.01;

  /** The edge of one LCZ map cell: a scene smaller than one has nothing to map. */
  public static final double LCZ_CELL_METRES = 100;

  /**
   * The platform's band specification and tiling.
   *
   * @param bands band names in the order tiles carry them
   * @param groundSampleDistance metres per pixel of the tiles
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

  /** What tiling a scene produced, and what a person should know about how it was read. */
  public record Result(
      SceneManifest manifest, ObjectRef manifestRef, List<TileReady> tiles, List<String> notes) {}

  /** A scene on the platform's grid, bands and radiometry, ready to cut. */
  public record Prepared(RasterSource raster, List<String> notes) {}

  private final ObjectStore store;
  private final Settings settings;

  public SceneTiler(ObjectStore store, Settings settings) {
    this.store = store;
    this.settings = settings;
  }

  /** The platform's settings. */
  public Settings settings() {
    return settings;
  }

  /**
   * Tiles the GeoTIFF {@code file} as scene {@code sceneId}.
   *
   * @throws RasterException naming the file if it cannot be read or used
   */
  public Result tile(String sceneId, Path file) {
    try (SceneSource source = GeoTiffFormat.open(file)) {
      return tile(sceneId, source);
    }
  }

  /**
   * Tiles {@code source} as scene {@code sceneId}.
   *
   * @throws RasterException naming the file and what keeps it off the platform's grid
   */
  public Result tile(String sceneId, SceneSource source) {
    Prepared prepared = prepare(source);
    RasterSource scene = prepared.raster();
    GeoTiffWriter.Georeference where = Georeferencing.of(scene);
    int[] all = new int[scene.bandNames().size()];
    for (int b = 0; b < all.length; b++) {
      all[b] = b;
    }
    SceneTiles.Stored stored =
        SceneTiles.store(
            store,
            sceneId,
            scene,
            new SceneTiles.Cut(
                all,
                settings.bands(),
                where,
                Georeferencing.wkt(scene.crs()),
                Radiometry.CANONICAL,
                settings.groundSampleDistance(),
                settings.tileSize(),
                settings.halo(),
                source.maskedShare(),
                prepared.notes(),
                source.acquiredAt()));
    return new Result(stored.manifest(), stored.manifestRef(), stored.tiles(), prepared.notes());
  }

  /**
   * Checks that the GeoTIFF {@code file} can be tiled (readable, georeferenced, the specification's
   * bands, a known radiometry, a bounded size) without tiling it.
   *
   * @throws RasterException naming the file and what is wrong
   */
  public void check(Path file) {
    try (SceneSource source = GeoTiffFormat.open(file)) {
      Georeferencing.of(prepare(source).raster());
    }
  }

  /**
   * The scene on the platform's grid, in its bands and canonical radiometry.
   *
   * @throws RasterException naming the file and what is wrong
   */
  public Prepared prepare(SceneSource source) {
    RasterSource raster = source.raster();
    checkSize(raster);
    if (raster.bandNames().size() > MAX_BANDS) {
      throw new RasterException(
          raster.name()
              + ": "
              + raster.bandNames().size()
              + " bands, more than the "
              + MAX_BANDS
              + " a scene may have; keep the bands the platform reads ("
              + String.join(", ", settings.bands())
              + ") with gdal_translate -b …");
    }
    int[] index = bandIndex(raster);
    List<Resampling> resampling = new ArrayList<>();
    for (int i : index) {
      resampling.add(source.resampling().get(i));
    }
    RasterSource selected = new SelectedBands(raster, index, settings.bands());
    List<String> notes = new ArrayList<>(source.notes());
    double gsd = settings.groundSampleDistance();
    RasterSource scene = selected;
    String reprojectedNote = null;
    if (ReprojectedScene.needed(selected, gsd)) {
      ReprojectedScene reprojected = ReprojectedScene.ontoUtm(selected, gsd, resampling);
      reprojectedNote =
          String.format(
              Locale.ROOT,
              "reprojected from %s onto %s at %s m (%s)",
              reprojected.describeSource(),
              Georeferencing.code(reprojected.crs()),
              gsd,
              resampling.stream().distinct().map(Resampling::toString).toList());
      scene = reprojected;
      checkSize(scene);
    }
    int cell = (int) Math.ceil(LCZ_CELL_METRES / gsd - 1e-9);
    if (scene.width() < cell || scene.height() < cell) {
      throw new RasterException(
          String.format(
              Locale.ROOT,
              "%s: %d × %d px at %s m is smaller than one %s m LCZ cell (%d × %d px): nothing to"
                  + " map",
              raster.name(),
              scene.width(),
              scene.height(),
              gsd,
              LCZ_CELL_METRES,
              cell,
              cell));
    }
    Radiometry radiometry = radiometry(selected, source, notes);
    if (reprojectedNote != null) {
      notes.add(reprojectedNote);
    }
    return new Prepared(new HarmonisedScene(scene, radiometry, Radiometry.CANONICAL), notes);
  }

  private Radiometry radiometry(RasterSource scene, SceneSource source, List<String> notes) {
    ValueSurvey survey = RadiometrySurvey.of(scene);
    double valid = survey.validShare();
    if (valid < MIN_VALID_SHARE) {
      throw new RasterException(
          String.format(
              Locale.ROOT,
              "%s holds no data to map: %.2f %% of the sampled pixels of its emptiest band have a"
                  + " value (the rest are nodata%s or NaN); at least %.0f %% are needed",
              scene.name(),
              100 * valid,
              scene.nodata().map(v -> " (" + v + ")").orElse(""),
              100 * MIN_VALID_SHARE));
    }
    RadiometryCheck.Finding finding;
    try {
      if (source.radiometry().isPresent()) {
        finding =
            RadiometryCheck.verify(
                scene.name(),
                source.radiometry().get(),
                source.declaredBy(),
                survey,
                source.trust());
        if (finding.note().isEmpty()) {
          notes.add(
              "radiometry: "
                  + finding.radiometry().label()
                  + ", as "
                  + source.declaredBy()
                  + " declares");
        }
      } else {
        finding = RadiometryCheck.detect(scene.name(), survey);
      }
    } catch (RadiometryException e) {
      throw new RasterException(e.getMessage(), e);
    }
    if (!finding.note().isEmpty()) {
      notes.add(finding.note());
    }
    return finding.radiometry();
  }

  private void checkSize(RasterSource scene) {
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
  }

  /**
   * For each band of the specification, its index in the scene: by name ({@link BandMatch}), or by
   * position when the file names no band and has exactly the specification's count (the documented
   * order).
   */
  private int[] bandIndex(RasterSource scene) {
    List<String> names = scene.bandNames();
    Optional<String> foreign = Sensors.foreignByBandNames(names);
    if (foreign.isPresent()) {
      throw new RasterException(
          scene.name()
              + ": a scene of "
              + foreign.get()
              + ": the platform reads Sentinel-2 only; if this is Sentinel-2, name its bands as"
              + " Sentinel-2 names them (B2 … B12, B8A)");
    }
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
      index[i] = BandMatch.indexOf(names, wanted.get(i));
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
}
