package org.lcz.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.lcz.deploy.launcher.LaunchOptions;
import org.lcz.deploy.launcher.LczLauncher;
import org.lcz.deploy.launcher.ServiceSpec;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.SceneTiled;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.raster.CellGrid;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.synth.SyntheticWorld;
import org.lcz.synth.WorldFiles;

/**
 * {@code ./lcz granule-benchmark}: a synthetic scene of a Sentinel-2 granule's size (10980² px, 10
 * bands; written streamed and kept for the next run) through the whole platform on a local stack of
 * its own — dropped into the inbox, tiled by the ingest service, mapped by the inference worker
 * with the given model, assembled into the scene's products — timed phase by phase from the events,
 * with each service's peak heap (sampled over JMX) and the workers' patches per second against ONNX
 * Runtime alone (measured by the caller in the same run, passed as {@code --ort-alone}).
 */
public final class GranuleBenchmark {
  static final String USAGE =
      "usage: GranuleBenchmark --model VERSION_DIR [--size PX] [--seed N] [--data DIR]"
          + " [--ort-alone PATCHES_PER_S] [--timeout MIN]";

  private static final Duration POLL = Duration.ofMillis(100);
  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  /** What to run. */
  record Options(
      Path home,
      Path model,
      int size,
      long seed,
      Path data,
      Path scenes,
      double ortAlone,
      Duration timeout) {

    static Options parse(List<String> args, Path home) {
      Deque<String> rest = new ArrayDeque<>(args);
      Path model = null;
      int size = 10980;
      long seed = 42;
      Path data = home.resolve(".lcz-data/granule");
      double ortAlone = Double.NaN;
      Duration timeout = Duration.ofMinutes(180);
      while (!rest.isEmpty()) {
        String option = rest.removeFirst();
        String value = rest.isEmpty() ? null : rest.removeFirst();
        if (value == null) {
          throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        switch (option) {
          case "--model" -> model = Path.of(value);
          case "--size" -> size = (int) number(option, value);
          case "--seed" -> seed = number(option, value);
          case "--data" -> data = Path.of(value);
          case "--ort-alone" -> ortAlone = value.equals("NaN") ? Double.NaN : rate(value);
          case "--timeout" -> timeout = Duration.ofMinutes(number(option, value));
          default -> throw new IllegalArgumentException("unknown option " + option + "\n" + USAGE);
        }
      }
      if (model == null) {
        throw new IllegalArgumentException("--model is required\n" + USAGE);
      }
      if (size < 512) {
        throw new IllegalArgumentException("--size takes at least 512 px, not " + size);
      }
      return new Options(
          home, model, size, seed, data, home.resolve(".lcz-data/bench"), ortAlone, timeout);
    }

    private static long number(String option, String value) {
      try {
        long n = Long.parseLong(value);
        if (n < 0 || n > Integer.MAX_VALUE) {
          throw new NumberFormatException();
        }
        return n;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            option + " takes a whole number ≥ 0, not '" + value + "'\n" + USAGE);
      }
    }

    private static double rate(String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--ort-alone takes patches per second, not '" + value + "'\n" + USAGE);
      }
    }
  }

  private final Options options;
  private final PrintStream out;

  GranuleBenchmark(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  public static void main(String[] args) throws Exception {
    Options options;
    try {
      options = Options.parse(List.of(args), Path.of(System.getProperty("lcz.home", ".")));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    new GranuleBenchmark(options, System.out).run();
    System.exit(0); // the Kafka clients' and JMX threads
  }

  void run() throws Exception {
    Path scene = scene();
    out.printf(
        "machine: %d cores (%s), Java %s, %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.arch"),
        System.getProperty("java.version"),
        cpuName());
    // a fresh broker log and buckets each run: a run left unfinished would otherwise hand its
    // uncommitted tiles to the next run's worker first (seen: a 4096 px run waited 400 s on them)
    Demo.emptyDataFolder(options.data());
    Path log = options.data().resolve("launcher.log");
    LaunchOptions launch =
        LaunchOptions.parse(
            List.of(
                "up",
                "--data",
                options.data().toString(),
                "--kafka-port",
                "9392",
                "--controller-port",
                "9393",
                "--s3-port",
                "9300",
                "--http-port",
                "8281"),
            options.home());
    try (PrintStream launcherLog = new PrintStream(Files.newOutputStream(log), true);
        HeapWatch heaps = new HeapWatch(500)) {
      LczLauncher launcher = new LczLauncher(launch, launcherLog);
      try {
        Instant starting = Instant.now();
        launcher.start();
        out.printf(
            "platform up in %.1f s (logs in %s)%n",
            Duration.between(starting, Instant.now()).toMillis() / 1e3, options.data());
        for (ServiceSpec s : launch.serviceSpecs()) {
          heaps.watch(s.name(), launcher.service(s.name()).orElseThrow().pid());
        }
        LocalStack stack = launcher.stack();
        try (ObjectStore store = stack.newObjectStore();
            EventPublisher publisher =
                new EventPublisher(stack.kafkaBootstrapServers(), URI.create("/lcz/benchmark"))) {
          ModelPublished model = publish(store, publisher);
          out.printf("model %s (%s) published%n", model.version(), model.contract().architecture());
          GranulePhases phases = mapScene(stack, store, scene);
          report(phases, heaps.peaks());
        }
      } finally {
        launcher.stop();
      }
    }
  }

  /** The synthetic scene, written streamed the first time. */
  private Path scene() throws IOException {
    Path file =
        options.scenes().resolve("granule-world-" + options.seed() + "-" + options.size() + ".tif");
    if (!Files.exists(file)) {
      Files.createDirectories(file.getParent());
      out.printf(
          "writing a %d × %d px, 10-band synthetic scene (streamed) ...%n",
          options.size(), options.size());
      Instant t0 = Instant.now();
      Path part = file.resolveSibling(file.getFileName() + ".part");
      SyntheticWorld world =
          new SyntheticWorld(options.seed(), options.size(), SyntheticWorld.balanced());
      WorldFiles.writeSceneFile(world, part, false);
      Files.move(part, file);
      out.printf(
          "  %s: %d MB in %.1f s%n",
          file, Files.size(file) >> 20, Duration.between(t0, Instant.now()).toMillis() / 1e3);
    }
    return file;
  }

  /** Stores the model version's ONNX file and card, then announces it as the current model. */
  private ModelPublished publish(ObjectStore store, EventPublisher publisher) throws IOException {
    JsonNode card = JSON.readTree(options.model().resolve("model.json").toFile());
    ModelContract contract = JSON.treeToValue(card.get("contract"), ModelContract.class);
    String version = card.get("version").asText();
    String prefix = "benchmark/" + version + "/";
    ObjectRef onnx =
        store.put(
            Buckets.MODELS,
            prefix + "model.onnx",
            options.model().resolve("model.onnx"),
            "application/octet-stream");
    ObjectRef cardRef =
        store.put(
            Buckets.MODELS,
            prefix + "model.json",
            options.model().resolve("model.json"),
            "application/json");
    ModelPublished published =
        new ModelPublished(
            LczEvent.CURRENT_SCHEMA_VERSION,
            card.get("modelName").asText(),
            version,
            onnx,
            cardRef,
            contract,
            true,
            "published by the granule benchmark",
            contract.measures() == null
                ? Double.NaN
                : contract.measures().getOrDefault("oaW", Double.NaN),
            null,
            Instant.now());
    publisher.publishAndWait(published, Duration.ofSeconds(30));
    return published;
  }

  private GranulePhases mapScene(LocalStack stack, ObjectStore store, Path scene) {
    String key = "granule-" + options.size() + "-" + Instant.now().getEpochSecond() + ".tif";
    try (EventFeed feed =
        EventFeed.open(
            stack.kafkaBootstrapServers(),
            List.of(Topics.SCENES, Topics.TILES, Topics.MAPS, Topics.DEAD_LETTER),
            Duration.ofSeconds(30))) {
      out.printf("dropping %s into s3://%s/%s%n", scene.getFileName(), Buckets.INBOX, key);
      Instant uploadStarted = Instant.now();
      store.put(Buckets.INBOX, key, scene, "image/tiff");
      Instant uploaded = Instant.now();
      Instant deadline = uploaded.plus(options.timeout());
      String sceneId = null;
      Instant received = null;
      Instant firstTile = null;
      Instant tiled = null;
      Instant lastMapTile = null;
      int tiles = 0;
      Set<String> mapped = new HashSet<>();
      int reported = 0;
      while (Instant.now().isBefore(deadline)) {
        for (EventFeed.Received r : feed.poll(POLL)) {
          Instant now = Instant.now();
          LczEvent event = r.event().orElse(null);
          if (r.topic().equals(Topics.DEAD_LETTER)) {
            throw new IllegalStateException(
                "dead-lettered by "
                    + r.header(DeadLetterPublisher.FAILED_BY).orElse("a service")
                    + ": "
                    + r.header(DeadLetterPublisher.ERROR).orElse("(no reason)"));
          }
          if (event instanceof SceneReceived e && e.source().key().equals(key)) {
            sceneId = e.sceneId();
            received = now;
            out.printf("  %6.1f s  SceneReceived %s%n", since(uploadStarted, now), sceneId);
          } else if (event instanceof SceneRejected e && e.source().key().equals(key)) {
            throw new IllegalStateException("the ingest service rejected the scene: " + e.reason());
          } else if (event instanceof TileReady e && e.sceneId().equals(sceneId)) {
            firstTile = firstTile == null ? now : firstTile;
          } else if (event instanceof SceneTiled e && e.sceneId().equals(sceneId)) {
            tiled = now;
            tiles = e.tileCount();
            out.printf("  %6.1f s  SceneTiled: %d tiles%n", since(uploadStarted, now), tiles);
          } else if (event instanceof MapTileWritten e && e.sceneId().equals(sceneId)) {
            if (mapped.add(e.tileId())) {
              lastMapTile = now;
              int total = e.sceneTileCount();
              int tenth = 10 * mapped.size() / total;
              if (tenth > reported) {
                reported = tenth;
                out.printf(
                    "  %6.1f s  %d/%d tiles mapped%n",
                    since(uploadStarted, now), mapped.size(), total);
              }
            }
          } else if (event instanceof SceneMapCompleted e && e.sceneId().equals(sceneId)) {
            out.printf(
                "  %6.1f s  SceneMapCompleted: %d products%n",
                since(uploadStarted, now), e.products().size());
            CellGrid grid = CellGrid.of(options.size(), options.size(), 100, 10);
            return new GranulePhases(
                uploadStarted,
                uploaded,
                received,
                firstTile,
                tiled,
                lastMapTile,
                now,
                tiles,
                (long) grid.cols() * grid.rows());
          }
        }
      }
      throw new IllegalStateException(
          "the scene was not mapped within " + options.timeout().toMinutes() + " min");
    }
  }

  private void report(GranulePhases phases, Map<String, HeapWatch.Peak> heaps) {
    out.println();
    out.printf(
        "scene %d × %d px, 10 bands: %d tiles, %,d cells; total %.1f min%n",
        options.size(),
        options.size(),
        phases.tiles(),
        phases.cells(),
        phases.total().toMillis() / 60e3);
    phases.table().forEach(out::println);
    out.println();
    out.printf(
        Locale.ROOT,
        "inference: %.1f patches/s end to end (first tile → last map tile)%s%n",
        phases.patchesPerSecond(),
        Double.isNaN(options.ortAlone())
            ? ""
            : String.format(
                Locale.ROOT,
                "; ONNX Runtime alone %.1f patches/s; ratio %.2f",
                options.ortAlone(),
                phases.patchesPerSecond() / options.ortAlone()));
    out.println();
    out.println("| service | peak heap used (sampled) | peak committed | max |");
    out.println("| --- | --- | --- | --- |");
    List<String> names = new ArrayList<>(heaps.keySet());
    Collections.sort(names);
    for (String name : names) {
      HeapWatch.Peak p = heaps.get(name);
      out.printf(
          "| %s | %d MB | %d MB | %d MB |%n",
          name, p.used() >> 20, p.committed() >> 20, p.max() >> 20);
    }
  }

  private static double since(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1e3;
  }

  private static String cpuName() {
    try {
      return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).trim())
          .findFirst()
          .orElse("CPU unknown");
    } catch (IOException e) {
      return "CPU unknown";
    }
  }
}
