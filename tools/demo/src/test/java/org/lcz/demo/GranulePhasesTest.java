package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class GranulePhasesTest {
  private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

  private static Instant at(double seconds) {
    return T0.plusMillis(Math.round(seconds * 1000));
  }

  @Test
  void thePhasesAreTheSpansBetweenTheEvents() {
    GranulePhases p =
        new GranulePhases(
            at(0), at(20.5), at(22), at(30), at(95.25), at(1530), at(1541.5), 484, 1_205_604);

    assertThat(p.table())
        .containsExactly(
            "| phase | from → to | seconds |",
            "| --- | --- | --- |",
            "| upload into the inbox | PUT start → stored | 20.5 |",
            "| ingest | stored → SceneReceived | 1.5 |",
            "| tiling | SceneReceived → SceneTiled | 73.3 |",
            "| mapping | first TileReady → last MapTileWritten | 1500.0 |",
            "| mapping after tiling | SceneTiled → last MapTileWritten | 1434.8 |",
            "| assembly | last MapTileWritten → SceneMapCompleted | 11.5 |",
            "| **total** | PUT start → SceneMapCompleted | 1541.5 |");
    assertThat(p.patchesPerSecond()).isEqualTo(1_205_604 / 1500.0);
    assertThat(p.total()).isEqualTo(Duration.ofMillis(1_541_500));
  }

  @Test
  void noMappingAfterTilingWhenTheLastTileWasMappedBeforeSceneTiledArrived() {
    GranulePhases p = new GranulePhases(at(0), at(1), at(2), at(3), at(9), at(8), at(10), 4, 100);

    assertThat(p.table())
        .contains("| mapping after tiling | SceneTiled → last MapTileWritten | 0.0 |");
  }

  @Test
  void momentsOutOfOrderAreRefused() {
    assertThatThrownBy(
            () -> new GranulePhases(at(0), at(1), at(2), at(3), at(4), at(6), at(5), 4, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of order");
    assertThatThrownBy(
            () -> new GranulePhases(at(0), at(1), at(2), at(3), at(11), at(6), at(10), 4, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SceneTiled outside the mapping");
  }
}
