package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepDecayTest {
  private static final TrainingPlan PLAN =
      new TrainingPlan("msmla-18", List.of(), 10, 32, 0.002, 5, 1, 2, 0.5, true);

  @Test
  void theRateHalvesEveryTwoEpochsCountedFromDjlsUpdateNumbers() {
    StepDecay decay = new StepDecay(PLAN, 10);
    assertThat(decay.getNewValue(1)).isCloseTo(0.002f, within(1e-9f));
    assertThat(decay.getNewValue(20)).isCloseTo(0.002f, within(1e-9f)); // last step of epoch 2
    assertThat(decay.getNewValue(21)).isCloseTo(0.001f, within(1e-9f)); // first of epoch 3
    assertThat(decay.getNewValue(41)).isCloseTo(0.0005f, within(1e-9f));
  }

  @Test
  void theValueDependsOnlyOnTheUpdateNumberNotOnHowOftenItWasAsked() {
    StepDecay decay = new StepDecay(PLAN, 10);
    for (int i = 0; i < 100; i++) {
      decay.getNewValue(41); // a tracker that counted calls would have decayed by now
    }
    assertThat(decay.getNewValue(1)).isCloseTo(0.002f, within(1e-9f));
    assertThat(decay.getNewValue(41)).isCloseTo(0.0005f, within(1e-9f));
    assertThat(decay.getNewValue(21)).isCloseTo(0.001f, within(1e-9f));
  }

  @Test
  void anEpochOfNoStepsIsRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new StepDecay(PLAN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("stepsPerEpoch must be at least 1");
  }
}
