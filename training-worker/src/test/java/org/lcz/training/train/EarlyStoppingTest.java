package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
  @Test
  void stopsAfterPatienceEpochsWithoutAStrictlyBetterOaAndKeepsTheEarliestBest() {
    EarlyStopping s = new EarlyStopping(2);
    assertThat(s.improved(1, 0.5)).isTrue();
    assertThat(s.stopAfter(1)).isEmpty();
    assertThat(s.improved(2, 0.7)).isTrue();
    assertThat(s.improved(3, 0.7)).isFalse(); // equal is not better
    assertThat(s.stopAfter(3)).isEmpty();
    assertThat(s.improved(4, 0.6)).isFalse();
    assertThat(s.stopAfter(4)).hasValueSatisfying(r -> assertThat(r).contains("epoch 2"));
    assertThat(s.bestEpoch()).isEqualTo(2);
  }
}
