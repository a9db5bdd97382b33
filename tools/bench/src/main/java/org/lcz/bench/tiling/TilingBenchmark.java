package org.lcz.bench.tiling;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.lcz.contract.Sensors;
import org.lcz.ingest.source.SceneFormat;
import org.lcz.ingest.source.SceneSource;
import org.lcz.ingest.source.StacItemFormat;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.storage.Buckets;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.S3Settings;

/**
 * {@code ./lcz tiling-benchmark [SCENE.tif | ITEM.json]}: tiles a scene into the object store (S3
 * from {@code LCZ_S3_*}, the local stack by default) and compares it with a plain read and upload
 * of the same bytes; reports MB/s of input and the peak heap. The scene's bands must be the default
 * band specification (B2 … B12); tiles are 512 px with a 24 px halo, as in production. A STAC Item
 * is uploaded with the files of its folder, then ingested as the service does: its assets
 * downloaded, stacked (20 m bands resampled), masked, harmonised and tiled.
 */
public final class TilingBenchmark {
  private TilingBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: TilingBenchmark SCENE.tif");
      System.exit(2);
    }
    Path scene = Path.of(args[0]);
    if (scene.getFileName().toString().endsWith(".json")) {
      stac(scene);
      return;
    }
    long bytes = Files.size(scene);
    try (ObjectStore store = new MinioObjectStore(S3Settings.fromEnvironment())) {
      store.ensureBuckets(Buckets.all());
      String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);

      resetPeaks();
      long t0 = System.nanoTime();
      long read = 0;
      byte[] buffer = new byte[1 << 20];
      try (InputStream in = Files.newInputStream(scene)) {
        for (int n; (n = in.read(buffer)) > 0; ) {
          read += n;
        }
      }
      store.put(Buckets.INBOX, "benchmark/" + run + ".tif", scene, "image/tiff");
      double plain = (System.nanoTime() - t0) / 1e9;
      long plainHeap = peakHeap();

      resetPeaks();
      long t1 = System.nanoTime();
      SceneTiler tiler =
          new SceneTiler(
              store, new SceneTiler.Settings(Sensors.SENTINEL_2.defaultBands(), 10, 512, 24));
      SceneTiler.Result result = tiler.tile(run, scene);
      double tiling = (System.nanoTime() - t1) / 1e9;
      long tilingHeap = peakHeap();

      System.out.printf(
          Locale.ROOT,
          "scene %s: %d x %d px, %.0f MB on disk; max heap %d MB; %d cores%n",
          scene.getFileName(),
          result.manifest().width(),
          result.manifest().height(),
          bytes / 1e6,
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors());
      System.out.printf(
          Locale.ROOT,
          "plain read + upload : %6.1f s  %6.1f MB/s  peak heap %4d MB (read %d bytes)%n",
          plain,
          bytes / 1e6 / plain,
          plainHeap >> 20,
          read);
      System.out.printf(
          Locale.ROOT,
          "tiling (%d tiles)  : %6.1f s  %6.1f MB/s  peak heap %4d MB%n",
          result.tiles().size(),
          tiling,
          bytes / 1e6 / tiling,
          tilingHeap >> 20);
      System.out.printf(Locale.ROOT, "tiling / plain      : %.2f%n", plain / tiling);
      gdalSideBySide(scene, tiling);
      for (var o : store.list(Buckets.TILES, "scenes/" + run + "/")) {
        store.delete(Buckets.TILES, o.ref().key());
      }
      store.delete(Buckets.INBOX, "benchmark/" + run + ".tif");
    } catch (IOException e) {
      System.err.println("benchmark failed: " + e.getMessage());
      System.exit(1);
    }
  }

  /**
   * The same decode and re-encode by GDAL, on the same cores, for comparison: the scene into 512 px
   * internal tiles with the tiles' encoding (DEFLATE level 1, horizontal predictor) and GDAL's
   * threads for both, into a local file (GDAL neither cuts halos nor uploads).
   */
  private static void gdalSideBySide(Path scene, double tiling) throws IOException {
    Path out = Files.createTempFile("gdal-bench", ".tif");
    List<String> command =
        List.of(
            "gdal_translate",
            "-q",
            "-co",
            "TILED=YES",
            "-co",
            "BLOCKXSIZE=512",
            "-co",
            "BLOCKYSIZE=512",
            "-co",
            "COMPRESS=DEFLATE",
            "-co",
            "ZLEVEL=1",
            "-co",
            "PREDICTOR=2",
            "-co",
            "NUM_THREADS=ALL_CPUS",
            "-co",
            "BIGTIFF=IF_SAFER",
            "--config",
            "GDAL_NUM_THREADS",
            "ALL_CPUS",
            scene.toString(),
            out.toString());
    try {
      long t0 = System.nanoTime();
      Process p = new ProcessBuilder(command).inheritIO().start();
      if (p.waitFor() != 0) {
        System.out.println("gdal_translate failed; no side-by-side figure");
        return;
      }
      double gdal = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "gdal_translate      : %6.1f s  (%s)%n",
          gdal,
          String.join(" ", command.subList(1, command.size() - 2)));
      System.out.printf(Locale.ROOT, "tiling / gdal       : %.2f%n", tiling / gdal);
    } catch (IOException e) {
      System.out.println("gdal_translate not found (gdal-bin): no side-by-side figure");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static final List<String> BANDS = Sensors.SENTINEL_2.defaultBands();

  /** Uploads the Item's folder, then ingests the Item as the service does; prints time and heap. */
  private static void stac(Path item) throws Exception {
    Path folder = item.toAbsolutePath().getParent();
    try (ObjectStore store = new MinioObjectStore(S3Settings.fromEnvironment())) {
      store.ensureBuckets(Buckets.all());
      String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
      long bytes = 0;
      long t0 = System.nanoTime();
      try (var files = Files.list(folder)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          bytes += Files.size(f);
          store.put(Buckets.INBOX, "benchmark/" + run + "/" + f.getFileName(), f, "image/tiff");
        }
      }
      double upload = (System.nanoTime() - t0) / 1e9;
      Path work = Files.createTempDirectory("stac-bench");
      resetPeaks();
      long t1 = System.nanoTime();
      ObjectInfo object = store.stat(Buckets.INBOX, "benchmark/" + run + "/" + item.getFileName());
      SceneFormat.Plan plan = new StacItemFormat(BANDS).plan(object, store);
      Map<ObjectRef, Path> local = new LinkedHashMap<>();
      int n = 0;
      for (ObjectRef part : plan.parts()) {
        Path f = work.resolve("part-" + n++ + ".tif");
        store.download(part, f);
        local.put(part, f);
      }
      double download = (System.nanoTime() - t1) / 1e9;
      SceneTiler tiler = new SceneTiler(store, new SceneTiler.Settings(BANDS, 10, 512, 24));
      SceneTiler.Result result;
      try (SceneSource source = plan.open(local, work)) {
        result = tiler.tile(run, source);
      }
      double total = (System.nanoTime() - t1) / 1e9;
      long heap = peakHeap();
      System.out.printf(
          Locale.ROOT,
          "STAC Item %s: %d x %d px, %.0f MB of COGs; max heap %d MB; %d cores%n",
          item.getFileName(),
          result.manifest().width(),
          result.manifest().height(),
          bytes / 1e6,
          Runtime.getRuntime().maxMemory() >> 20,
          Runtime.getRuntime().availableProcessors());
      System.out.printf(Locale.ROOT, "upload of the folder : %6.1f s%n", upload);
      System.out.printf(
          Locale.ROOT,
          "ingest (%d tiles)  : %6.1f s (download of the assets %.1f s)  peak heap %d MB%n",
          result.tiles().size(),
          total,
          download,
          heap >> 20);
      result.notes().forEach(note -> System.out.println("  " + note));
      for (var o : store.list(Buckets.TILES, "scenes/" + run + "/")) {
        store.delete(Buckets.TILES, o.ref().key());
      }
      for (var o : store.list(Buckets.INBOX, "benchmark/" + run + "/")) {
        store.delete(Buckets.INBOX, o.ref().key());
      }
      try (var files = Files.walk(work)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The sum of the heap pools' peaks: an upper bound of the heap in use at any one time. */
  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
