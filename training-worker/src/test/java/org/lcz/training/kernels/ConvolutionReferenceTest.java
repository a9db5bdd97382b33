package org.lcz.training.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConvolutionReferenceTest {
  @Test
  void aThreeByThreeSumWithZeroPaddingWorkedByHand() {
    // one 3×3 input 1..9, one all-ones 3×3 kernel, padding 1: each output is the sum of the
    // neighbourhood; the corner (0,0) sees 1+2+4+5 = 12, the centre 45
    ConvolutionProblem p = new ConvolutionProblem(1, 1, 1, 3, 3, 3, 1, 1, true);
    float[] x = {1, 2, 3, 4, 5, 6, 7, 8, 9};
    float[] w = {1, 1, 1, 1, 1, 1, 1, 1, 1};
    float[] b = {0.5f};
    float[] dy = {1, 0, 0, 0, 0, 0, 0, 0, 0};
    ConvolutionReference.Result r = ConvolutionReference.compute(p, x, w, b, dy);
    assertThat(r.output()).containsExactly(12.5, 21.5, 16.5, 27.5, 45.5, 33.5, 24.5, 39.5, 28.5);
    // the gradient of y[0,0] alone: dx is 1 on its four inputs, dw holds what each tap saw
    assertThat(r.inputGradient()).containsExactly(1, 1, 0, 1, 1, 0, 0, 0, 0);
    assertThat(r.weightGradient()).containsExactly(0, 0, 0, 0, 1, 2, 0, 4, 5);
    assertThat(r.biasGradient()).containsExactly(1);
  }

  @Test
  void strideSkipsAndChannelsAdd() {
    // two channels of a 1×4 row, kernel 1×1 with weights 2 and 3, stride 2: y = 2·x0 + 3·x1 at 0, 2
    ConvolutionProblem p = new ConvolutionProblem(1, 2, 1, 1, 4, 1, 2, 0, false);
    float[] x = {1, 2, 3, 4, 10, 20, 30, 40};
    float[] w = {2, 3};
    ConvolutionReference.Result r = ConvolutionReference.compute(p, x, w, null, new float[] {1, 1});
    assertThat(r.output()).containsExactly(32, 96);
    assertThat(r.inputGradient()).containsExactly(2, 0, 2, 0, 3, 0, 3, 0);
    assertThat(r.weightGradient()).containsExactly(4, 40);
    assertThat(r.biasGradient()).containsExactly(0);
  }

  @Test
  void theGradientsAreThoseOfTheOutputByFiniteDifferences() {
    ConvolutionProblem p = new ConvolutionProblem(2, 3, 2, 6, 5, 3, 2, 1, true);
    Random random = new Random(5);
    float[] x = values(random, p.inputSize());
    float[] w = values(random, p.weightSize());
    float[] b = values(random, p.outChannels());
    float[] dy = values(random, p.outputSize());
    ConvolutionReference.Result r = ConvolutionReference.compute(p, x, w, b, dy);
    double h = 1e-2; // the loss Σ y·dy is linear in each input: central differences are exact
    for (int i = 0; i < x.length; i += 7) {
      assertThat(difference(p, x, w, b, dy, 0, i, h)).isCloseTo(r.inputGradient()[i], within(1e-4));
    }
    for (int i = 0; i < w.length; i += 5) {
      assertThat(difference(p, x, w, b, dy, 1, i, h))
          .isCloseTo(r.weightGradient()[i], within(1e-4));
    }
    for (int i = 0; i < b.length; i++) {
      assertThat(difference(p, x, w, b, dy, 2, i, h)).isCloseTo(r.biasGradient()[i], within(1e-4));
    }
  }

  @Test
  void arraysOfTheWrongLengthAreRefused() {
    ConvolutionProblem p = new ConvolutionProblem(1, 1, 1, 3, 3, 3, 1, 1, false);
    assertThatThrownBy(
            () -> ConvolutionReference.compute(p, new float[8], new float[9], null, new float[9]))
        .hasMessageContaining("the input needs 9 values, not 8");
  }

  /** d(Σ y·dy)/d(one value) by a central difference of the reference's own output. */
  private static double difference(
      ConvolutionProblem p,
      float[] x,
      float[] w,
      float[] b,
      float[] dy,
      int which,
      int i,
      double h) {
    float[][] arrays = {x.clone(), w.clone(), b.clone()};
    float saved = arrays[which][i];
    arrays[which][i] = (float) (saved + h);
    double up = loss(ConvolutionReference.compute(p, arrays[0], arrays[1], arrays[2], dy), dy);
    arrays[which][i] = (float) (saved - h);
    double down = loss(ConvolutionReference.compute(p, arrays[0], arrays[1], arrays[2], dy), dy);
    double step = (double) (float) (saved + h) - (double) (float) (saved - h);
    return (up - down) / step;
  }

  private static double loss(ConvolutionReference.Result r, float[] dy) {
    double s = 0;
    for (int i = 0; i < dy.length; i++) {
      s += r.output()[i] * dy[i];
    }
    return s;
  }

  private static float[] values(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
