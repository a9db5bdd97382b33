package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ClassWeightsTest {
  @Test
  void weightsAreTotalOverPresentClassesTimesSupportAndAbsentClassesGetZero() {
    // 6 samples over 3 present classes, as sklearn's compute_class_weight("balanced")
    float[] w = ClassWeights.balanced(new long[] {3, 1, 0, 2});
    assertThat(w[0]).isCloseTo(6f / 9, within(1e-6f));
    assertThat(w[1]).isCloseTo(2f, within(1e-6f));
    assertThat(w[2]).isZero();
    assertThat(w[3]).isCloseTo(1f, within(1e-6f));
    // balanced: every class carries the same total weight, and all samples together weigh n
    assertThat(3 * w[0]).isCloseTo(1 * w[1], within(1e-6f));
    assertThat(3 * w[0] + w[1] + 2 * w[3]).isCloseTo(6f, within(1e-5f));
  }

  @Test
  void noSamplesIsAnError() {
    assertThatThrownBy(() -> ClassWeights.balanced(new long[] {0, 0}))
        .hasMessageContaining("no samples");
  }
}
