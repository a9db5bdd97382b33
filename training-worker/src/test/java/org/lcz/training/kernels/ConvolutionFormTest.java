package org.lcz.training.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConvolutionFormTest {
  /** Shapes of MSMLA with channel counts off the blocks of 8 and 16, at a small batch. */
  private static final List<ConvolutionProblem> UNALIGNED =
      List.of(
          new ConvolutionProblem(4, 2, 1, 48, 48, 7, 1, 3, false), // CBAM's spatial attention
          new ConvolutionProblem(4, 2, 1, 12, 12, 7, 1, 3, false),
          new ConvolutionProblem(4, 10, 16, 48, 48, 5, 1, 2, true), // the stem, ten bands in
          new ConvolutionProblem(4, 17, 3, 12, 12, 3, 2, 1, true));

  @Test
  void theFullyPaddedFormIsTheConvolutionOnThisMachine() {
    // channel counts that are multiples of the block leave oneDNN no padding of its own to write
    try (NDManager manager = NDManager.newBaseManager()) {
      for (ConvolutionProblem p : UNALIGNED) {
        ConvolutionTrial.Outcome o = ConvolutionTrial.run(manager, p, ConvolutionForm.PADDED, 11);
        assertThat(o.exact()).as(p + ": " + o.failures()).isTrue();
      }
    }
  }

  @Test
  void paddedFormsKeepTheOutputShapeAndTheParameters() {
    try (NDManager manager = NDManager.newBaseManager()) {
      NDArray x = manager.randomNormal(new Shape(3, 10, 9, 9));
      NDArray w = manager.randomNormal(new Shape(5, 10, 3, 3));
      NDArray b = manager.randomNormal(new Shape(5));
      for (ConvolutionForm f : ConvolutionForm.values()) {
        NDArray y = f.apply(x, w, b, 2, 1);
        assertThat(y.getShape()).as(f.name()).isEqualTo(new Shape(3, 5, 5, 5));
      }
      assertThat(w.getShape()).isEqualTo(new Shape(5, 10, 3, 3));
      assertThat(b.getShape()).isEqualTo(new Shape(5));
    }
  }

  @Test
  void aPaddedFormOnlyPadsChannelsThatAreOffTheBlock() {
    ConvolutionProblem aligned = new ConvolutionProblem(1, 16, 32, 8, 8, 3, 1, 1, false);
    ConvolutionProblem spatial = new ConvolutionProblem(1, 2, 1, 8, 8, 7, 1, 3, false);
    for (ConvolutionForm f : ConvolutionForm.values()) {
      assertThat(f.padding(aligned)).isZero();
      assertThat(f.costFactor(aligned)).isEqualTo(1.0);
    }
    assertThat(ConvolutionForm.DIRECT.padding(spatial)).isZero();
    assertThat(ConvolutionForm.PADDED_INPUT.padding(spatial)).isEqualTo(1);
    assertThat(ConvolutionForm.PADDED_OUTPUT.padding(spatial)).isEqualTo(2);
    assertThat(ConvolutionForm.PADDED.padding(spatial)).isEqualTo(3);
    ConvolutionProblem stem = new ConvolutionProblem(1, 10, 16, 8, 8, 5, 1, 2, true);
    assertThat(ConvolutionForm.PADDED.padding(stem))
        .isEqualTo(ConvolutionForm.PADDED_INPUT.padding(stem));
    assertThat(ConvolutionForm.PADDED_OUTPUT.costFactor(spatial)).isEqualTo(16.0);
    assertThat(ConvolutionForm.PADDED_INPUT.costFactor(spatial)).isEqualTo(8.0);
    assertThat(ConvolutionForm.PADDED.costFactor(spatial)).isEqualTo(128.0);
    assertThat(ConvolutionForm.roundUp(10)).isEqualTo(16);
    assertThat(ConvolutionForm.roundUp(32)).isEqualTo(32);
  }
}
