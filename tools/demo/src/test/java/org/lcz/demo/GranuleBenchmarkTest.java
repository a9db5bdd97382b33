package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark's command line; the run itself is a documented command (docs/benchmarks.md). */
class GranuleBenchmarkTest {
  private final Path home = Path.of("/repo");

  @Test
  void theDefaultsAreAGranuleOnAStackOfItsOwn() {
    GranuleBenchmark.Options o =
        GranuleBenchmark.Options.parse(List.of("--model", "m/v1", "--ort-alone", "NaN"), home);
    assertThat(o.model()).isEqualTo(Path.of("m/v1"));
    assertThat(o.size()).isEqualTo(10980);
    assertThat(o.seed()).isEqualTo(42);
    assertThat(o.data()).isEqualTo(Path.of("/repo/.lcz-data/granule"));
    assertThat(o.scenes()).isEqualTo(Path.of("/repo/.lcz-data/bench"));
    assertThat(o.ortAlone()).isNaN();
    assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(180));
  }

  @Test
  void everyOptionIsTaken() {
    GranuleBenchmark.Options o =
        GranuleBenchmark.Options.parse(
            List.of(
                "--size",
                "2048",
                "--seed",
                "7",
                "--data",
                "/d",
                "--ort-alone",
                "712.5",
                "--timeout",
                "30",
                "--model",
                "x"),
            home);
    assertThat(o.size()).isEqualTo(2048);
    assertThat(o.seed()).isEqualTo(7);
    assertThat(o.data()).isEqualTo(Path.of("/d"));
    assertThat(o.ortAlone()).isEqualTo(712.5);
    assertThat(o.timeout()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void badCommandLinesSayWhatIsWrong() {
    assertThatThrownBy(() -> GranuleBenchmark.Options.parse(List.of(), home))
        .hasMessageStartingWith("--model is required");
    assertThatThrownBy(
            () -> GranuleBenchmark.Options.parse(List.of("--model", "x", "--size", "100"), home))
        .hasMessageStartingWith("--size takes at least 512 px, not 100");
    assertThatThrownBy(
            () -> GranuleBenchmark.Options.parse(List.of("--model", "x", "--size", "big"), home))
        .hasMessageStartingWith("--size takes a whole number ≥ 0, not 'big'");
    assertThatThrownBy(
            () ->
                GranuleBenchmark.Options.parse(
                    List.of("--model", "x", "--ort-alone", "fast"), home))
        .hasMessageStartingWith("--ort-alone takes patches per second, not 'fast'");
    assertThatThrownBy(() -> GranuleBenchmark.Options.parse(List.of("--model"), home))
        .hasMessageStartingWith("--model needs a value");
    assertThatThrownBy(
            () -> GranuleBenchmark.Options.parse(List.of("--model", "x", "--colour", "red"), home))
        .hasMessageStartingWith("unknown option --colour");
  }
}
