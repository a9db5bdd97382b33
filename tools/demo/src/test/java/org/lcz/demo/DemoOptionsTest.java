package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.launcher.ServiceSpec;
import org.lcz.synth.WorldSpec;

class DemoOptionsTest {
  private final Path home = Path.of("/repo");

  @Test
  void theDefaultsAreTheDocumentedDemo() {
    DemoOptions o = DemoOptions.parse(List.of(), home);
    assertThat(o.world()).isEqualTo(new WorldSpec(7, 2000, 300, 48, WorldSpec.Mix.BALANCED));
    assertThat(o.variant()).isEqualTo("msmla-18");
    assertThat(o.epochs()).isEqualTo(8);
    assertThat(o.minOa()).isEqualTo(0.85);
    assertThat(o.keepRunning()).isFalse();
    assertThat(o.training()).isEqualTo(DemoOptions.Training.AREAS);
    assertThat(o.dataDir()).isEqualTo(Path.of("/repo/.lcz-data/demo"));
    assertThat(o.worldsDir()).isEqualTo(Path.of("/repo/.lcz-data/worlds"));
    assertThat(o.platform().command()).isEqualTo("up");
    assertThat(o.platform().services()).isTrue();
    assertThat(o.platform().kafkaPort()).isEqualTo(9092);
    assertThat(o.trainingTimeout()).isEqualTo(Duration.ofMinutes(60));
    assertThat(o.platform().serviceProperties()).isEmpty();
  }

  @Test
  void theHeightBandIsWrittenAndTheServicesAreToldToUseIt() {
    DemoOptions o = DemoOptions.parse(List.of("--height"), home);
    assertThat(o.world().height()).isTrue();
    String bands = "B2,B3,B4,B5,B6,B7,B8,B8A,B11,B12,HEIGHT";
    assertThat(o.platform().serviceProperties())
        .containsEntry("lcz.ingest.bands", bands)
        .containsEntry("lcz.training.dataset.band-names", bands);
  }

  @Test
  void optionsOverrideTheWorldTheTrainingAndThePlatform() {
    DemoOptions o =
        DemoOptions.parse(
            List.of(
                "--seed",
                "11",
                "--size",
                "600",
                "--per-class",
                "20",
                "--mix",
                "realistic",
                "--variant",
                "msmla-50",
                "--epochs",
                "2",
                "--min-oa",
                "0",
                "--keep-running",
                "--training",
                "patches",
                "--data",
                "/tmp/d",
                "--worlds",
                "/tmp/w",
                "--kafka-port",
                "19092",
                "--controller-port",
                "19093",
                "--s3-port",
                "19000",
                "--http-port",
                "18081",
                "--training-timeout",
                "5",
                "--mapping-timeout",
                "3"),
            home);
    assertThat(o.world()).isEqualTo(new WorldSpec(11, 600, 20, 48, WorldSpec.Mix.REALISTIC));
    assertThat(o.variant()).isEqualTo("msmla-50");
    assertThat(o.epochs()).isEqualTo(2);
    assertThat(o.minOa()).isZero();
    assertThat(o.keepRunning()).isTrue();
    assertThat(o.training()).isEqualTo(DemoOptions.Training.PATCHES);
    assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/d"));
    assertThat(o.worldsDir()).isEqualTo(Path.of("/tmp/w"));
    assertThat(o.platform().kafkaPort()).isEqualTo(19092);
    assertThat(o.platform().controllerPort()).isEqualTo(19093);
    assertThat(o.platform().s3Port()).isEqualTo(19000);
    assertThat(o.platform().serviceSpecs())
        .extracting(ServiceSpec::port)
        .containsExactly(18081, 18082, 18083);
    assertThat(o.trainingTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(o.mappingTimeout()).isEqualTo(Duration.ofMinutes(3));
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--variant", "Res Net"), home))
        .hasMessageContaining("--variant")
        .hasMessageContaining("msmla-18");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--epochs", "0"), home))
        .hasMessageContaining("--epochs must be at least 1");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--epochs", "many"), home))
        .hasMessageContaining("--epochs takes a whole number");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--min-oa", "85"), home))
        .hasMessageContaining("--min-oa takes a number from 0 to 1");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--size", "1234"), home))
        .hasMessageContaining("--size");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--seed"), home))
        .hasMessage("--seed needs a value");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--training", "polygons"), home))
        .hasMessage("--training takes areas or patches, not 'polygons'");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--fast"), home))
        .hasMessage("unknown option '--fast'");
    assertThatThrownBy(() -> DemoOptions.parse(List.of("--s3-port", "0"), home))
        .hasMessageContaining("port number");
  }
}
