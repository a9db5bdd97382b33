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

  @Test
  void aSetSmallerThanABatchTrainsWithTheWholeSetUnlessTheBatchWasFixed() {
    TrainingPlan p = plan(32, 0.01, 5);
    assertThat(p.fittedTo(32, false)).isSameAs(p);
    assertThat(p.fittedTo(500, true)).isSameAs(p);
    assertThat(p.batchReducedFrom()).isNull();
    TrainingPlan small = p.fittedTo(24, false);
    assertThat(small.batchSize()).isEqualTo(24);
    assertThat(small.batchReducedFrom()).isEqualTo(32);
    assertThat(small)
        .isEqualTo(new TrainingPlan("msmla-50", List.of(), 20, 24, 0.01, 5, 1, 3, 0.1, true, 32));
    assertThatThrownBy(() -> p.fittedTo(24, true))
        .hasMessage(
            "the training set has 24 patches, fewer than one batch of 32; ask for \"batchSize\":"
                + " 8 (any value from 2 to 24), or leave it out to train with batches of the whole"
                + " set");
    assertThatThrownBy(() -> p.fittedTo(5, true)).hasMessageContaining("\"batchSize\": 5 (any");
    assertThatThrownBy(() -> p.fittedTo(1, false))
        .hasMessage(
            "the training set has 1 patch; training needs at least 2 (batch normalisation)");
  }
}
