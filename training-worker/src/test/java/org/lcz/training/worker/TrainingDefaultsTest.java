package org.lcz.training.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.events.LczEvent;
import org.lcz.events.TrainingRequested;
import org.lcz.storage.ObjectRef;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.train.TrainingPlan;

class TrainingDefaultsTest {
  private static final TrainingDefaults DEFAULTS =
      new TrainingDefaults(
          "msmla-18", 60, 32, 0.002, 15, 42, 10, 0.5, true, 10, DatasetLayout.MSMLA);
  private static final ObjectRef DATA = ObjectRef.of("lcz-datasets", "t.h5");

  @Test
  void unsetFieldsComeFromTheDefaults() {
    TrainingPlan plan =
        DEFAULTS.plan(TrainingRequested.minimal("r", "msmla-50", DATA, Instant.now()));
    assertThat(plan.variant()).isEqualTo("msmla-50");
    assertThat(plan.epochs()).isEqualTo(60);
    assertThat(plan.batchSize()).isEqualTo(32);
    assertThat(plan.seed()).isEqualTo(42);
    assertThat(plan.bands()).isEmpty();
  }

  @Test
  void theRequestsValuesWin() {
    TrainingPlan plan =
        DEFAULTS.plan(
            new TrainingRequested(
                LczEvent.CURRENT_SCHEMA_VERSION,
                "r",
                "msmla-18",
                DATA,
                null,
                null,
                List.of("B4", "B8"),
                null,
                5,
                16,
                0.01,
                3,
                9L,
                null,
                Instant.now(),
                null));
    assertThat(plan)
        .extracting(
            TrainingPlan::epochs,
            TrainingPlan::batchSize,
            TrainingPlan::learningRate,
            TrainingPlan::patience,
            TrainingPlan::seed)
        .containsExactly(5, 16, 0.01, 3, 9L);
    assertThat(plan.bands()).containsExactly("B4", "B8");
  }

  @Test
  void anUnknownVariantIsAClearError() {
    assertThatThrownBy(
            () -> DEFAULTS.plan(TrainingRequested.minimal("r", "resnet", DATA, Instant.now())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown variant 'resnet'");
  }
}
