package org.lcz.training.card;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.training.data.Normalisation;
import org.lcz.training.kernels.KernelReport;
import org.lcz.training.train.EpochStats;
import org.lcz.training.train.TrainingOutcome;
import org.lcz.training.train.TrainingPlan;

/**
 * A hand-made training outcome: three epochs, a 17-class matrix with empty and unpredicted rows.
 */
final class Outcomes {
  private Outcomes() {}

  static TrainingOutcome sample(Path checkpoint) {
    long[][] counts = new long[17][17];
    counts[0][0] = 8;
    counts[0][1] = 2; // built confused with built
    counts[1][1] = 5;
    counts[10][10] = 9; // LCZ A
    counts[10][1] = 1; // A mistaken for 2
    counts[16][16] = 4; // G; class 3 (index 2) has samples only in training, never predicted
    counts[2][0] = 3;
    long[] support = new long[17];
    float[] weights = new float[17];
    support[0] = 10;
    support[1] = 10;
    support[2] = 5;
    weights[0] = 1f;
    weights[1] = 1f;
    weights[2] = 2f;
    List<EpochStats> history =
        List.of(
            new EpochStats(1, 3, 1.2, 0.5, 0.55, 0.002, 140, 10, 20, 32),
            new EpochStats(2, 3, 0.7, 0.7, 0.71, 0.002, 142, 10, 10, 32),
            new EpochStats(3, 3, 0.5, 0.8, 0.69, 0.001, 141, 10, 0, 32));
    return new TrainingOutcome(
        new TrainingPlan("msmla-18", List.of(), 3, 32, 0.002, 5, 7, 2, 0.5, true),
        List.of("B2", "B3", "B4"),
        48,
        new Normalisation(List.of(1.0, 2.0, 3.0), List.of(0.5, 0.25, 1.0)),
        support,
        weights,
        history,
        2,
        "trained all 3 epochs",
        checkpoint,
        ConfusionMatrix.of(counts),
        "cpu()",
        Duration.ofSeconds(31),
        null,
        new KernelReport(
            "cpu()",
            1,
            "AVX-512; ATen auto, oneDNN ALL",
            12,
            List.of(
                new KernelReport.Route(
                    "mb32_ic2oc1_ih48oh48kh7sh1ph3_iw48ow48kw7sw1pw3",
                    "PADDED_OUTPUT",
                    "input gradient off by 7.1e-01 (135360 not finite)")),
            2.5,
            ""));
  }

  static List<Long> zeros() {
    return Collections.nCopies(17, 0L);
  }
}
