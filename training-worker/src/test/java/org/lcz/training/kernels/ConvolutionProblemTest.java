package org.lcz.training.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConvolutionProblemTest {
  @Test
  void outputSizesFollowKernelStrideAndPadding() {
    ConvolutionProblem same = new ConvolutionProblem(32, 2, 1, 48, 48, 7, 1, 3, false);
    assertThat(same.outHeight()).isEqualTo(48);
    assertThat(same.outWidth()).isEqualTo(48);
    ConvolutionProblem strided = new ConvolutionProblem(32, 16, 32, 48, 40, 1, 2, 0, false);
    assertThat(strided.outHeight()).isEqualTo(24);
    assertThat(strided.outWidth()).isEqualTo(20);
    ConvolutionProblem valid = new ConvolutionProblem(1, 1, 1, 5, 5, 3, 2, 0, true);
    assertThat(valid.outHeight()).isEqualTo(2);
    assertThat(valid.inputSize()).isEqualTo(25);
    assertThat(valid.weightSize()).isEqualTo(9);
    assertThat(valid.outputSize()).isEqualTo(4);
  }

  @Test
  void itIsWrittenInOneDnnsNotation() {
    assertThat(new ConvolutionProblem(32, 2, 1, 48, 48, 7, 1, 3, false).describe())
        .isEqualTo("mb32_ic2oc1_ih48oh48kh7sh1ph3_iw48ow48kw7sw1pw3");
    assertThat(new ConvolutionProblem(8, 10, 16, 48, 48, 5, 1, 2, true).describe())
        .isEqualTo("mb8_ic10oc16_ih48oh48kh5sh1ph2_iw48ow48kw5sw1pw2 +bias");
  }

  @Test
  void anotherBatchKeepsEverythingElse() {
    ConvolutionProblem p = new ConvolutionProblem(32, 2, 1, 48, 48, 7, 1, 3, false);
    assertThat(p.withBatch(4)).isEqualTo(new ConvolutionProblem(4, 2, 1, 48, 48, 7, 1, 3, false));
  }

  @Test
  void impossibleShapesAreRefusedNamingThem() {
    assertThatThrownBy(() -> new ConvolutionProblem(0, 2, 1, 48, 48, 7, 1, 3, false))
        .hasMessageContaining("positive sizes")
        .hasMessageContaining("mb0_ic2oc1");
    assertThatThrownBy(() -> new ConvolutionProblem(1, 2, 1, 48, 48, 7, 0, 3, false))
        .hasMessageContaining("stride");
    assertThatThrownBy(() -> new ConvolutionProblem(1, 2, 1, 4, 4, 7, 1, 0, false))
        .hasMessageContaining("larger than the padded input");
  }
}
