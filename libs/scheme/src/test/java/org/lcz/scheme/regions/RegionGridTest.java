package org.lcz.scheme.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RegionGridTest {
  @Test
  void theGridCoversTheOutlineOnWholeCellsAndKnowsWhichCellsAreIn() {
    // 0.1° × 0.1° around 9.05° E, 45.05° N (UTM 32N)
    RegionOutline box = RegionOutline.bbox(9.0, 45.0, 9.1, 45.1);
    RegionGrid g = RegionGrid.of(box, box.utmEpsg(), 100);
    assertThat(g.epsg()).isEqualTo(32632);
    double[] t = g.geoTransform();
    assertThat(t[0] % 100).isZero();
    assertThat(t[3] % 100).isZero();
    assertThat(t[1]).isEqualTo(100);
    assertThat(t[5]).isEqualTo(-100);
    // ~7.9 km × 11.1 km: the box is a little rotated in UTM, so the grid is a little larger
    assertThat(g.cols()).isBetween(79, 83);
    assertThat(g.rows()).isBetween(111, 114);
    // the cells inside: the box's area (~87.6 km²) in 1-ha cells
    double areaKm2 = 7.88 * 11.12;
    assertThat(g.insideCells() / 100.0).isCloseTo(areaKm2, within(areaKm2 * 0.02));
    assertThat(g.inside(g.cols() * (g.rows() / 2) + g.cols() / 2)).isTrue();
    assertThat(g.grid().cols()).isEqualTo(g.cols());
    // laying out the grid leaves the outline in longitude/latitude
    assertThat(box.bbox()).containsExactly(9.0, 45.0, 9.1, 45.1);
  }

  @Test
  void aGridCanTakeItsMembersLatticeOfCells() {
    RegionOutline box = RegionOutline.bbox(9.0, 45.0, 9.1, 45.1);
    // a Sentinel-2 granule's lattice: corners at …9960 and …0040
    double[] lattice = RegionGrid.lattice(new double[] {399960, 10, 0, 5000040, 0, -10}, 100);
    assertThat(lattice).containsExactly(60, 40);
    RegionGrid g = RegionGrid.of(box, 32632, 100, lattice[0], lattice[1]);
    assertThat(RegionGrid.lattice(g.geoTransform(), 100)).containsExactly(60, 40);
    RegionGrid plain = RegionGrid.of(box, 32632, 100);
    assertThat(g.geoTransform()[0])
        .isBetween(plain.geoTransform()[0] - 100, plain.geoTransform()[0]);
    assertThat(RegionGrid.lattice(new double[] {-4960, 100, 0, -40, 0, -100}, 100))
        .containsExactly(40, 60);
  }

  @Test
  void aGeographicCrsOrAHugeRegionIsRefusedSayingWhy() {
    RegionOutline box = RegionOutline.bbox(9.0, 45.0, 9.1, 45.1);
    assertThatThrownBy(() -> RegionGrid.of(box, 4326, 100))
        .hasMessageContaining("not a projected CRS");
    assertThatThrownBy(() -> RegionGrid.of(box, 999999, 100))
        .hasMessageContaining("not a CRS this platform knows");
    assertThatThrownBy(() -> RegionGrid.of(RegionOutline.bbox(8, 44, 11, 47), 32632, 100))
        .hasMessageContaining("at most 2250000 cells")
        .hasMessageContaining("split it");
  }
}
