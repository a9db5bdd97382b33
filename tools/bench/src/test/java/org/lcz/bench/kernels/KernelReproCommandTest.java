package org.lcz.bench.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class KernelReproCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return KernelReproCommand.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsEveryCommandAndMistakesAreRefusedWithTheUsage() {
    assertThat(run("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("kernel-repro machine", "matrix", "agreement", "layers", "model", "losses");
    assertThat(run("sideways")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'sideways'");
    assertThat(run("model", "--runs", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--runs must be at least 1, not 0");
    assertThat(run("model", "--steps", "many")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--steps needs a whole number, not 'many'");
    assertThat(run("model", "--runs")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("unknown or incomplete option '--runs'");
  }

  /**
   * MSMLA-18 after the training worker's self-check, on whatever kernels it picks on this machine:
   * repeated passes and short trainings are finite and equal to the first, bit for bit.
   */
  @Test
  void afterTheSelfCheckRepeatedPassesAndTrainingsAreFiniteAndIdentical() {
    assertThat(run("model", "--runs", "3", "--steps", "3", "--batch", "8", "--self-check"))
        .as(err.toString(StandardCharsets.UTF_8))
        .isZero();
    List<String> results =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("RESULT model|"))
            .toList();
    assertThat(results).hasSize(2);
    for (String line : results) {
      String[] f = line.split("\\|");
      assertThat(f[2]).as("runs: %s", line).isEqualTo("3");
      assertThat(f[3]).as("runs with NaN/∞: %s", line).isEqualTo("0");
      assertThat(f[4]).as("runs unlike the first: %s", line).isEqualTo("0");
    }
  }
}
