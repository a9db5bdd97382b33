package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CellGridTest {
  @Test
  void cellsCoverTheSceneAndTheLastOneMayBeCutShort() {
    CellGrid g = new CellGrid(1025, 300, 10);
    assertThat(g.cols()).isEqualTo(103);
    assertThat(g.rows()).isEqualTo(30);
    assertThat(g.centreX(0)).isEqualTo(5);
    assertThat(g.centreX(101)).isEqualTo(1015);
    assertThat(g.centreX(102)).as("clamped into the scene").isEqualTo(1024);
  }

  @Test
  void everyCellBelongsToExactlyOneTileCore() {
    CellGrid g = new CellGrid(1030, 777, 10);
    int[] owners = new int[g.cols()];
    for (int x0 = 0; x0 < 1030; x0 += 256) {
      CellGrid.Span s = g.cellsOf(x0, 0, Math.min(256, 1030 - x0), 256);
      for (int c = s.firstCol(); c < s.firstCol() + s.cols(); c++) {
        owners[c]++;
        assertThat(g.centreX(c)).isBetween(x0, x0 + 255);
      }
    }
    assertThat(owners).containsOnly(1);
  }

  @Test
  void aNarrowLastCoreStillOwnsTheClampedLastCell() {
    CellGrid g = new CellGrid(1025, 10, 10);
    CellGrid.Span last = g.cellsOf(1024, 0, 1, 10);
    assertThat(last.firstCol()).isEqualTo(102);
    assertThat(last.cols()).isEqualTo(1);
  }

  @Test
  void theGridIsInMapUnitsFromTheSceneCorner() {
    CellGrid g = CellGrid.of(700, 460, 100, 10);
    double[] gt =
        g.geoTransform(
            new double[] {500000, 10, 0, 5000000, 0, -10}, g.cellsOf(256, 256, 256, 204));
    assertThat(gt).containsExactly(502600, 100, 0, 4997400, 0, -100);
  }

  @Test
  void aCellMustBeAWholeNumberOfPixels() {
    assertThatThrownBy(() -> CellGrid.of(100, 100, 100, 30))
        .hasMessageContaining("not a whole number of 30.0 m pixels");
    assertThat(CellGrid.haloNeeded(48)).isEqualTo(24);
  }
}
