package org.lcz.training.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class ConvolutionTrialTest {
  @Test
  void theErrorIsRelativeToTheLargestReferenceValueAndCountsWhatIsNotFinite() {
    ConvolutionTrial.Error e =
        ConvolutionTrial.error(
            new float[] {1, 2.5f, Float.NaN, -4, Float.POSITIVE_INFINITY},
            new double[] {1, 2, 3, -4, 5});
    assertThat(e.relative()).isEqualTo(0.5 / 5);
    assertThat(e.nonFinite()).isEqualTo(2);
    assertThat(e.exact()).isFalse();
    assertThat(e).hasToString("1.0e-01 (2 not finite)");
    assertThat(ConvolutionTrial.error(new float[] {1, 2}, new double[] {1, 2.001}).exact())
        .isTrue();
    assertThat(ConvolutionTrial.error(new float[] {1, 2}, new double[] {1, 2.01}).exact())
        .isFalse();
  }

  @Test
  void anOutcomeNamesEveryDirectionThatIsOff() {
    ConvolutionProblem p = new ConvolutionProblem(4, 2, 1, 12, 12, 7, 1, 3, false);
    ConvolutionTrial.Error good = new ConvolutionTrial.Error(3e-7, 0);
    ConvolutionTrial.Outcome o =
        new ConvolutionTrial.Outcome(
            p, ConvolutionForm.DIRECT, good, new ConvolutionTrial.Error(0.71, 135_360), good, null);
    assertThat(o.exact()).isFalse();
    assertThat(o.failures()).isEqualTo("input gradient off by 7.1e-01 (135360 not finite)");
    assertThat(
            new ConvolutionTrial.Outcome(p, ConvolutionForm.DIRECT, good, good, good, null).exact())
        .isTrue();
  }

  @Test
  void aConvolutionWhoseChannelsNeedNoPaddingIsExactThroughTheEngine() {
    // 16 in, 16 out: a multiple of every channel block, so no form pads anything
    try (NDManager manager = NDManager.newBaseManager()) {
      ConvolutionTrial.Outcome o =
          ConvolutionTrial.run(
              manager,
              new ConvolutionProblem(4, 16, 16, 12, 12, 3, 1, 1, true),
              ConvolutionForm.DIRECT,
              1);
      assertThat(o.exact()).as(o.failures()).isTrue();
      assertThat(o.forward().relative()).isLessThan(1e-5);
      assertThat(o.biasGradient()).isNotNull();
    }
  }

  @Test
  void aComputationThatIsNotTheConvolutionIsCaught() {
    // the trial measures what the engine returns: the convolution of the transposed kernel (a real
    // but wrong computation) must be reported as off in every direction it changes
    try (NDManager manager = NDManager.newBaseManager()) {
      ConvolutionProblem p = new ConvolutionProblem(2, 3, 4, 10, 10, 3, 1, 1, false);
      ConvolutionTrial.Outcome wrong =
          ConvolutionTrial.run(
              manager,
              p,
              ConvolutionForm.DIRECT,
              (x, w, b, stride, padding) ->
                  ConvolutionForm.DIRECT.apply(x, w.transpose(0, 1, 3, 2), b, stride, padding),
              3);
      assertThat(wrong.exact()).isFalse();
      assertThat(wrong.forward().relative()).isGreaterThan(0.1);
      assertThat(wrong.inputGradient().relative()).isGreaterThan(0.1);
    }
  }
}
