package org.lcz.bench.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FixturesTest {
  @Test
  void inputsAreTheSameForTheSameSeedAndDifferForAnother() {
    assertThat(Fixtures.gaussian(7, 1000)).isEqualTo(Fixtures.gaussian(7, 1000));
    assertThat(Fixtures.gaussian(7, 1000)).isNotEqualTo(Fixtures.gaussian(8, 1000));
    int[] labels = Fixtures.labels(3, 5000, 17);
    assertThat(labels).isEqualTo(Fixtures.labels(3, 5000, 17));
    assertThat(java.util.Arrays.stream(labels).min().getAsInt()).isZero();
    assertThat(java.util.Arrays.stream(labels).max().getAsInt()).isEqualTo(16);
    assertThat(java.util.Arrays.stream(labels).distinct().count()).isEqualTo(17);
  }

  @Test
  void nonFiniteCountsNaNAndBothInfinities() {
    assertThat(
            Fixtures.nonFinite(
                new float[] {
                  0f,
                  Float.NaN,
                  1f,
                  Float.POSITIVE_INFINITY,
                  Float.NEGATIVE_INFINITY,
                  Float.MIN_VALUE
                }))
        .isEqualTo(3);
    assertThat(Fixtures.nonFinite(new float[0])).isZero();
  }
}
