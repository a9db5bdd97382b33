package org.lcz.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return TrainingCommand.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void summaryPrintsTheTableAndThePublishedCount() {
    assertThat(run("summary", "msmla-50", "--bands", "10", "--classes", "17")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("MSMLA-50: 10 bands → 17 classes")
        .contains("Total params: 808,913");
  }

  @Test
  void otherBandAndClassCountsBuildToo() {
    assertThat(run("summary", "msmla-18", "--bands", "4", "--classes", "5", "--patch", "32"))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("input (1, 4, 32, 32)");
  }

  @Test
  void mistakesExitWithTwoAndTheUsage() {
    assertThat(run("summary", "msmla-34")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown variant 'msmla-34'")
        .contains("usage: ./lcz summary");
    assertThat(run("summary", "msmla-18", "--bands", "ten")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bands takes a whole number");
    assertThat(run("fly")).isEqualTo(2);
  }
}
