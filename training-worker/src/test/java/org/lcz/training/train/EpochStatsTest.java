package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lcz.events.EpochCompleted;

class EpochStatsTest {
  private static final EpochStats STATS =
      new EpochStats(3, 20, 0.53214, 0.8, 0.75, 0.001, 141.6, 12.4, 210.8, 24);

  @Test
  void describesTheEpochInOneLine() {
    assertThat(STATS.describe())
        .isEqualTo(
            "epoch 3/20  loss 0.5321  train OA 0.8000  val OA 0.7500  lr 1.00e-03  142 patches/s"
                + "  12 s  ETA 211 s");
  }

  @Test
  void becomesTheEpochCompletedEventOfItsRun() {
    EpochCompleted e = STATS.toEvent("run-1");
    assertThat(e)
        .isEqualTo(new EpochCompleted("run-1", 3, 20, 0.53214, 0.8, 0.75, 0.001, 141.6, 210.8, 24));
    assertThat(e.schemaVersion()).isEqualTo(2);
  }
}
