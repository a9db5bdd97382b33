package org.lcz.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.lcz.deploy.launcher.LaunchOptions;
import org.lcz.events.TrainingRequested;
import org.lcz.synth.WorldFiles;
import org.lcz.synth.WorldSpec;

/**
 * The parsed command line of {@code ./lcz demo}.
 *
 * @param world the synthetic world to map and to train on
 * @param variant the architecture to train
 * @param epochs the most epochs to train
 * @param platform the local platform the demo starts (data folder, ports)
 * @param worldsDir where worlds are written (and reused: they are deterministic)
 * @param minOa the map's overall accuracy below which the demo fails
 * @param trainingTimeout how long the demo waits for the model
 * @param mappingTimeout how long the demo waits for the map once the scene is dropped
 * @param keepRunning whether the platform stays up after the demo, until Ctrl-C
 * @param training what the model is trained from: the world's training areas (KML) and their scene,
 *     or its ready-made patch sets
 * @param region whether the region stage runs after the outputs ({@code --region})
 */
public record DemoOptions(
    WorldSpec world,
    String variant,
    int epochs,
    LaunchOptions platform,
    Path worldsDir,
    double minOa,
    Duration trainingTimeout,
    Duration mappingTimeout,
    boolean keepRunning,
    Training training,
    boolean region) {

  /** What the demo trains from. */
  public enum Training {
    /** WUDAPT training areas (KML) over a scene: ingest builds the data sets. */
    AREAS,
    /** Ready-made HDF5 patch sets (the So2Sat LCZ42 way). */
    PATCHES;

    static Training of(String name) {
      for (Training t : values()) {
        if (t.name().equalsIgnoreCase(name)) {
          return t;
        }
      }
      throw new IllegalArgumentException("--training takes areas or patches, not '" + name + "'");
    }
  }

  /** The demo's default world: 20 km × 20 km, 300 training patches per class. */
  public static final WorldSpec DEFAULT_WORLD =
      new WorldSpec(7, 2000, 300, 48, WorldSpec.Mix.BALANCED);

  /** Default epochs: MSMLA-18 trains in about 6 minutes on 2 CPU cores. */
  public static final int DEFAULT_EPOCHS = 8;

  /** The expected accuracy of the demo's map against its ground truth. */
  public static final double DEFAULT_MIN_OA = 0.85;

  /** The usage text. */
  public static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz demo [options]",
          "",
          "Starts the local stack and the three services, writes a synthetic LCZ world, uploads its",
          "training areas (WUDAPT KML) and their scene, trains MSMLA with a TrainingRequested event",
          "(ingest builds the data sets from the areas), drops the world's scene into lcz-inbox,",
          "waits for its map and scores it against the ground truth.",
          "",
          "options:",
          "  --seed N             the world's seed (default 7; the data sets use other seeds)",
          "  --size PX            scene width and height in 10 m pixels (default 2000 = 20 km)",
          "  --per-class N        training patches per class (default 300)",
          "  --mix M              balanced (default) or realistic class shares",
          "  --height             add the ancillary HEIGHT band (surface height) to the scene and",
          "                       the data sets; the services are started to use it",
          "  --training T         areas (default: the world's WUDAPT training areas and their",
          "                       scene) or patches (its ready-made HDF5 patch sets)",
          "  --variant V          msmla-18 (default), msmla-50 or sen2lcz-net-mf",
          "  --epochs N           most training epochs (default 8)",
          "  --min-oa X           fail when the map's OA is below X (default 0.85)",
          "  --keep-running       leave the platform up afterwards, until Ctrl-C",
          "  --region             then a region over the world from 8 drops of 4 scenes (one in",
          "                       UTM 33N) at two dates with clouds, checked, and a fifth scene",
          "  --data DIR           the demo platform's data folder, emptied first",
          "                       (default ./.lcz-data/demo)",
          "  --worlds DIR         where worlds are written and reused (default ./.lcz-data/worlds)",
          "  --training-timeout M minutes to wait for the model (default 60)",
          "  --mapping-timeout M  minutes to wait for the map (default 30)",
          "  --kafka-port N, --controller-port N, --s3-port N, --http-port N",
          "                       ports, as for ./lcz up (defaults 9092, 9093, 9000, 8081-8083)");

  /**
   * Parses {@code args}; {@code home} is the repository root.
   *
   * @throws IllegalArgumentException with a message for the person at the terminal
   */
  public static DemoOptions parse(List<String> args, Path home) {
    Deque<String> rest = new ArrayDeque<>(args);
    long seed = DEFAULT_WORLD.seed();
    int size = DEFAULT_WORLD.size();
    int perClass = DEFAULT_WORLD.perClass();
    WorldSpec.Mix mix = DEFAULT_WORLD.mix();
    String variant = "msmla-18";
    int epochs = DEFAULT_EPOCHS;
    double minOa = DEFAULT_MIN_OA;
    boolean keepRunning = false;
    boolean region = false;
    boolean height = false;
    Training training = Training.AREAS;
    Path data = home.resolve(".lcz-data/demo");
    Path worlds = home.resolve(".lcz-data/worlds");
    Duration trainingTimeout = Duration.ofMinutes(60);
    Duration mappingTimeout = Duration.ofMinutes(30);
    List<String> ports = new ArrayList<>();
    while (!rest.isEmpty()) {
      String option = rest.removeFirst();
      switch (option) {
        case "--seed" -> seed = number(option, value(option, rest));
        case "--size" -> size = (int) number(option, value(option, rest));
        case "--per-class" -> perClass = (int) number(option, value(option, rest));
        case "--mix" -> mix = WorldSpec.Mix.of(value(option, rest));
        case "--variant" -> variant = value(option, rest);
        case "--epochs" -> epochs = (int) number(option, value(option, rest));
        case "--min-oa" -> minOa = fraction(option, value(option, rest));
        case "--keep-running" -> keepRunning = true;
        case "--region" -> region = true;
        case "--training" -> training = Training.of(value(option, rest));
        case "--height" -> height = true;
        case "--data" -> data = Path.of(value(option, rest));
        case "--worlds" -> worlds = Path.of(value(option, rest));
        case "--training-timeout" ->
            trainingTimeout = Duration.ofMinutes(number(option, value(option, rest)));
        case "--mapping-timeout" ->
            mappingTimeout = Duration.ofMinutes(number(option, value(option, rest)));
        case "--kafka-port", "--controller-port", "--s3-port", "--http-port" -> {
          ports.add(option);
          ports.add(value(option, rest));
        }
        default -> throw new IllegalArgumentException("unknown option '" + option + "'");
      }
    }
    if (!TrainingRequested.wellFormedVariant(variant)) {
      throw new IllegalArgumentException(
          "--variant takes an architecture's name such as msmla-18, not '" + variant + "'");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("--epochs must be at least 1, not " + epochs);
    }
    WorldSpec world = new WorldSpec(seed, size, perClass, DEFAULT_WORLD.patch(), mix, height);
    List<String> launch = new ArrayList<>(List.of("up", "--data", data.toString()));
    launch.addAll(ports);
    LaunchOptions platform = LaunchOptions.parse(launch, home);
    if (height) {
      // the platform keeps HEIGHT in its tiles and reads it from the data sets
      String bands = String.join(",", WorldFiles.bands(true));
      platform =
          platform.withServiceProperties(
              Map.of("lcz.ingest.bands", bands, "lcz.training.dataset.band-names", bands));
    }
    return new DemoOptions(
        world,
        variant,
        epochs,
        platform,
        worlds,
        minOa,
        trainingTimeout,
        mappingTimeout,
        keepRunning,
        training,
        region);
  }

  /** The demo platform's data folder. */
  public Path dataDir() {
    return platform.dataDir();
  }

  private static String value(String option, Deque<String> rest) {
    if (rest.isEmpty()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return rest.removeFirst();
  }

  private static long number(String option, String value) {
    try {
      long n = Long.parseLong(value);
      if (n < 0) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes a whole number ≥ 0, not '" + value + "'");
    }
  }

  private static double fraction(String option, String value) {
    try {
      double x = Double.parseDouble(value);
      if (!(x >= 0 && x <= 1)) {
        throw new NumberFormatException();
      }
      return x;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          option + " takes a number from 0 to 1, not '" + value + "'");
    }
  }
}
