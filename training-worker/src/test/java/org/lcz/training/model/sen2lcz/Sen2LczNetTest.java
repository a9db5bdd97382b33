package org.lcz.training.model.sen2lcz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.model.ModelSummary;
import org.lcz.training.model.Msmla;

class Sen2LczNetTest {
  /**
   * The authors' published Keras model (sen2LCZ_drop, depth 17, fusion, 32 × 32 × 10 input, 17
   * classes) counted by hand, as Keras counts it (batch normalisation: γ, β and the two running
   * statistics): stage k with w = 16·2^k filters has 9·c_in·w + w for the first convolution, 3 ×
   * (9·w·w + w) for the others and 4 × 4w for its normalisations; each classifier c·17 + 17.
   */
  private static long kerasCount(int bands, int classes) {
    long n = 0;
    int in = bands;
    for (int k = 0; k < 4; k++) {
      int w = 16 << k;
      n += 9L * in * w + w + 3 * (9L * w * w + w) + 4 * 4L * w;
      int features = k < 3 ? 2 * w : w;
      n += (long) features * classes + classes;
      in = features;
    }
    return n;
  }

  @Test
  void itHasThePublishedNetworksParameters() {
    assertThat(kerasCount(10, 17)).isEqualTo(793_348);
    try (NDManager manager = NDManager.newBaseManager()) {
      LczNetwork net = new Sen2LczNet().build(Sen2LczNet.VARIANT, 10, 17);
      net.initialize(manager, DataType.FLOAT32, net.inputShape(1, 32));
      assertThat(Msmla.parameterCount(net)).isEqualTo(793_348);
      ModelSummary s = ModelSummary.of(net, 32);
      assertThat(s.total()).isEqualTo(793_348);
      // the running statistics (2 per channel of 16 normalisations) are not trained
      assertThat(s.total() - s.trainable()).isEqualTo(2L * 4 * (16 + 32 + 64 + 128));
      assertThat(s.rows())
          .extracting(ModelSummary.Row::name)
          .containsExactly(
              "stage1",
              "classifier1",
              "stage2",
              "classifier2",
              "stage3",
              "classifier3",
              "stage4",
              "classifier4");
      assertThat(s.rows().get(0).output()).isEqualTo(new Shape(1, 32, 16, 16));
      assertThat(s.rows().get(6).output()).isEqualTo(new Shape(1, 128, 4, 4));
      assertThat(s.rows().get(7).output()).isEqualTo(new Shape(1, 17));
      assertThat(s.title()).startsWith("SEN2LCZ-NET-MF: 10 bands");
    }
    // another input: the count follows the bands, not the patch size
    try (NDManager manager = NDManager.newBaseManager()) {
      LczNetwork net = new Sen2LczNet().build(Sen2LczNet.VARIANT, 4, 6);
      net.initialize(manager, DataType.FLOAT32, net.inputShape(1, 48));
      assertThat(Msmla.parameterCount(net)).isEqualTo(kerasCount(4, 6));
    }
  }

  @Test
  void itsSoftmaxIsTheMeanOfItsFourClassifiersAndDropoutActsOnlyInTraining() {
    try (NDManager manager = NDManager.newBaseManager()) {
      manager.getEngine().setRandomSeed(3);
      LczNetwork net = new Sen2LczNet().build(Sen2LczNet.VARIANT, 3, 5);
      net.initialize(manager, DataType.FLOAT32, net.inputShape(4, 16));
      NDArray x = manager.randomNormal(new Shape(4, 3, 16, 16));
      NDArray out = net.forward(new ParameterStore(manager, false), new NDList(x), false).head();
      assertThat(out.getShape()).isEqualTo(new Shape(4, 5));
      float[] p = out.exp().toFloatArray();
      float[] soft = out.softmax(-1).toFloatArray();
      for (int n = 0; n < 4; n++) {
        double sum = 0;
        for (int c = 0; c < 5; c++) {
          sum += p[n * 5 + c];
          // the output is already a log-probability: softmax leaves it unchanged
          assertThat(soft[n * 5 + c])
              .isCloseTo(p[n * 5 + c], org.assertj.core.data.Offset.offset(1e-6f));
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
      }
      NDArray again = net.forward(new ParameterStore(manager, false), new NDList(x), false).head();
      assertThat(again.toFloatArray()).containsExactly(out.toFloatArray());
      NDArray trained = net.forward(new ParameterStore(manager, false), new NDList(x), true).head();
      assertThat(trained.toFloatArray()).isNotEqualTo(out.toFloatArray());
    }
  }

  @Test
  void badSizesAreRefused() {
    assertThatThrownBy(() -> new Sen2LczNet().build(Sen2LczNet.VARIANT, 0, 17))
        .hasMessageContaining("at least one input band");
    assertThatThrownBy(() -> new Sen2LczNet().build(Sen2LczNet.VARIANT, 10, 1))
        .hasMessageContaining("at least two classes");
    assertThatThrownBy(() -> new Sen2LczNet().build("sen2lcz-net", 10, 17))
        .hasMessageContaining("unknown variant 'sen2lcz-net'");
    assertThat(new Sen2LczNet().patchMultiple()).isEqualTo(8);
  }
}
