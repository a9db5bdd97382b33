package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillCommandTest {
  private final Path home = Path.of("/repo");

  @Test
  void defaultsAreASmallWorldTwoWorkersAndS3InItsOwnProcess() {
    Drills.Options o = DrillCommand.parse(List.of(), home);
    assertThat(o.kills()).isEqualTo(10);
    assertThat(o.regionKills()).isEqualTo(5);
    assertThat(o.brokerDown()).isEqualTo(Duration.ofSeconds(10));
    assertThat(o.s3Down()).isEqualTo(Duration.ofSeconds(30));
    assertThat(o.demo().world().size()).isEqualTo(800);
    assertThat(o.demo().epochs()).isEqualTo(1);
    assertThat(o.demo().dataDir()).isEqualTo(home.resolve(".lcz-data/drill"));
    assertThat(o.demo().platform().inferenceWorkers()).isEqualTo(2);
    assertThat(o.demo().platform().s3Process()).isTrue();
    assertThat(o.demo().platform().serviceProperties())
        .containsEntry("lcz.ingest.tile-size", "160");
    assertThat(o.demo().keepRunning()).isFalse();
  }

  @Test
  void drillOptionsAndDemoOptionsMix() {
    Drills.Options o =
        DrillCommand.parse(
            List.of(
                "--kills",
                "3",
                "--size",
                "1200",
                "--s3-down",
                "5",
                "--http-port",
                "9181",
                "--region-kills",
                "7"),
            home);
    assertThat(o.kills()).isEqualTo(3);
    assertThat(o.regionKills()).isEqualTo(7);
    assertThat(o.s3Down()).isEqualTo(Duration.ofSeconds(5));
    assertThat(o.demo().world().size()).isEqualTo(1200);
    assertThat(o.demo().platform().httpPort()).isEqualTo(9181);
    assertThat(DrillCommand.parse(List.of("--help"), home)).isNull();
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> DrillCommand.parse(List.of("--kills", "0"), home))
        .hasMessageContaining("--kills must be at least 1");
    assertThatThrownBy(() -> DrillCommand.parse(List.of("--region-kills", "51"), home))
        .hasMessageContaining("--region-kills must be within 1..50");
    assertThatThrownBy(() -> DrillCommand.parse(List.of("--kills", "x"), home))
        .hasMessageContaining("--kills takes a whole number");
    assertThatThrownBy(() -> DrillCommand.parse(List.of("--bogus"), home))
        .hasMessageContaining("unknown option '--bogus'");
  }
}
