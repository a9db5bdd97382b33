package org.lcz.inference.map;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.lcz.contract.BandMismatchException;
import org.lcz.contract.Preprocessing;
import org.lcz.contract.RadiometryException;
import org.lcz.events.MapTileWritten;
import org.lcz.events.ModelContract;
import org.lcz.events.TileReady;
import org.lcz.inference.window.PatchSampler;
import org.lcz.inference.window.TilePixels;
import org.lcz.raster.CellGrid;
import org.lcz.raster.RasterException;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.SceneRaster;
import org.lcz.storage.ChecksumMismatchException;
import org.lcz.storage.ObjectNotFoundException;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;

/**
 * Maps one tile: reads the scene manifest and the tile from the object store, checks them against
 * the model's contract (bands by name, ground sample distance, halo), classifies the cells whose
 * centre pixels lie in the tile's core, and stores the map tile at {@code
 * lcz-maps/scenes/{sceneId}/tiles/{row}_{col}.tif}. Rewriting a map tile for a redelivered event
 * gives the same object. The next tile can be read while this one is mapped ({@link #readAhead}).
 */
public final class TileJob implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(TileJob.class.getName());
  private static final int MANIFESTS = 32;

  private final ObjectStore store;
  private final Path workDir;
  private final double cellSize;
  private final Consumer<TileTimes> timings;
  private final ReadAhead readAhead = new ReadAhead();
  private final Map<String, SceneManifest> manifests =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, SceneManifest> eldest) {
          return size() > MANIFESTS;
        }
      };

  /**
   * @param cellSize output cell edge in map units (metres)
   */
  public TileJob(ObjectStore store, Path workDir, double cellSize) {
    this(store, workDir, cellSize, times -> {});
  }

  /**
   * @param timings told where each mapped tile's time went, on the mapping thread, after its map
   *     tile is stored
   */
  public TileJob(ObjectStore store, Path workDir, double cellSize, Consumer<TileTimes> timings) {
    this.store = store;
    this.workDir = workDir;
    this.cellSize = cellSize;
    this.timings = timings;
  }

  /**
   * Maps the tile of {@code event} with {@code model}.
   *
   * @throws UnmappableTileException if the tile can never be mapped by this model (the message says
   *     why)
   * @throws ObjectStoreException if the object store is unreachable (worth retrying)
   */
  public MapTileWritten map(TileReady event, ActiveModel model) {
    SceneManifest manifest = manifest(event.manifest());
    SceneManifest.TileEntry entry = entry(manifest, event);
    ModelContract contract = model.contract();
    check(manifest, contract);
    CellGrid grid =
        CellGrid.of(manifest.width(), manifest.height(), cellSize, manifest.geoTransform()[1]);
    CellGrid.Span span =
        grid.cellsOf(entry.coreX(), entry.coreY(), entry.coreWidth(), entry.coreHeight());
    if (span.isEmpty()) {
      throw new UnmappableTileException(
          "tile "
              + entry.id()
              + " holds no cell centre (its core is narrower than a "
              + cellSize
              + " m cell)");
    }
    long start = System.nanoTime();
    TilePixels pixels =
        readAhead.take(readKey(event)).orElseGet(() -> read(event.tile(), manifest, entry));
    long read = System.nanoTime();
    PatchSampler sampler =
        new PatchSampler(pixels, contract.patchSize(), preprocessing(manifest, model));
    long classifiedBefore = model.mapper().classifyNanos();
    MapTile tile =
        model.mapper().map(grid, span, sampler, manifest.geoTransform(), model.version());
    long mapped = System.nanoTime();
    long classifying = model.mapper().classifyNanos() - classifiedBefore;
    ObjectRef target = MapKeys.tile(event.sceneId(), event.remapModel(), entry.id());
    ObjectRef stored =
        store.put(
            target.bucket(),
            target.key(),
            MapTileFile.write(tile, manifest.epsg(), manifest.projected()),
            "image/tiff");
    report(
        new TileTimes(
            event.sceneId(),
            event.tileId(),
            classified(tile),
            read - start,
            mapped - read,
            classifying,
            System.nanoTime() - mapped));
    return new MapTileWritten(
        event.sceneId(),
        event.tileId(),
        event.row(),
        event.col(),
        event.sceneTileCount(),
        stored,
        model.version(),
        event.isRemap());
  }

  /**
   * Starts reading the tile of {@code next} on a thread of its own, to be taken by {@link #map}
   * when that tile's turn comes (two tiles are held, the one about to be mapped and the next; a
   * further call forgets the eldest). Anything that goes wrong here is met again, and reported, by
   * {@link #map}'s own read.
   */
  public void readAhead(TileReady next) {
    readAhead.start(
        readKey(next),
        () -> {
          SceneManifest manifest = manifest(next.manifest());
          return read(next.tile(), manifest, entry(manifest, next));
        });
  }

  /** Whether the tile of {@code event} is being read ahead or waits to be taken (for tests). */
  boolean holdsReadAhead(TileReady event) {
    return readAhead.holds(readKey(event));
  }

  /** Stops reading ahead. */
  @Override
  public void close() {
    readAhead.close();
  }

  private static String readKey(TileReady event) {
    return event.tile().uri() + "@" + event.tile().sha256();
  }

  private static SceneManifest.TileEntry entry(SceneManifest manifest, TileReady event) {
    return manifest.tiles().stream()
        .filter(t -> t.row() == event.row() && t.col() == event.col())
        .findFirst()
        .orElseThrow(
            () ->
                new UnmappableTileException(
                    "the scene manifest "
                        + event.manifest().uri()
                        + " has no tile "
                        + event.row()
                        + "_"
                        + event.col()));
  }

  private void report(TileTimes times) {
    try {
      timings.accept(times);
    } catch (RuntimeException e) { // the map tile is stored: a failing report must not undo it
      LOG.warning("could not report the times of " + times.describe() + ": " + e);
    }
  }

  private static int classified(MapTile tile) {
    int n = 0;
    for (byte c : tile.classes()) {
      if (c != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * The tiles' bands and radiometry to the model's input.
   *
   * @throws UnmappableTileException naming both sides when they cannot be reconciled
   */
  static Preprocessing preprocessing(SceneManifest manifest, ActiveModel model) {
    ModelContract contract = model.contract();
    String which = "model " + model.published().modelName() + " version " + model.version();
    if (contract.radiometry() == null) {
      throw new UnmappableTileException(
          which
              + ": its contract names no radiometry (it was trained before radiometry was"
              + " recorded); retrain it to map scenes");
    }
    if (manifest.radiometry() == null) {
      throw new UnmappableTileException(
          "the scene manifest of "
              + manifest.sceneId()
              + " names no radiometry (it was tiled before radiometry was recorded); ingest the"
              + " scene again");
    }
    try {
      return Preprocessing.of(
          new Preprocessing.ModelInput(
              contract.bands(), contract.radiometry(), contract.bandMeans(), contract.bandStds()),
          manifest.bands(),
          manifest.radiometry(),
          manifest.nodata());
    } catch (BandMismatchException | RadiometryException e) {
      throw new UnmappableTileException(which + ": " + e.getMessage(), e);
    }
  }

  private void check(SceneManifest manifest, ModelContract contract) {
    double gsd = Math.abs(manifest.geoTransform()[1]);
    if (Math.abs(gsd - contract.groundSampleDistance()) > 1e-6 * contract.groundSampleDistance()) {
      throw new UnmappableTileException(
          "the scene has "
              + gsd
              + " m pixels but the model was trained on "
              + contract.groundSampleDistance()
              + " m pixels; ingest the scene at "
              + contract.groundSampleDistance()
              + " m (lcz.ingest.ground-sample-distance)");
    }
    if (manifest.halo() < CellGrid.haloNeeded(contract.patchSize())) {
      throw new UnmappableTileException(
          "the tiles have a halo of "
              + manifest.halo()
              + " pixels; the model's "
              + contract.patchSize()
              + "-pixel patches need at least "
              + CellGrid.haloNeeded(contract.patchSize())
              + " (lcz.ingest.halo)");
    }
    try {
      CellGrid.of(manifest.width(), manifest.height(), cellSize, gsd);
    } catch (IllegalArgumentException e) {
      throw new UnmappableTileException(e.getMessage(), e);
    }
  }

  private SceneManifest manifest(ObjectRef ref) {
    String key = ref.uri() + "@" + ref.sha256();
    synchronized (manifests) {
      SceneManifest cached = manifests.get(key);
      if (cached != null) {
        return cached;
      }
    }
    SceneManifest m;
    try {
      m = SceneManifest.read(store.read(ref));
    } catch (ObjectNotFoundException e) {
      throw new UnmappableTileException("the scene manifest " + ref.uri() + " does not exist", e);
    } catch (UncheckedIOException e) {
      throw new UnmappableTileException(
          "the scene manifest " + ref.uri() + " cannot be read: " + e.getMessage(), e);
    } catch (ObjectStoreException e) {
      if (e.getCause() instanceof ChecksumMismatchException) {
        throw new UnmappableTileException(
            "the scene manifest "
                + ref.uri()
                + " is not the one the event names: "
                + e.getCause().getMessage(),
            e);
      }
      throw e;
    }
    synchronized (manifests) {
      manifests.put(key, m);
    }
    return m;
  }

  private TilePixels read(ObjectRef ref, SceneManifest manifest, SceneManifest.TileEntry entry) {
    Path file;
    try {
      Files.createDirectories(workDir);
      file = Files.createTempFile(workDir, "tile-", ".tif");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write into " + workDir, e);
    }
    try {
      store.download(ref, file);
      try (SceneRaster raster = SceneRaster.open(file)) {
        if (raster.bandNames().size() != manifest.bands().size()) {
          throw new UnmappableTileException(
              "tile "
                  + ref.uri()
                  + " has "
                  + raster.bandNames().size()
                  + " bands, its manifest names "
                  + manifest.bands());
        }
        return TilePixels.of(
            raster.read(0, 0, raster.width(), raster.height()),
            manifest.bands(),
            entry.coreX() - manifest.halo(),
            entry.coreY() - manifest.halo(),
            Optional.ofNullable(manifest.nodata()));
      }
    } catch (RasterException e) {
      throw new UnmappableTileException(
          "tile " + ref.uri() + " cannot be read: " + e.getMessage(), e);
    } catch (ObjectNotFoundException e) {
      throw new UnmappableTileException("tile " + ref.uri() + " does not exist", e);
    } catch (ObjectStoreException e) {
      if (e.getCause() instanceof ChecksumMismatchException) {
        throw new UnmappableTileException(
            "tile " + ref.uri() + " is not the one the event names: " + e.getCause().getMessage(),
            e);
      }
      throw e;
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a temporary file; the work folder is cleaned at start
      }
    }
  }
}
