package org.lcz.ingest.tiling;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.lcz.contract.Radiometry;
import org.lcz.events.TileReady;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.Quicklook;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.TileCutter;
import org.lcz.raster.TileLayout;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * Stores a scene as tiles: cuts it with {@link TileCutter} (one tile in memory at a time), writes
 * each tile, its bands in the platform's order, as a GeoTIFF at {@code
 * lcz-tiles/scenes/{sceneId}/tiles/{row}_{col}.tif}, stores the {@link SceneManifest} last, and
 * returns the TileReady events that announce them.
 */
public final class SceneTiles {
  private SceneTiles() {}

  /**
   * What was stored (and the true-colour quicklook at {@link #quicklookKey}, when the bands have
   * B4/B3/B2).
   */
  public record Stored(SceneManifest manifest, ObjectRef manifestRef, List<TileReady> tiles) {}

  /** The quicklook's key in {@code lcz-tiles}. */
  public static String quicklookKey(String sceneId) {
    return "scenes/" + sceneId + "/quicklook.png";
  }

  /**
   * How to cut and label the tiles.
   *
   * @param bandIndex for each output band, its index in the scene
   * @param bands the output band names
   * @param where the scene's georeference (EPSG code); tiles carry their own origin
   * @param crsWkt the scene's CRS as WKT, for the manifest
   * @param radiometry the radiometry of the scene's reflectance bands, for the manifest
   * @param maskedShare the share of the scene masked by ingest, if known, for the manifest
   * @param notes what ingest noted, for the manifest
   */
  public record Cut(
      int[] bandIndex,
      List<String> bands,
      GeoTiffWriter.Georeference where,
      String crsWkt,
      Radiometry radiometry,
      double groundSampleDistance,
      int tileSize,
      int halo,
      Double maskedShare,
      List<String> notes,
      Instant acquiredAt) {}

  /** Tiles {@code scene} as scene {@code sceneId} into {@code store}. */
  public static Stored store(ObjectStore store, String sceneId, RasterSource scene, Cut cut) {
    TileLayout layout = new TileLayout(scene.width(), scene.height(), cut.tileSize(), cut.halo());
    TileCutter cutter = new TileCutter(scene, layout);
    String prefix = "scenes/" + sceneId + "/";
    Double nodata = scene.nodata().orElse(null);
    List<SceneManifest.TileEntry> entries = new ArrayList<>();
    List<ObjectRef> refs = new ArrayList<>();
    Quicklook quicklook =
        Quicklook.trueColour(cut.bands())
            .map(
                rgb -> {
                  int[] inScene = new int[3];
                  for (int c = 0; c < 3; c++) {
                    inScene[c] = cut.bandIndex()[rgb[c]];
                  }
                  return new Quicklook(scene.width(), scene.height(), inScene, nodata);
                })
            .orElse(null);
    List<TileLayout.Tile> tiles = layout.tiles();
    List<Future<ObjectRef>> stored = new ArrayList<>();
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread thread = new Thread(r, "lcz-tile-encoder");
              thread.setDaemon(true);
              return thread;
            });
    // at most two tiles per thread in flight: the rows they need stay bounded while this thread
    // reads the next rows
    Semaphore inFlight = new Semaphore(2 * threads);
    // a tile that cannot be stored ends the scene: no further rows are read for it
    AtomicBoolean failed = new AtomicBoolean();
    try {
      for (TileLayout.Tile t : tiles) {
        if (failed.get()) {
          break;
        }
        TileCutter.Window window = cutter.window(t);
        inFlight.acquireUninterruptibly();
        stored.add(
            pool.submit(
                () -> {
                  try {
                    return cutAndStore(store, sceneId, cut, cutter, window, t, quicklook, nodata);
                  } catch (RuntimeException e) {
                    failed.set(true);
                    throw e;
                  } finally {
                    inFlight.release();
                  }
                }));
      }
      // in tile order; after a failure, result() throws at the first failed tile
      for (int i = 0; i < stored.size(); i++) {
        TileLayout.Tile t = tiles.get(i);
        ObjectRef ref = result(stored.get(i));
        refs.add(ref);
        entries.add(
            new SceneManifest.TileEntry(
                t.id(),
                t.row(),
                t.col(),
                t.coreX(),
                t.coreY(),
                t.coreWidth(),
                t.coreHeight(),
                ref.key(),
                ref.sha256()));
      }
    } finally {
      pool.shutdownNow();
    }
    SceneManifest manifest =
        new SceneManifest(
            sceneId,
            scene.width(),
            scene.height(),
            cut.crsWkt(),
            cut.where().epsg(),
            scene.geoTransform(),
            cut.groundSampleDistance(),
            cut.bands(),
            typeName(scene.dataType()),
            cut.radiometry(),
            nodata,
            cut.tileSize(),
            cut.halo(),
            entries,
            cut.maskedShare(),
            cut.notes() == null || cut.notes().isEmpty() ? null : List.copyOf(cut.notes()),
            cut.acquiredAt());
    if (quicklook != null) {
      store.put(Buckets.TILES, quicklookKey(sceneId), quicklook.png(), "image/png");
    }
    ObjectRef manifestRef =
        store.put(Buckets.TILES, prefix + "manifest.json", manifest.toJson(), "application/json");
    List<TileReady> events = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      events.add(event(sceneId, entries.get(i), entries.size(), refs.get(i), manifestRef));
    }
    return new Stored(manifest, manifestRef, events);
  }

  /**
   * The tile events of a re-map of a tiled scene by model version {@code modelVersion}: one per
   * tile of its manifest, naming the tile objects stored when it was tiled as {@code stored} gives
   * them (with their SHA-256, so that the tiles mapped again are the ones mapped before).
   */
  public static List<TileReady> remap(
      String sceneId,
      SceneManifest manifest,
      ObjectRef manifestRef,
      String modelVersion,
      UnaryOperator<ObjectRef> stored) {
    List<SceneManifest.TileEntry> entries = manifest.tiles();
    List<TileReady> events = new ArrayList<>();
    for (SceneManifest.TileEntry e : entries) {
      ObjectRef tile = stored.apply(tileRef(sceneId, e.id()));
      events.add(event(sceneId, e, entries.size(), tile, manifestRef).remappedBy(modelVersion));
    }
    return events;
  }

  /** The TileReady of tile {@code e} of a scene of {@code count} tiles. */
  private static TileReady event(
      String sceneId, SceneManifest.TileEntry e, int count, ObjectRef tile, ObjectRef manifest) {
    return new TileReady(sceneId, sceneId + "-" + e.id(), e.row(), e.col(), count, tile, manifest);
  }

  /** Where tile {@code tileId} of a scene is stored. */
  public static ObjectRef tileRef(String sceneId, String tileId) {
    return ObjectRef.of(Buckets.TILES, "scenes/" + sceneId + "/tiles/" + tileId + ".tif");
  }

  /** Cuts one tile, adds it to the quicklook, encodes it and stores it. */
  private static ObjectRef cutAndStore(
      ObjectStore store,
      String sceneId,
      Cut cut,
      TileCutter cutter,
      TileCutter.Window window,
      TileLayout.Tile t,
      Quicklook quicklook,
      Double nodata) {
    Raster all = window.cut();
    if (quicklook != null) {
      synchronized (quicklook) {
        quicklook.add(
            all,
            t.coreX() - cut.halo(),
            t.coreY() - cut.halo(),
            t.coreX(),
            t.coreY(),
            t.coreWidth(),
            t.coreHeight());
      }
    }
    Raster pixels = all.createChild(0, 0, all.getWidth(), all.getHeight(), 0, 0, cut.bandIndex());
    byte[] tiff =
        GeoTiffWriter.write(
            pixels,
            new GeoTiffWriter.Georeference(
                cutter.geoTransform(t), cut.where().epsg(), cut.where().projected()),
            cut.bands(),
            nodata);
    ObjectRef where = tileRef(sceneId, t.id());
    return store.put(where.bucket(), where.key(), tiff, "image/tiff");
  }

  /** The tile's stored object, or its failure as thrown by the tiling thread. */
  private static ObjectRef result(Future<ObjectRef> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RasterException("tiling was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new RasterException("a tile could not be stored: " + e.getCause(), e.getCause());
    }
  }

  /** GDAL's name of a {@link DataBuffer} type. */
  static String typeName(int type) {
    return switch (type) {
      case DataBuffer.TYPE_BYTE -> "Byte";
      case DataBuffer.TYPE_SHORT -> "Int16";
      case DataBuffer.TYPE_USHORT -> "UInt16";
      case DataBuffer.TYPE_INT -> "Int32";
      case DataBuffer.TYPE_FLOAT -> "Float32";
      default -> "Float64";
    };
  }
}
