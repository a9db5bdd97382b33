package org.lcz.demo;

import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.lcz.deploy.launcher.LczLauncher;
import org.lcz.deploy.launcher.RestartPolicy;
import org.lcz.deploy.launcher.ServiceSpec;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.events.EpochCompleted;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.ModelPublished;
import org.lcz.events.Promotion;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.SceneTiled;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.events.TrainingAreas;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.raster.SceneRaster;
import org.lcz.scheme.LczFilter;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.synth.WorldSpec;

/**
 * The demo: the whole platform loop on a synthetic LCZ world, through the same doors a user uses —
 * the S3 API for data sets and scenes, a {@code TrainingRequested} event for training, the events
 * on Kafka for progress and results. Each stage reports on the terminal; a stage that cannot finish
 * throws {@link StageFailedException} with its reason. The platform runs until {@link #close()}.
 */
public final class Demo implements AutoCloseable {
  /** The file that marks a data folder as the demo's own (so emptying it is safe). */
  static final String MARKER = ".lcz-demo";

  /** The local copies of the map's products, under the data folder. */
  static final String RESULTS_DIR = "results";

  /** The scene COG's file name (bands lcz, lczFilter, classProbability). */
  static final String MAP_FILE = "lcz.tif";

  static final int STAGES = 7;

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
  private static final DateTimeFormatter RUN_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final DemoOptions options;
  private final Progress progress;
  private volatile LczLauncher launcher;
  private volatile boolean closing;
  private PrintStream launcherLog;

  private final RestartPolicy restarts;

  /** A demo of {@code options} reporting on {@code out}. */
  public Demo(DemoOptions options, PrintStream out) {
    this(options, out, RestartPolicy.standard());
  }

  /** With {@code restarts} deciding when a crashed service is started again (drills). */
  Demo(DemoOptions options, PrintStream out, RestartPolicy restarts) {
    this.options = options;
    this.progress = new Progress(out, STAGES);
    this.restarts = restarts;
  }

  /** What the demo did and got. */
  public record Result(
      WorldSpec.Written world,
      TrainingRequested request,
      ModelPublished model,
      String sceneId,
      SceneMapCompleted map,
      MapScore score,
      MapScore filteredScore,
      MapScore probabilityFilteredScore,
      Path results,
      RegionStage.Result region) {}

  /**
   * Runs every stage; the platform stays up until {@link #close()}.
   *
   * @throws StageFailedException naming the stage that failed and why
   */
  public Result run() {
    try {
      startPlatform();
      WorldSpec.Written world = writeWorld();
      LocalStack stack = launcher.stack();
      try (ObjectStore store = stack.newObjectStore();
          EventPublisher publisher =
              new EventPublisher(stack.kafkaBootstrapServers(), URI.create("/lcz/demo"))) {
        Uploaded sets = upload(store, world);
        TrainingRequested request = request(sets);
        ModelPublished model = train(publisher, request);
        SceneMapCompleted map = mapScene(store, world, model);
        Path results = download(store, map);
        MapScore score = score(results.resolve(MAP_FILE), world.truth());
        MapScore filtered = MapScore.of(results.resolve(MAP_FILE), 1, world.truth());
        MapScore byProbabilities =
            MapScore.of(
                results.resolve(MAP_FILE),
                probabilityFilter(results.resolve("probabilities.tif")),
                world.truth());
        compareFilters(score, filtered, byProbabilities);
        report(map, results, score);
        RegionStage.Result region = options.region() ? region(store, world) : null;
        return new Result(
            world,
            request,
            model,
            map.sceneId(),
            map,
            score,
            filtered,
            byProbabilities,
            results,
            region);
      }
    } catch (StageFailedException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StageFailedException(
          progress.current(),
          closing
              ? "stopped before the stage could finish (Ctrl-C?)"
              : String.valueOf(e.getMessage()),
          e);
    }
  }

  /**
   * The region stage on the running platform (after {@link #run()}): see {@link RegionStage}.
   *
   * @throws StageFailedException naming what did not hold
   */
  RegionStage.Result region(ObjectStore store, WorldSpec.Written world) {
    try {
      return new RegionStage(
              new RegionStage.DemoContext(
                  launcher.stack().kafkaBootstrapServers(),
                  store,
                  options.platform().httpPort(),
                  launcher.apiKey(),
                  world.scene(),
                  world.truth(),
                  options.dataDir().resolve("region"),
                  progress,
                  options.mappingTimeout()))
          .run();
    } catch (StageFailedException e) {
      throw e;
    } catch (Exception e) {
      throw new StageFailedException("region", String.valueOf(e.getMessage()), e);
    }
  }

  /** Blocks while the platform runs (for {@code --keep-running}); returns when a service stops. */
  public void awaitStop() {
    LczLauncher running = launcher;
    while (running != null && !closing) {
      try {
        running.checkServices();
      } catch (IllegalStateException e) {
        if (closing) {
          return; // the services stop because the demo is closing (Ctrl-C)
        }
        throw e;
      }
      sleep(Duration.ofSeconds(1));
    }
  }

  /** The ingest service's API key (for tests), or null before the platform started. */
  String apiKey() {
    return launcher == null ? null : launcher.apiKey();
  }

  /** The running platform (for drills and tests), or null. */
  LczLauncher launcher() {
    return launcher;
  }

  /** The running stack (for tests), or null. */
  LocalStack stack() {
    return launcher == null ? null : launcher.stack();
  }

  @Override
  public void close() {
    closing = true;
    if (launcher != null) {
      launcher.stop();
      launcher = null;
    }
    if (launcherLog != null) {
      launcherLog.close();
      launcherLog = null;
    }
  }

  // ---- stages

  private void startPlatform() {
    progress.stage("platform", "starting Kafka, S3 and the three services");
    Path data = options.dataDir();
    emptyDataFolder(data);
    Path log = data.resolve("logs").resolve("launcher.log");
    launcherLog = printStream(log);
    launcher = new LczLauncher(options.platform(), launcherLog, restarts);
    launcher.start();
    LocalStack stack = launcher.stack();
    progress.detail(
        "Kafka %s, S3 %s (buckets in %s)",
        stack.kafkaBootstrapServers(), stack.s3Endpoint(), stack.bucketsDir());
    for (ServiceSpec s : options.platform().serviceSpecs()) {
      progress.detail(
          "%-16s http://127.0.0.1:%d  log %s",
          s.name(), s.port(), data.resolve("logs").resolve(s.name() + ".log"));
    }
    progress.done("platform up");
  }

  private WorldSpec.Written writeWorld() {
    WorldSpec spec = options.world();
    progress.stage(
        "world",
        String.format(
            "synthetic LCZ world %s: %d × %d km scene; training areas and data sets from other seeds",
            spec.name(), spec.size() / 100, spec.size() / 100));
    Path dir = spec.dir(options.worldsDir());
    boolean reused = spec.isWritten(options.worldsDir());
    try {
      WorldSpec.Written world = spec.writeOnce(options.worldsDir(), detailStream());
      progress.done(reused ? "reused %s (worlds are deterministic)" : "written to %s", dir);
      return world;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the world into " + dir + ": " + e.getMessage(), e);
    }
  }

  /** What was uploaded: the patch sets, or the training areas and their scene. */
  private record Uploaded(
      ObjectRef train, ObjectRef validation, ObjectRef test, ObjectRef areas, ObjectRef scene) {}

  private Uploaded upload(ObjectStore store, WorldSpec.Written world) {
    String prefix = "synthetic/" + options.world().name() + "/";
    if (options.training() == DemoOptions.Training.AREAS) {
      progress.stage(
          "upload", "training areas and their scene → s3://" + Buckets.DATASETS + "/" + prefix);
      ObjectRef areas =
          store.put(
              Buckets.DATASETS,
              prefix + "areas.kml",
              world.areas(),
              "application/vnd.google-earth.kml+xml");
      progress.detail("s3://%s/%s  %s", Buckets.DATASETS, areas.key(), megabytes(world.areas()));
      ObjectRef scene =
          put(store, Buckets.DATASETS, prefix + "areas-scene.tif", world.areasScene());
      progress.done("training areas and their scene uploaded");
      return new Uploaded(null, null, null, areas, scene);
    }
    progress.stage("upload", "data sets → s3://" + Buckets.DATASETS + "/" + prefix);
    ObjectRef train = put(store, Buckets.DATASETS, prefix + "train.h5", world.train());
    ObjectRef val = put(store, Buckets.DATASETS, prefix + "val.h5", world.validation());
    ObjectRef test = put(store, Buckets.DATASETS, prefix + "test.h5", world.test());
    progress.done("3 data sets uploaded");
    return new Uploaded(train, val, test, null, null);
  }

  private ObjectRef put(ObjectStore store, String bucket, String key, Path file) {
    ObjectRef ref = store.put(bucket, key, file, "application/octet-stream");
    progress.detail("s3://%s/%s  %s", bucket, key, megabytes(file));
    return ref;
  }

  private TrainingRequested request(Uploaded sets) {
    Instant now = Instant.now();
    return new TrainingRequested(
        TrainingRequested.SCHEMA_VERSION,
        "demo-" + RUN_STAMP.format(now),
        options.variant(),
        sets.train(),
        sets.validation(),
        sets.test(),
        null,
        null,
        options.epochs(),
        null,
        null,
        null,
        null,
        Promotion.ALWAYS,
        now,
        sets.areas() == null
            ? null
            : new TrainingAreas(sets.areas(), List.of(sets.scene()), null, null));
  }

  private ModelPublished train(EventPublisher publisher, TrainingRequested request) {
    progress.stage(
        "training",
        String.format(
            "TrainingRequested %s on %s: %s, %d epochs%s",
            request.runId(),
            Topics.TRAINING_REQUESTS,
            request.variant(),
            options.epochs(),
            request.awaitsDataSets() ? ", data sets built by ingest from the training areas" : ""));
    try (EventFeed feed =
        EventFeed.open(
            launcher.stack().kafkaBootstrapServers(),
            List.of(Topics.TRAINING_REQUESTS, Topics.TRAINING_PROGRESS, Topics.MODELS),
            KAFKA_TIMEOUT)) {
      publisher.publishAndWait(request, KAFKA_TIMEOUT);
      Instant deadline = Instant.now().plus(options.trainingTimeout());
      while (true) {
        for (EventFeed.Received r : feed.poll(POLL)) {
          LczEvent event = r.event().orElse(null);
          if (event instanceof TrainingRequested built
              && built.runId().equals(request.runId())
              && !built.awaitsDataSets()
              && request.awaitsDataSets()) {
            progress.detail(
                "ingest built the data sets from the training areas: %s (QC report: %s)",
                built.trainData().uri().replaceAll("/train\\.h5$", "/{train,val,test}.h5"),
                built.trainData().uri().replaceAll("train\\.h5$", "qc.txt"));
          } else if (event instanceof EpochCompleted e && e.runId().equals(request.runId())) {
            progress.detail(
                "epoch %d/%d  loss %.3f  train OA %.3f  validation OA %.3f  %.0f patches/s  ETA %s",
                e.epoch(),
                e.epochs(),
                e.loss(),
                e.trainOa(),
                e.validationOa(),
                e.samplesPerSecond(),
                Progress.format(Duration.ofSeconds(Math.round(e.etaSeconds()))));
          } else if (event instanceof TrainingFailed f && f.runId().equals(request.runId())) {
            throw new StageFailedException("training", "the training worker failed: " + f.reason());
          } else if (event instanceof ModelPublished m && isOf(m, request)) {
            if (!m.promoted()) {
              throw new StageFailedException(
                  "training", "model " + m.version() + " was not promoted: " + m.decision());
            }
            progress.done(
                "ModelPublished %s/%s: test OA_w %.3f, promoted",
                m.modelName(), m.version(), m.oaW());
            return m;
          }
        }
        checkPlatform("training", deadline, options.trainingTimeout());
      }
    }
  }

  /** Versions end with their run id (the training worker names them {@code <time>-<run id>}). */
  private static boolean isOf(ModelPublished m, TrainingRequested request) {
    return m.version().endsWith("-" + request.runId());
  }

  private SceneMapCompleted mapScene(
      ObjectStore store, WorldSpec.Written world, ModelPublished model) {
    // at the top of the inbox: a GeoTIFF in a folder would wait for the folder to settle
    String key = "synthetic-" + options.world().name() + ".tif";
    progress.stage("mapping", "scene → s3://" + Buckets.INBOX + "/" + key);
    try (EventFeed feed =
        EventFeed.open(
            launcher.stack().kafkaBootstrapServers(),
            List.of(Topics.SCENES, Topics.MAPS, Topics.DEAD_LETTER),
            KAFKA_TIMEOUT)) {
      ObjectRef scene = put(store, Buckets.INBOX, key, world.scene());
      SceneWatch watch = new SceneWatch(scene);
      Instant deadline = Instant.now().plus(options.mappingTimeout());
      while (true) {
        for (EventFeed.Received r : feed.poll(POLL)) {
          Optional<SceneMapCompleted> done = watch.accept(r);
          if (done.isPresent()) {
            SceneMapCompleted map = done.get();
            if (!map.modelVersion().equals(model.version())) {
              throw new StageFailedException(
                  "mapping",
                  "the scene was mapped by model "
                      + map.modelVersion()
                      + ", not by the one just trained ("
                      + model.version()
                      + ")");
            }
            progress.done(
                "SceneMapCompleted %s: %d tiles by model %s",
                map.sceneId(), map.tileCount(), map.modelVersion());
            return map;
          }
        }
        checkPlatform("mapping", deadline, options.mappingTimeout());
      }
    }
  }

  /** Follows one dropped scene through ingest and inference by its events. */
  private final class SceneWatch {
    private final ObjectRef source;
    private final Set<String> mapped = new HashSet<>();
    private String sceneId;
    private int tiles;
    private int reportedQuarter;

    SceneWatch(ObjectRef source) {
      this.source = source;
    }

    Optional<SceneMapCompleted> accept(EventFeed.Received r) {
      LczEvent event = r.event().orElse(null);
      if (r.topic().equals(Topics.DEAD_LETTER)) {
        if (concernsScene(event)) {
          throw new StageFailedException(
              "mapping",
              "a record of the scene was dead-lettered by "
                  + r.header(DeadLetterPublisher.FAILED_BY).orElse("a service")
                  + ": "
                  + r.header(DeadLetterPublisher.ERROR).orElse("(no reason given)"));
        }
        return Optional.empty();
      }
      if (event instanceof SceneReceived e && sameObject(e.source())) {
        sceneId = e.sceneId();
        progress.detail("SceneReceived: scene id %s", sceneId);
      } else if (event instanceof SceneRejected e && sameObject(e.source())) {
        throw new StageFailedException("mapping", "the ingest service rejected it: " + e.reason());
      } else if (event instanceof SceneTiled e && e.sceneId().equals(sceneId)) {
        tiles = e.tileCount();
        progress.detail("SceneTiled: %d tiles on %s", tiles, Topics.TILES);
      } else if (event instanceof MapTileWritten e && e.sceneId().equals(sceneId)) {
        mapped.add(e.tileId());
        int total = tiles > 0 ? tiles : e.sceneTileCount();
        int quarter = 4 * mapped.size() / total;
        if (quarter > reportedQuarter || mapped.size() == total) {
          reportedQuarter = quarter;
          progress.detail("MapTileWritten: %d/%d tiles mapped", mapped.size(), total);
        }
      } else if (event instanceof SceneMapCompleted e && e.sceneId().equals(sceneId)) {
        return Optional.of(e);
      }
      return Optional.empty();
    }

    private boolean sameObject(ObjectRef ref) {
      return ref.bucket().equals(source.bucket()) && ref.key().equals(source.key());
    }

    private boolean concernsScene(LczEvent event) {
      if (event instanceof TileReady t) {
        return t.sceneId().equals(sceneId);
      }
      return event instanceof MapTileWritten m && m.sceneId().equals(sceneId);
    }
  }

  private Path download(ObjectStore store, SceneMapCompleted map) {
    progress.stage("scoring", "the map against the world's ground truth (100 m cells)");
    Path dir = options.dataDir().resolve(RESULTS_DIR).resolve(map.sceneId());
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    for (ObjectRef ref : map.products().values()) {
      store.download(ref, dir.resolve(ref.fileName()));
    }
    return dir;
  }

  /** The class-specific Gaussian filter applied to the class probabilities instead of labels. */
  private static byte[] probabilityFilter(Path probabilities) {
    try (SceneRaster p = SceneRaster.open(probabilities)) {
      int w = p.width();
      int h = p.height();
      Raster r = p.read(0, 0, w, h);
      float nodata = p.nodata().orElseThrow().floatValue(); // 255: 0 % is a probability
      List<float[]> planes = new ArrayList<>();
      byte[] classes = new byte[w * h];
      for (int b = 0; b < p.bandNames().size(); b++) {
        float[] plane = r.getSamples(0, 0, w, h, b, new float[w * h]);
        for (int i = 0; i < plane.length; i++) {
          if (plane[i] == nodata) {
            plane[i] = 0;
          } else {
            classes[i] = 1; // a cell with data; the filter keeps cells without a class empty
          }
        }
        planes.add(plane);
      }
      return LczFilter.demuzere()
          .filterProbabilities(
              planes, classes, w, h, p.geoTransform()[1], Math.abs(p.geoTransform()[5]));
    }
  }

  private void compareFilters(MapScore raw, MapScore filtered, MapScore byProbabilities) {
    progress.detail("%-46s OA %.3f  OA_w %.3f", "lcz (raw)", raw.oa(), raw.oaW());
    progress.detail(
        "%-46s OA %.3f  OA_w %.3f",
        "lczFilter (Gaussian filter of the classes)", filtered.oa(), filtered.oaW());
    progress.detail(
        "%-46s OA %.3f  OA_w %.3f",
        "the same filter on the class probabilities", byProbabilities.oa(), byProbabilities.oaW());
  }

  private MapScore score(Path map, Path truth) {
    MapScore score = MapScore.of(map, truth);
    score.report().forEach(line -> progress.detail("%s", line));
    if (!(score.oa() >= options.minOa())) {
      throw new StageFailedException(
          "scoring",
          String.format(
              "the map's OA %.3f is below the expected %.2f (train longer: --epochs, or more"
                  + " patches: --per-class)",
              score.oa(), options.minOa()));
    }
    progress.done("OA %.3f ≥ %.2f", score.oa(), options.minOa());
    return score;
  }

  private void report(SceneMapCompleted map, Path results, MapScore score) {
    progress.stage("outputs", "where the map is");
    Path buckets = launcher.stack().bucketsDir();
    for (ObjectRef ref : map.products().values()) {
      progress.detail("s3://%s/%s", ref.bucket(), ref.key());
      Path local = buckets.resolve(ref.bucket()).resolve(ref.key());
      if (Files.isRegularFile(local)) {
        progress.detail("  on disk: %s", local);
      }
    }
    progress.detail("copies in %s", results);
    progress.detail("try: gdalinfo %s", results.resolve(MAP_FILE));
    progress.done("listed");
    progress.finish(
        String.format(
            Locale.ROOT,
            "Demo complete: %s trained by event, scene mapped, OA %.3f against the truth,",
            options.variant().toUpperCase(Locale.ROOT),
            score.oa()));
  }

  // ---- helpers

  private void checkPlatform(String stage, Instant deadline, Duration timeout) {
    if (closing) {
      throw new StageFailedException(stage, "stopped before the stage could finish (Ctrl-C?)");
    }
    try {
      launcher.checkServices();
    } catch (IllegalStateException e) {
      throw new StageFailedException(stage, e.getMessage(), e);
    }
    if (Instant.now().isAfter(deadline)) {
      throw new StageFailedException(
          stage,
          "nothing finished within "
              + Progress.format(timeout)
              + "; see the services' logs in "
              + options.dataDir().resolve("logs"));
    }
  }

  /**
   * Empties the demo's data folder: only one the demo made (it has the marker) or an empty one, so
   * that a mistyped {@code --data} never deletes someone's files.
   */
  static void emptyDataFolder(Path data) {
    try {
      if (Files.isDirectory(data)) {
        boolean empty;
        try (Stream<Path> s = Files.list(data)) {
          empty = s.findAny().isEmpty();
        }
        if (!empty && !Files.exists(data.resolve(MARKER))) {
          throw new IllegalStateException(
              data
                  + " is not empty and not a demo data folder (it has no "
                  + MARKER
                  + " file); give the demo another --data folder");
        }
        try (Stream<Path> walk = Files.walk(data)) {
          for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
            if (!p.equals(data)) {
              Files.delete(p);
            }
          }
        }
      }
      Files.createDirectories(data);
      Files.writeString(
          data.resolve(MARKER), "the ./lcz demo's data folder: emptied by each run\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + data + ": " + e.getMessage(), e);
    }
  }

  private PrintStream detailStream() {
    return new PrintStream(
        new LineSink(line -> progress.detail("%s", line)), true, StandardCharsets.UTF_8);
  }

  private static PrintStream printStream(Path file) {
    try {
      Files.createDirectories(file.getParent());
      return new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String megabytes(Path file) {
    try {
      return String.format(Locale.ROOT, "%.1f MB", Files.size(file) / 1e6);
    } catch (IOException e) {
      return "";
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** An output stream that hands each complete line to a consumer. */
  private static final class LineSink extends OutputStream {
    private final Consumer<String> lines;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    LineSink(Consumer<String> lines) {
      this.lines = lines;
    }

    @Override
    public void write(int b) {
      if (b == '\n') {
        lines.accept(buffer.toString(StandardCharsets.UTF_8));
        buffer.reset();
      } else {
        buffer.write(b);
      }
    }
  }
}
