package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TileLayoutTest {
  @Test
  void reflectionMirrorsAboutTheEdgePixelWithoutRepeatingIt() {
    assertThat(TileLayout.reflect(-1, 5)).isEqualTo(1);
    assertThat(TileLayout.reflect(-2, 5)).isEqualTo(2);
    assertThat(TileLayout.reflect(5, 5)).isEqualTo(3);
    assertThat(TileLayout.reflect(6, 5)).isEqualTo(2);
    assertThat(TileLayout.reflect(3, 5)).isEqualTo(3);
    assertThat(TileLayout.reflect(-7, 3)).isEqualTo(1); // a halo wider than the scene folds again
    assertThat(TileLayout.reflect(-4, 1)).isZero();
  }

  @Test
  void coresPartitionTheSceneAndEdgeTilesAreNarrower() {
    TileLayout layout = new TileLayout(300, 200, 128, 24);
    assertThat(layout.rows()).isEqualTo(2);
    assertThat(layout.cols()).isEqualTo(3);
    int[][] covered = new int[200][300];
    for (TileLayout.Tile t : layout.tiles()) {
      for (int y = t.coreY(); y < t.coreY() + t.coreHeight(); y++) {
        for (int x = t.coreX(); x < t.coreX() + t.coreWidth(); x++) {
          covered[y][x]++;
        }
      }
    }
    for (int[] row : covered) {
      for (int c : row) {
        assertThat(c).isEqualTo(1);
      }
    }
    TileLayout.Tile last = layout.tile(1, 2);
    assertThat(last).isEqualTo(new TileLayout.Tile(1, 2, 256, 128, 44, 72));
    assertThat(last.id()).isEqualTo("1_2");
  }

  @Test
  void haloSourcesComeFromNeighboursInsideAndReflectionOutside() {
    TileLayout layout = new TileLayout(300, 200, 128, 3);
    int[] first = layout.sourceColumns(layout.tile(0, 0));
    assertThat(first).hasSize(134);
    assertThat(first).startsWith(3, 2, 1, 0, 1, 2);
    assertThat(first).endsWith(128, 129, 130);
    int[] middle = layout.sourceColumns(layout.tile(0, 1));
    assertThat(middle).startsWith(125, 126, 127, 128);
    int[] last = layout.sourceColumns(layout.tile(0, 2));
    assertThat(last).endsWith(298, 299, 298, 297, 296);
    assertThatThrownBy(() -> layout.tile(2, 0)).hasMessageContaining("no tile 2_0");
  }
}
