package org.lcz.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lcz.training.train.EpochStats;

class ProgressBarTest {
  @Test
  void theBarFillsWithTheBatches() {
    assertThat(ProgressBar.bar(3, 15, 30, 0.53214, 12_000_000_000L))
        .isEqualTo("epoch 3 [===============>              ] 15/30 loss 0.5321 12 s");
    assertThat(ProgressBar.bar(1, 30, 30, 0.1, 0)).contains("[" + "=".repeat(30) + "]");
  }

  @Test
  void aLogGetsOneLinePerEpochAndNoRedrawing() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);
    bar.onBatch(1, 1, 2, 0.9);
    bar.onBatch(1, 2, 2, 0.8);
    bar.onEpoch(new EpochStats(1, 10, 0.8, 0.6, 0.55, 0.002, 143.4, 12.5, 112.5, 32));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .isEqualTo(
            "epoch 1/10  loss 0.8000  train OA 0.6000  val OA 0.5500  lr 2.00e-03  143 patches/s"
                + "  13 s  ETA 113 s"
                + System.lineSeparator());
  }
}
