package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingPlanTest {
  static TrainingPlan plan(int batch, double lr, int patience) {
    return new TrainingPlan("msmla-50", null, 20, batch, lr, patience, 1, 3, 0.1, true);
  }

  @Test
  void theLearningRateFallsByTheFactorEveryDecayStep() {
    TrainingPlan p = plan(32, 0.01, 5);
    assertThat(p.learningRateAt(1)).isEqualTo(0.01);
    assertThat(p.learningRateAt(3)).isEqualTo(0.01);
    assertThat(p.learningRateAt(4)).isCloseTo(0.001, within(1e-12));
    assertThat(p.learningRateAt(7)).isCloseTo(0.0001, within(1e-12));
    assertThat(p.bands()).isEmpty();
  }

  @Test
  void outOfRangeValuesAreRefusedByName() {
    assertThatThrownBy(() -> plan(1, 0.01, 5)).hasMessageContaining("batchSize");
    assertThatThrownBy(() -> plan(32, 0, 5)).hasMessageContaining("learningRate");
    assertThatThrownBy(() -> plan(32, 0.01, 0)).hasMessageContaining("patience");
    assertThatThrownBy(
            () -> new TrainingPlan("msmla-18", List.of("B2", "B2"), 1, 32, 0.1, 1, 1, 1, 1, true))
        .hasMessageContaining("named twice");
  }
}
