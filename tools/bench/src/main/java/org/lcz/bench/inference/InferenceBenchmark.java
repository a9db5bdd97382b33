package org.lcz.bench.inference;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.sis.referencing.CommonCRS;
import org.lcz.contract.Radiometry;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.inference.map.TileTimes;
import org.lcz.inference.messaging.WorkerLoops;
import org.lcz.inference.model.ComputeDevice;
import org.lcz.inference.model.ModelOpener;
import org.lcz.inference.model.OrtClassifier;
import org.lcz.ingest.tiling.SceneTiles;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.GroupOffsets;
import org.lcz.raster.CellGrid;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.RasterSource;
import org.lcz.storage.Buckets;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.S3Settings;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * {@code ./lcz inference-benchmark}: for one exported model, at one batch size and thread count,
 * measured in the same run: (1) ONNX Runtime alone (its Java API, random normalised patches), (2)
 * the worker's {@link OrtClassifier} alone (the batch copied into its buffer, the answer out), (3)
 * the worker end to end — tile events in, tiles read from S3, patches cut and normalised,
 * classified, map tiles written to S3, MapTileWritten on the broker, offsets committed. The ratio
 * (3)/(1) is the figure of merit. The scene is random pixels with the model's bands, tiled as the
 * ingest service does (512 px, 24 px halo).
 *
 * <p>Usage: {@code InferenceBenchmark MODEL.onnx [--batch N] [--threads N] [--scene PX] [--scaling]
 * [--alone]}; S3 from {@code LCZ_S3_*}, the broker from {@code LCZ_KAFKA_BOOTSTRAP_SERVERS}. {@code
 * --alone} stops after (1) and (2) (the granule benchmark's comparison).
 */
public final class InferenceBenchmark {
  private static final int TILE = 512;
  private static final int HALO = 24;

  private InferenceBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println(
          "usage: InferenceBenchmark MODEL.onnx [--batch N] [--threads N] [--scene PX] [--scaling]"
              + " [--alone]");
      System.exit(2);
    }
    Path model = Path.of(args[0]);
    int batch = option(args, "--batch", 256);
    int threads = option(args, "--threads", 2);
    int scenePx = option(args, "--scene", 2048);
    String bootstrap =
        System.getenv().getOrDefault("LCZ_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    ModelContract contract = contract(model);
    System.out.printf(
        "model %s (%s, %d bands, %d px patches), batch %d, %d threads, scene %d px%n",
        model,
        contract.architecture(),
        contract.bands().size(),
        contract.patchSize(),
        batch,
        threads,
        scenePx);

    CellGrid grid = new CellGrid(scenePx, scenePx, 10);
    int patches = grid.cols() * grid.rows();

    double classifier = classifierAlone(model, contract, batch, threads, patches);
    double raw = rawOnnxRuntime(model, contract, batch, threads, patches);
    System.out.printf("ONNX Runtime alone:       %8.1f patches/s%n", raw);
    System.out.printf("the worker's classifier:  %8.1f patches/s%n", classifier);
    if (Arrays.asList(args).contains("--alone")) {
      return; // ONNX Runtime only, for another benchmark's comparison
    }

    try (ObjectStore store = new MinioObjectStore(S3Settings.fromEnvironment())) {
      store.ensureBuckets(Buckets.all());
      double endToEnd = endToEnd(store, bootstrap, model, contract, scenePx, batch, threads, 1);
      System.out.printf("ratio end to end / ONNX Runtime alone: %.2f%n", endToEnd / raw);
      if (Arrays.asList(args).contains("--scaling")) {
        // the same scene size through one worker of one thread, then through two such workers
        double one = endToEnd(store, bootstrap, model, contract, scenePx, batch, 1, 1);
        double two = endToEnd(store, bootstrap, model, contract, scenePx, batch, 1, 2);
        System.out.printf(
            "scaling: one worker (1 thread) %.1f patches/s, two workers (1 thread each) %.1f"
                + " patches/s: ratio %.2f%n",
            one, two, two / one);
      }
    }
  }

  /**
   * Maps a random scene of {@code scenePx}² through {@code workers} workers in one consumer group
   * (as in the application: tile events in, map tiles and MapTileWritten out); the patches per
   * second from the first tile event sent to the last map tile announced.
   */
  private static double endToEnd(
      ObjectStore store,
      String bootstrap,
      Path model,
      ModelContract contract,
      int scenePx,
      int batch,
      int threads,
      int workers)
      throws Exception {
    String run = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    CellGrid grid = new CellGrid(scenePx, scenePx, 10);
    int patches = grid.cols() * grid.rows();
    List<TileReady> tiles = tileRandomScene(store, run, contract, scenePx);
    ObjectRef onnx =
        store.put(Buckets.MODELS, run + "/model.onnx", model, "application/octet-stream");
    ModelPublished published =
        new ModelPublished(
            LczEvent.CURRENT_SCHEMA_VERSION,
            run,
            contract.version(),
            onnx,
            onnx,
            contract,
            true,
            "benchmark",
            0,
            null,
            Instant.now());
    List<WorkerLoops> started = new ArrayList<>();
    Queue<TileTimes> times = new ConcurrentLinkedQueue<>();
    try (EventPublisher events = new EventPublisher(bootstrap, URI.create("/lcz/bench"))) {
      GroupOffsets.startAtEnd(bootstrap, run + "-tiles", Topics.TILES);
      events.publishAndWait(published, Duration.ofSeconds(30));
      for (int i = 0; i < workers; i++) {
        started.add(
            new WorkerLoops(
                new WorkerLoops.Settings(
                    bootstrap,
                    run,
                    100,
                    run + "-tiles",
                    run + "-assembly",
                    256,
                    Duration.ofSeconds(1),
                    Files.createTempDirectory("inference-bench"),
                    URI.create("/lcz/bench")),
                store,
                new ModelOpener(new ComputeDevice(false, "benchmark"), batch, threads),
                times::add));
      }
      // every worker subscribed and holding partitions, so no rebalance happens mid-run
      while (!started.stream()
          .allMatch(w -> w.tiles().isSubscribed() && !w.tiles().assignedPartitions().isEmpty())) {
        Thread.sleep(100);
      }
      long t0 = System.nanoTime();
      for (TileReady t : tiles) {
        events.publishAndWait(t, Duration.ofSeconds(30));
      }
      while (started.stream().mapToLong(w -> w.tiles().mapped()).sum() < tiles.size()) {
        Thread.sleep(20);
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      while (started.stream().mapToInt(w -> w.assembly().completed()).sum() < 1) {
        Thread.sleep(20);
      }
      double assembled = (System.nanoTime() - t0) / 1e9;
      double perSecond = patches / seconds;
      System.out.printf(
          "worker end to end (%d worker%s, %d thread%s each): %8.1f patches/s (%d tiles, %d"
              + " patches in %.1f s; tiles per worker %s; scene map assembled after %.1f s)%n",
          workers,
          workers == 1 ? "" : "s",
          threads,
          threads == 1 ? "" : "s",
          perSecond,
          tiles.size(),
          patches,
          seconds,
          started.stream().map(w -> Long.toString(w.tiles().mapped())).toList(),
          assembled);
      System.out.println("  " + phases(times));
      return perSecond;
    } finally {
      started.forEach(WorkerLoops::close);
    }
  }

  /** Where the workers' time went, summed over the tiles they mapped. */
  static String phases(Collection<TileTimes> times) {
    long read = 0;
    long map = 0;
    long classify = 0;
    long write = 0;
    int patches = 0;
    for (TileTimes t : times) {
      read += t.readNanos();
      map += t.mapNanos();
      classify += t.classifyNanos();
      write += t.writeNanos();
      patches += t.patches();
    }
    TileTimes all = new TileTimes("all", "all", patches, read, map, classify, write);
    int tiles = Math.max(1, times.size());
    double total = Math.max(1, all.totalNanos());
    return String.format(
        Locale.ROOT,
        "per tile (%d tiles): read %.0f ms (%.1f %%), map %.0f ms (%.1f %%; %.1f patches/s while"
            + " mapping, %.1f inside the classifier; cutting %.1f %% of mapping), write %.0f ms"
            + " (%.1f %%)",
        times.size(),
        read / 1e6 / tiles,
        100 * read / total,
        map / 1e6 / tiles,
        100 * map / total,
        all.patchesPerSecond(),
        classify == 0 ? 0 : patches / (classify / 1e9),
        map == 0 ? 0 : 100.0 * all.cutNanos() / map,
        write / 1e6 / tiles,
        100 * write / total);
  }

  private static int option(String[] args, String name, int fallback) {
    for (int i = 1; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }

  /** The contract the training worker writes into the ONNX file's metadata. */
  static ModelContract contract(Path model) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(model.toString())) {
      return ModelContract.fromMetadata(session.getMetadata().getCustomMetadata());
    }
  }

  private static float[] randomBatch(ModelContract c, int batch) {
    float[] data = new float[batch * c.bands().size() * c.patchSize() * c.patchSize()];
    Random random = new Random(7);
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextGaussian();
    }
    return data;
  }

  private static double rawOnnxRuntime(
      Path model, ModelContract c, int batch, int threads, int patches) throws Exception {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      try (OrtSession session = env.createSession(model.toString(), options)) {
        // in native memory, as the worker's classifier keeps it (a heap array costs ONNX Runtime
        // a fresh direct buffer per batch: 30 % of the throughput here)
        float[] values = randomBatch(c, batch);
        FloatBuffer data =
            ByteBuffer.allocateDirect(values.length * Float.BYTES)
                .order(ByteOrder.nativeOrder())
                .asFloatBuffer()
                .put(values);
        data.flip();
        long[] shape = {batch, c.bands().size(), c.patchSize(), c.patchSize()};
        String input = session.getInputNames().iterator().next();
        for (int warm = 0; warm < 2; warm++) {
          try (OnnxTensor t = OnnxTensor.createTensor(env, data, shape);
              OrtSession.Result r = session.run(Map.of(input, t))) {
            r.get(0);
          }
        }
        int batches = (patches + batch - 1) / batch;
        long t0 = System.nanoTime();
        for (int b = 0; b < batches; b++) {
          try (OnnxTensor t = OnnxTensor.createTensor(env, data, shape);
              OrtSession.Result r = session.run(Map.of(input, t))) {
            r.get(0);
          }
        }
        return (double) batches * batch / ((System.nanoTime() - t0) / 1e9);
      }
    }
  }

  private static double classifierAlone(
      Path model, ModelContract c, int batch, int threads, int patches) {
    try (OrtClassifier classifier =
        OrtClassifier.load(
            model,
            c.bands().size(),
            c.patchSize(),
            c.classValues().size(),
            new ComputeDevice(false, "benchmark"),
            threads)) {
      float[] data = randomBatch(c, batch);
      float[] out = new float[batch * c.classValues().size()];
      classifier.classify(data, batch, out);
      classifier.classify(data, batch, out);
      int batches = (patches + batch - 1) / batch;
      long t0 = System.nanoTime();
      for (int b = 0; b < batches; b++) {
        classifier.classify(data, batch, out);
      }
      return (double) batches * batch / ((System.nanoTime() - t0) / 1e9);
    }
  }

  /** A random UInt16 scene with the model's bands, tiled and stored as the ingest service does. */
  private static List<TileReady> tileRandomScene(
      ObjectStore store, String sceneId, ModelContract c, int px) {
    double[] gt = {500000, 10, 0, 5000000, 0, -10};
    RasterSource random =
        new RasterSource() {
          private final Random random = new Random(3);

          @Override
          public String name() {
            return "random scene";
          }

          @Override
          public int width() {
            return px;
          }

          @Override
          public int height() {
            return px;
          }

          @Override
          public List<String> bandNames() {
            return c.bands();
          }

          @Override
          public int dataType() {
            return DataBuffer.TYPE_USHORT;
          }

          @Override
          public Optional<Double> nodata() {
            return Optional.empty();
          }

          @Override
          public double[] geoTransform() {
            return gt.clone();
          }

          @Override
          public CoordinateReferenceSystem crs() {
            return CommonCRS.WGS84.universal(45, 9); // UTM 32N
          }

          @Override
          public Raster read(int x, int y, int w, int h) {
            WritableRaster r =
                Raster.createBandedRaster(DataBuffer.TYPE_USHORT, w, h, c.bands().size(), null);
            for (int b = 0; b < c.bands().size(); b++) {
              double mean = c.bandMeans().get(b);
              double std = c.bandStds().get(b);
              for (int j = 0; j < h; j++) {
                for (int i = 0; i < w; i++) {
                  r.setSample(
                      i, j, b, Math.max(0, Math.min(65535, mean + std * random.nextGaussian())));
                }
              }
            }
            return r;
          }
        };
    int[] all = new int[c.bands().size()];
    for (int b = 0; b < all.length; b++) {
      all[b] = b;
    }
    return SceneTiles.store(
            store,
            sceneId,
            random,
            new SceneTiles.Cut(
                all,
                c.bands(),
                new GeoTiffWriter.Georeference(gt, 32632, true),
                "PROJCRS[\"WGS 84 / UTM zone 32N\"]",
                c.radiometry() == null ? Radiometry.CANONICAL : c.radiometry(),
                10,
                TILE,
                HALO,
                null,
                List.of(),
                null))
        .tiles();
  }
}
