package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileTimesTest {
  @Test
  void aTilesTimesAddUpAndGiveItsMappingRate() {
    TileTimes t =
        new TileTimes(
            "s", "s-r0c1", 2_600, 135_000_000L, 3_250_000_000L, 3_000_000_000L, 18_000_000L);
    assertThat(t.totalNanos()).isEqualTo(3_403_000_000L);
    assertThat(t.cutNanos()).isEqualTo(250_000_000L);
    assertThat(t.patchesPerSecond()).isCloseTo(800.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(t.describe())
        .isEqualTo(
            "tile s-r0c1: 2600 patches; read 135 ms, map 3250 ms (800 patches/s; classify 3000"
                + " ms, cut 250 ms), write 18 ms");
  }

  @Test
  void aTileWithNothingMappedHasNoRateAndNegativeFiguresAreRefused() {
    assertThat(new TileTimes("s", "t", 0, 1, 0, 0, 1).patchesPerSecond()).isZero();
    assertThatThrownBy(() -> new TileTimes("s", "t", -1, 0, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileTimes("s", "t", 1, 0, -5, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TileTimes("s", "t", 1, 0, 5, 6, 0))
        .hasMessageContaining("classifying cannot take longer than mapping");
  }
}
