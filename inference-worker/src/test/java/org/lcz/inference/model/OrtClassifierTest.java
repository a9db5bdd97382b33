package org.lcz.inference.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real ONNX model (written with the onnx Python package: the softmax of each band's mean, so the
 * answer is known) run through ONNX Runtime on the CPU.
 */
class OrtClassifierTest {
  private static final int BANDS = 3;
  private static final int PATCH = 4;

  @TempDir Path dir;

  private Path bandMeanSoftmax() throws Exception {
    Path model = dir.resolve("band-mean-softmax.onnx");
    String script =
        String.join(
            "\n",
            "import onnx, sys",
            "from onnx import helper as h, TensorProto as T",
            "x = h.make_tensor_value_info('input', T.FLOAT, ['n', 3, 4, 4])",
            "y = h.make_tensor_value_info('probabilities', T.FLOAT, ['n', 3])",
            "nodes = [h.make_node('GlobalAveragePool', ['input'], ['m']),",
            "         h.make_node('Flatten', ['m'], ['f'], axis=1),",
            "         h.make_node('Softmax', ['f'], ['probabilities'], axis=1)]",
            "m = h.make_model(h.make_graph(nodes, 'g', [x], [y]),"
                + " opset_imports=[h.make_opsetid('', 17)])",
            "m.ir_version = 8",
            "onnx.save(m, sys.argv[1])",
            "");
    Process p =
        new ProcessBuilder("/usr/bin/python3", "-c", script, model.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("python3-onnx: " + log).isZero();
    return model;
  }

  /** Batches of different sizes in turn: each answer is its own batch's, none a stale one's. */
  @Test
  void batchesOfEverySizeAreClassifiedFromTheirOwnPatches() throws Exception {
    int per = BANDS * PATCH * PATCH;
    Random random = new Random(3);
    try (OrtClassifier classifier =
        OrtClassifier.load(
            bandMeanSoftmax(), BANDS, PATCH, BANDS, new ComputeDevice(false, "test"), 2)) {
      assertThat(classifier.device()).isEqualTo("CPU (2 threads)");
      assertThat(classifier.classes()).isEqualTo(BANDS);
      for (int count : new int[] {5, 2, 9, 1, 9}) {
        float[] patches = new float[16 * per]; // longer than the batch, as the mapper's array is
        for (int i = 0; i < patches.length; i++) {
          patches[i] = (float) (random.nextGaussian() * 3);
        }
        float[] probabilities = new float[16 * BANDS];
        classifier.classify(patches, count, probabilities);
        for (int n = 0; n < count; n++) {
          double[] expected = softmaxOfMeans(patches, n * per);
          for (int k = 0; k < BANDS; k++) {
            assertThat((double) probabilities[n * BANDS + k])
                .as("batch of %d, patch %d, class %d", count, n, k)
                .isCloseTo(expected[k], within(1e-5));
          }
        }
        for (int i = count * BANDS; i < probabilities.length; i++) {
          assertThat(probabilities[i]).as("beyond the batch").isZero();
        }
      }
    }
  }

  /** Asked for CUDA where it cannot start, the classifier runs on the CPU and answers the same. */
  @Test
  void aGpuThatCannotStartFallsBackToTheCpu() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        OrtClassifier.visibleGpus() == 0, "a GPU is visible: CUDA would start");
    int per = BANDS * PATCH * PATCH;
    float[] patches = new float[2 * per];
    for (int i = 0; i < patches.length; i++) {
      patches[i] = i % 7 - 3;
    }
    try (OrtClassifier classifier =
        OrtClassifier.load(
            bandMeanSoftmax(), BANDS, PATCH, BANDS, new ComputeDevice(true, "test"), 1)) {
      assertThat(classifier.device()).isEqualTo("CPU (1 threads)");
      float[] probabilities = new float[2 * BANDS];
      classifier.classify(patches, 2, probabilities);
      double[] expected = softmaxOfMeans(patches, per);
      for (int k = 0; k < BANDS; k++) {
        assertThat((double) probabilities[BANDS + k]).isCloseTo(expected[k], within(1e-5));
      }
    }
  }

  @Test
  void aFileThatIsNoModelIsRefusedNamingIt() throws Exception {
    Path notAModel = java.nio.file.Files.writeString(dir.resolve("weights.onnx"), "not onnx");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                OrtClassifier.load(
                    notAModel, BANDS, PATCH, BANDS, new ComputeDevice(false, "test"), 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ONNX Runtime cannot load weights.onnx");
  }

  private static double[] softmaxOfMeans(float[] patches, int from) {
    double[] e = new double[BANDS];
    double sum = 0;
    for (int b = 0; b < BANDS; b++) {
      double mean = 0;
      for (int i = 0; i < PATCH * PATCH; i++) {
        mean += patches[from + b * PATCH * PATCH + i];
      }
      e[b] = Math.exp(mean / (PATCH * PATCH));
      sum += e[b];
    }
    for (int b = 0; b < BANDS; b++) {
      e[b] /= sum;
    }
    return e;
  }
}
