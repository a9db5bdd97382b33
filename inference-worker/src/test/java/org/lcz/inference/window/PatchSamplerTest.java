package org.lcz.inference.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.contract.BandMismatchException;

class PatchSamplerTest {
  /** A 10×8 tile at scene (−2, −2) whose band b holds 100·b + the scene column. */
  private static TilePixels tile(Optional<Double> nodata) {
    float[][] bands = new float[3][80];
    for (int b = 0; b < 3; b++) {
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 10; x++) {
          bands[b][y * 10 + x] = 100 * b + (x - 2);
        }
      }
    }
    return new TilePixels(List.of("B2", "B3", "B4"), bands, 10, 8, -2, -2, nodata);
  }

  @Test
  void patchesTakeTheModelsBandsByNameInItsOrderNormalised() {
    PatchSampler s =
        new PatchSampler(
            tile(Optional.empty()), 4, List.of("b4", "B2"), List.of(200.0, 0.0), List.of(2.0, 1.0));
    float[] batch = new float[2 * s.patchFloats()];
    s.fill(batch, 1, 3, 1); // centre (3, 1): columns 1..4, rows −1..2
    int at = s.patchFloats();
    assertThat(batch[at]).as("B4, column 1: (201 − 200) / 2").isEqualTo(0.5f);
    assertThat(batch[at + 3]).as("B4, column 4").isEqualTo(2f);
    assertThat(batch[at + 16]).as("B2, column 1").isEqualTo(1f);
  }

  @Test
  void nodataBecomesTheBandMeanAndACellOnNodataHasNoData() {
    TilePixels t = tile(Optional.of(3.0)); // B2 at scene column 3
    PatchSampler s = new PatchSampler(t, 2, List.of("B2"), List.of(1.0), List.of(1.0));
    assertThat(s.hasData(3, 0)).isFalse();
    assertThat(s.hasData(2, 0)).isTrue();
    float[] batch = new float[s.patchFloats()];
    s.fill(batch, 0, 3, 0); // columns 2..3
    assertThat(batch).containsExactly(1f, 0f, 1f, 0f);
  }

  @Test
  void theNodataShareOfAPatchCountsItsNodataPixels() {
    // B2 holds the scene column; nodata 3 is one column of every 4-wide patch that covers it
    TilePixels t = tile(Optional.of(3.0));
    PatchSampler s = new PatchSampler(t, 4, List.of("B2"), List.of(1.0), List.of(1.0));
    assertThat(s.nodataShare(3, 1)).isEqualTo(0.25); // columns 1..4
    assertThat(s.nodataShare(6, 1)).isZero(); // columns 4..7
    assertThat(s.nodataShare(20, 1)).as("a patch outside the tile").isEqualTo(1.0);
    // every pixel of B2 nodata: all of it
    float[][] bands = new float[1][80];
    java.util.Arrays.fill(bands[0], Float.NaN);
    PatchSampler empty =
        new PatchSampler(
            new TilePixels(List.of("B2"), bands, 10, 8, -2, -2, Optional.empty()),
            4,
            List.of("B2"),
            List.of(1.0),
            List.of(1.0));
    assertThat(empty.nodataShare(3, 1)).isEqualTo(1.0);
  }

  @Test
  void aMissingBandIsNamedAndAPatchOutsideTheTileIsRefused() {
    assertThatThrownBy(
            () ->
                new PatchSampler(
                    tile(Optional.empty()), 4, List.of("B8"), List.of(0.0), List.of(1.0)))
        .isInstanceOf(BandMismatchException.class)
        .hasMessageContaining("missing: [B8]");
    PatchSampler s =
        new PatchSampler(tile(Optional.empty()), 6, List.of("B2"), List.of(0.0), List.of(1.0));
    assertThatThrownBy(() -> s.fill(new float[36], 0, 0, 0))
        .hasMessageContaining("halo must be at least 3");
  }
}
