package org.lcz.training.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lcz.contract.Radiometry;
import org.lcz.contract.Sensors;
import org.lcz.storage.Sha256;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.card.DatasetRef;
import org.lcz.training.card.ModelCard;
import org.lcz.training.card.VersionFolder;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.data.PatchDataset;
import org.lcz.training.onnx.OnnxExporter;
import org.lcz.training.train.TrainingData;
import org.lcz.training.train.TrainingOutcome;
import org.lcz.training.train.TrainingPlan;
import org.lcz.training.train.TrainingRun;

/**
 * {@code ./lcz train --data train.h5 [--val val.h5] [--test test.h5] …}: the worker's training
 * without Kafka or S3, for a person at a terminal. Writes checkpoint, plots and {@code model.json}
 * into the output folder and prints the measures.
 */
final class TrainCommand {
  static final String USAGE =
      String.join(
          "\n",
          "usage: ./lcz train --data FILE [--val FILE] [--test FILE] [options]",
          "  --architecture  "
              + String.join(" | ", Architectures.variants())
              + " (default msmla-18;",
          "                  --variant is the same)",
          "  --bands         input bands by name, comma-separated (default: all)",
          "  --epochs N      most epochs (default 60)",
          "  --batch N       patches per step (default 32, or the training set's size when smaller)",
          "  --lr X          initial learning rate (default 0.002)",
          "  --patience N    early-stopping patience in epochs (default 15)",
          "  --seed N        seed (default 42)",
          "  --decay-every N epochs between learning-rate halvings (default 10)",
          "  --decay-factor  what each decay multiplies the rate by (default 0.5)",
          "  --no-augment    no random flips and rotations",
          "  --area-repeats N  repeats of the held-out areas' bootstrap (default 25; sets",
          "                  built from training areas)",
          "  --gsd X         metres per pixel of the patches (default 10)",
          "  --image-key K   HDF5 image dataset (default sen2)",
          "  --label-key K   HDF5 label dataset (default label)",
          "  --band-names    the file's channel names, comma-separated",
          "                  (default " + Sensors.DEFAULT_BANDS + ")",
          "  --radiometry R  the reflectance bands' radiometry: fraction | x10000, with",
          "                  +offset if the BOA offset is not removed (default: detected)",
          "  --out DIR       output folder (default models/<time>)");

  /** The ONNX file written next to the checkpoint. */
  static final String MODEL_FILE = "model.onnx";

  private TrainCommand() {}

  static int run(Deque<String> args, PrintStream out, PrintStream err, boolean terminal) {
    Map<String, String> o = options(args);
    String data = o.remove("--data");
    if (data == null) {
      throw new IllegalArgumentException("train needs --data FILE");
    }
    DatasetLayout layout =
        new DatasetLayout(
            o.getOrDefault("--image-key", "sen2"),
            o.getOrDefault("--label-key", "label"),
            list(o.getOrDefault("--band-names", String.join(",", DatasetLayout.SENTINEL2))));
    TrainingData files =
        new TrainingData(
            Path.of(data),
            Optional.ofNullable(o.remove("--val")).map(Path::of),
            Optional.ofNullable(o.remove("--test")).map(Path::of),
            layout,
            Optional.ofNullable(o.remove("--radiometry")).map(Radiometry::parse));
    TrainingPlan plan =
        new TrainingPlan(
            Architectures.variant(
                o.getOrDefault("--architecture", o.getOrDefault("--variant", "msmla-18"))),
            o.containsKey("--bands") ? list(o.get("--bands")) : List.of(),
            integer(o, "--epochs", 60),
            integer(o, "--batch", 32),
            decimal(o, "--lr", 0.002),
            integer(o, "--patience", 15),
            Long.parseLong(o.getOrDefault("--seed", "42")),
            integer(o, "--decay-every", 10),
            decimal(o, "--decay-factor", 0.5),
            !o.containsKey("--no-augment"));
    Instant now = Instant.now();
    String version =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now);
    Path dir = Path.of(o.getOrDefault("--out", "models/" + version));
    for (String key : o.keySet()) {
      if (!KNOWN.contains(key)) {
        throw new IllegalArgumentException("unknown option '" + key + "'");
      }
    }
    out.println("training " + plan.variant() + " on " + files.train() + " into " + dir);
    TrainingOutcome outcome =
        new TrainingRun(files, plan, new ProgressBar(out, terminal))
            .areaRepeats(integer(o, "--area-repeats", TrainingRun.AREA_REPEATS))
            .batchFixed(o.containsKey("--batch"))
            .run(dir);
    ModelCard card =
        VersionFolder.complete(
            outcome,
            new ModelCard.Identity("msmla", version, "local-" + version, now),
            files,
            decimal(o, "--gsd", 10),
            null,
            datasets(files));
    OnnxExporter.exportFolder(dir, dir.resolve(MODEL_FILE));
    card = card.published("model", MODEL_FILE, null);
    card.write(dir.resolve(ModelCard.FILE_NAME));
    out.println(outcome.stopReason());
    out.printf(
        Locale.ROOT,
        "best epoch %d (validation OA %.4f); on the %s split:%n",
        card.bestEpoch(),
        outcome.best().validationOa(),
        card.evaluationSplit());
    card.measures()
        .forEach(
            (name, value) ->
                out.printf(
                    Locale.ROOT,
                    "  %-11s %s%n",
                    name,
                    value == null ? "undefined" : String.format(Locale.ROOT, "%.4f", value)));
    out.println("wrote " + VersionFolder.files(card, dir));
    return 0;
  }

  private static final List<String> KNOWN =
      List.of(
          "--architecture",
          "--variant",
          "--bands",
          "--epochs",
          "--batch",
          "--lr",
          "--patience",
          "--seed",
          "--decay-every",
          "--decay-factor",
          "--no-augment",
          "--area-repeats",
          "--gsd",
          "--image-key",
          "--label-key",
          "--band-names",
          "--radiometry",
          "--out");

  private static List<DatasetRef> datasets(TrainingData files) {
    List<DatasetRef> refs = new ArrayList<>();
    refs.add(ref("train", files.train(), files.layout()));
    files.validation().ifPresent(p -> refs.add(ref("validation", p, files.layout())));
    files.test().ifPresent(p -> refs.add(ref("test", p, files.layout())));
    return refs;
  }

  private static DatasetRef ref(String role, Path file, DatasetLayout layout) {
    try (PatchDataset d = PatchDataset.open(file, layout, List.of())) {
      return new DatasetRef(role, file.toAbsolutePath().toString(), Sha256.of(file), d.size());
    }
  }

  /** {@code --name value} pairs; {@code --no-augment} stands alone. */
  private static Map<String, String> options(Deque<String> args) {
    Map<String, String> o = new HashMap<>();
    while (!args.isEmpty()) {
      String key = args.removeFirst();
      if (!key.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + key + "'");
      }
      if (key.equals("--no-augment")) {
        o.put(key, "true");
        continue;
      }
      if (args.isEmpty()) {
        throw new IllegalArgumentException(key + " needs a value");
      }
      o.put(key, args.removeFirst());
    }
    return o;
  }

  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static int integer(Map<String, String> o, String key, int fallback) {
    String v = o.get(key);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " takes a whole number, not '" + v + "'");
    }
  }

  private static double decimal(Map<String, String> o, String key, double fallback) {
    String v = o.get(key);
    try {
      return v == null ? fallback : Double.parseDouble(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " takes a number, not '" + v + "'");
    }
  }
}
