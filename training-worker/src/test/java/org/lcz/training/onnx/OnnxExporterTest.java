package org.lcz.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.translate.NoopTranslator;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lcz.training.LearnableSets;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.card.ModelCard;
import org.lcz.training.card.VersionFolder;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.model.Msmla;
import org.lcz.training.train.TrainingData;
import org.lcz.training.train.TrainingListener;
import org.lcz.training.train.TrainingOutcome;
import org.lcz.training.train.TrainingPlan;
import org.lcz.training.train.TrainingRun;

/**
 * Exported models against the network they come from, after real training (so batch-norm statistics
 * are not the initial ones): ONNX Runtime through DJL versus PyTorch in inference mode.
 */
public class OnnxExporterTest {
  static final int PATCHES = 512;
  static final int CHUNK = 64;
  static Path sets;

  @BeforeAll
  public static void writeSets() throws Exception {
    sets = Files.createTempDirectory("onnx-sets");
    LearnableSets.write(sets);
  }

  /** Trains {@code variant} two epochs and completes its version folder in {@code dir}. */
  public static ModelCard trainedVersion(String variant, Path dir) {
    TrainingData data =
        new TrainingData(
            sets.resolve("train.h5"),
            Optional.of(sets.resolve("val.h5")),
            Optional.of(sets.resolve("test.h5")),
            DatasetLayout.MSMLA);
    TrainingOutcome outcome =
        new TrainingRun(
                data,
                new TrainingPlan(variant, List.of(), 2, 32, 0.002, 5, 5, 10, 0.5, true),
                new TrainingListener() {})
            .run(dir);
    return VersionFolder.complete(
        outcome,
        new ModelCard.Identity("msmla", "v-" + variant, "r", Instant.now()),
        data,
        10,
        null,
        List.of());
  }

  /** Every variant of every architecture the registry lists. */
  static List<String> variants() {
    return Architectures.variants();
  }

  @ParameterizedTest
  @MethodSource("variants")
  void onnxRuntimeGivesPyTorchsProbabilitiesAndTheCheckerAcceptsTheFile(String variant)
      throws Exception {
    Path dir = Files.createTempDirectory("onnx-" + variant);
    trainedVersion(variant, dir);
    // the patch it trained on, and the production 48 px (the network is fully convolutional up to
    // its global pooling, so the same weights take both): parity is checked at each
    for (int patch : new int[] {LearnableSets.PATCH, 48}) {
      Path out = Files.createDirectories(dir.resolve("onnx-" + patch));
      parity(variant, dir, patch, out.resolve("model.onnx"));
      assertThat(check(out.resolve("model.onnx"))).isEqualTo("ir 8 opset 17");
    }
  }

  private static void parity(String variant, Path dir, int patch, Path onnxFile) throws Exception {
    float[] inputs = new float[PATCHES * 10 * patch * patch];
    Random random = new Random(1);
    // patch n is noise of standard deviation (n + 1) / 512 around 0: from near the training mean
    // (uncertain outputs) to full-scale inputs (confident ones)
    int per = 10 * patch * patch;
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = (float) (random.nextGaussian() * (i / per + 1) / PATCHES);
    }

    try (TrainedModel trained = TrainedModel.load(dir)) {
      OnnxExporter.Exported exported =
          OnnxExporter.export(trained.net(), patch, ModelMetadata.of(trained.card().contract()));
      assertThat(exported.parameterCount()).isEqualTo(Msmla.parameterCount(trained.net()));
      exported.write(onnxFile);

      // both sides in batches of CHUNK patches, as the worker classifies: one batch of 512 patches
      // of 48 px holds ~300 MB per MSMLA-50 activation, and page faults are slow on these VMs
      float[] expected = new float[PATCHES * 17];
      float[] actual = new float[PATCHES * 17];
      Shape chunk = new Shape(CHUNK, 10, patch, patch);
      try (NDManager m = trained.model().getNDManager().newSubManager()) {
        for (int n = 0; n < PATCHES; n += CHUNK) {
          try (NDManager c = m.newSubManager()) {
            NDArray logits =
                trained
                    .net()
                    .forward(
                        new ParameterStore(c, false),
                        new NDList(c.create(slice(inputs, n, per), chunk)),
                        false)
                    .singletonOrThrow();
            System.arraycopy(
                Msmla.probabilities(logits).toFloatArray(), 0, expected, n * 17, CHUNK * 17);
          }
        }
      }
      try (Model onnx = Model.newInstance("model", Device.cpu(), "OnnxRuntime")) {
        onnx.load(onnxFile.getParent(), "model");
        try (Predictor<NDList, NDList> predictor = onnx.newPredictor(new NoopTranslator());
            NDManager m = NDManager.newBaseManager(Device.cpu(), "OnnxRuntime")) {
          for (int n = 0; n < PATCHES; n += CHUNK) {
            NDList out = predictor.predict(new NDList(m.create(slice(inputs, n, per), chunk)));
            assertThat(out.singletonOrThrow().getShape()).isEqualTo(new Shape(CHUNK, 17));
            System.arraycopy(out.singletonOrThrow().toFloatArray(), 0, actual, n * 17, CHUNK * 17);
          }
        }
      }
      long uncertain = 0;
      for (float p : expected) {
        uncertain += p > 1e-3 && p < 0.999 ? 1 : 0;
      }
      // the comparison means something only if the outputs are not all saturated at 0 or 1
      assertThat(uncertain).isGreaterThan(PATCHES);
      double maxDiff = 0;
      int argmaxMismatches = 0;
      for (int n = 0; n < PATCHES; n++) {
        int a = 0;
        int e = 0;
        for (int k = 0; k < 17; k++) {
          int i = n * 17 + k;
          maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
          a = actual[i] > actual[n * 17 + a] ? k : a;
          e = expected[i] > expected[n * 17 + e] ? k : e;
        }
        argmaxMismatches += a == e ? 0 : 1;
      }
      System.out.printf(
          "%s at %d px: ONNX Runtime vs PyTorch max |diff| %.2e, %d probabilities in"
              + " (0.001, 0.999)%n",
          variant, patch, maxDiff, uncertain);
      assertThat(maxDiff).isLessThanOrEqualTo(1e-5);
      assertThat(argmaxMismatches).isZero();
    }
  }

  /** Patches {@code n} … {@code n + CHUNK - 1} of {@code inputs}, {@code per} values each. */
  private static FloatBuffer slice(float[] inputs, int n, int per) {
    return FloatBuffer.wrap(java.util.Arrays.copyOfRange(inputs, n * per, (n + CHUNK) * per));
  }

  /** ONNX's own checker (Debian's python3-onnx), full check with shape inference. */
  public static String check(Path model) throws Exception {
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                "import onnx, sys; m = onnx.load(sys.argv[1]);"
                    + " onnx.checker.check_model(m, full_check=True);"
                    + " print('ir', m.ir_version, 'opset', m.opset_import[0].version)",
                model.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
