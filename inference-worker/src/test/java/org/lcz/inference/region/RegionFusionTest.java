package org.lcz.inference.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.lcz.inference.map.MapTile;
import org.lcz.raster.GridMapping;
import org.lcz.scheme.regions.RegionGrid;
import org.lcz.scheme.regions.RegionOutline;

class RegionFusionTest {
  private static final int K = MapTile.CLASSES;

  /** A member on {@code region}'s own grid: class {@code c} at {@code pc} %, class 17 the rest. */
  private static MemberMap aligned(
      String id, RegionGrid region, int c, int pc, int cloudX0, int cloudX1) {
    int n = region.cols() * region.rows();
    byte[][] p = new byte[K][n];
    byte[] classes = new byte[n];
    for (int i = 0; i < n; i++) {
      int x = i % region.cols();
      if (x >= cloudX0 && x < cloudX1) {
        for (int k = 0; k < K; k++) {
          p[k][i] = (byte) 255; // masked
        }
        continue;
      }
      p[c - 1][i] = (byte) pc;
      p[16][i] += (byte) (100 - pc);
      classes[i] = (byte) c;
    }
    return new MemberMap(id, region.grid(), classes, p);
  }

  private static RegionGrid region() {
    return RegionGrid.of(RegionOutline.bbox(9.0, 45.0, 9.05, 45.03), 32632, 100);
  }

  @Test
  void membersOnTheRegionsGridAreAveragedCellByCellAndCloudsAreFilledFromTheOther() {
    RegionGrid g = region();
    RegionFusion f = new RegionFusion(g);
    f.add(aligned("a", g, 6, 70, 0, 10)); // a cloud over columns 0..9
    f.add(aligned("b", g, 2, 60, 20, 30)); // another over columns 20..29
    FusedRegion r = f.result();
    int n = g.cols() * g.rows();
    long inside = 0;
    for (int i = 0; i < n; i++) {
      int x = i % g.cols();
      if (!g.inside(i)) {
        assertThat(r.classes()[i]).isZero();
        assertThat(r.observations()[i]).isZero();
        continue;
      }
      inside++;
      if (x < 10) { // only b sees it
        assertThat(r.observations()[i]).isEqualTo((byte) 1);
        assertThat(r.classes()[i]).isEqualTo((byte) 2);
        assertThat(r.confidence()[i]).isEqualTo((byte) 60);
        assertThat(r.agreement()[i]).isEqualTo((byte) 100);
      } else if (x >= 20 && x < 30) { // only a
        assertThat(r.observations()[i]).isEqualTo((byte) 1);
        assertThat(r.classes()[i]).isEqualTo((byte) 6);
      } else { // both: 6 at 35 %, 2 at 30 %, 17 at (30 + 40) / 2 = 35 % -> 6 (the lower value)
        assertThat(r.observations()[i]).isEqualTo((byte) 2);
        assertThat(r.probabilities()[5 * n + i]).isEqualTo((byte) 35);
        assertThat(r.probabilities()[1 * n + i]).isEqualTo((byte) 30);
        assertThat(r.probabilities()[16 * n + i]).isEqualTo((byte) 35);
        assertThat(r.classes()[i]).isEqualTo((byte) 6);
        assertThat(r.agreement()[i]).isEqualTo((byte) 50);
      }
    }
    assertThat(r.observedCells()).isEqualTo(inside).isEqualTo(g.insideCells());
    assertThat(r.coverage()).isEqualTo(1.0);
  }

  @Test
  void aMemberInTheNeighbouringUtmZoneIsReprojectedOntoTheRegionsCells() throws Exception {
    RegionGrid g = region();
    // the same place on a 100 m grid of UTM 33N, a little larger than the region
    double[] lonLat = {9.0, 45.03};
    var toUtm33 =
        CRS.findOperation(
                org.apache.sis.referencing.CommonCRS.WGS84.normalizedGeographic(),
                CRS.forCode("EPSG:32633"),
                null)
            .getMathTransform();
    toUtm33.transform(lonLat, 0, lonLat, 0, 1);
    double x0 = Math.floor(lonLat[0] / 100) * 100 - 1000;
    double y0 = Math.ceil(lonLat[1] / 100) * 100 + 1000;
    int cols = 80;
    int rows = 60;
    byte[][] p = new byte[K][cols * rows];
    byte[] classes = new byte[cols * rows];
    for (int i = 0; i < cols * rows; i++) {
      p[10][i] = 90; // LCZ A
      p[16][i] = 10;
      classes[i] = 11;
    }
    MemberMap east =
        new MemberMap(
            "east",
            new GridMapping.Grid(
                cols, rows, new double[] {x0, 100, 0, y0, 0, -100}, CRS.forCode("EPSG:32633")),
            classes,
            p);
    RegionFusion f = new RegionFusion(g);
    f.add(east);
    FusedRegion r = f.result();
    // it covers the whole region: every cell inside is observed, class A at 90 %
    assertThat(r.observedCells()).isEqualTo(g.insideCells());
    for (int i = 0; i < r.classes().length; i++) {
      if (g.inside(i)) {
        assertThat(r.classes()[i]).isEqualTo((byte) 11);
        assertThat(r.confidence()[i]).isEqualTo((byte) 90);
      }
    }
  }

  @Test
  void aMemberBlendedFromFourOfItsCellsCountsAQuarterOfOneOnTheRegionsLattice() {
    RegionGrid g = region();
    int n = g.cols() * g.rows();
    // LCZ 6 at 70 % on the region's own lattice …
    MemberMap onLattice = aligned("a", g, 6, 70, 0, 0);
    // … and LCZ 2 at 90 % on a grid half a cell off in x and y: every region cell centre is the
    // corner of four of its cells, blended equally (it observes each cell through four)
    int cols = g.cols() + 1;
    int rows = g.rows() + 1;
    byte[][] p = new byte[K][cols * rows];
    byte[] classes = new byte[cols * rows];
    for (int i = 0; i < cols * rows; i++) {
      p[1][i] = 90;
      p[16][i] = 10;
      classes[i] = 2;
    }
    double[] t = g.geoTransform();
    MemberMap offset =
        new MemberMap(
            "b",
            new GridMapping.Grid(
                cols, rows, new double[] {t[0] - 50, t[1], 0, t[3] + 50, 0, t[5]}, g.grid().crs()),
            classes,
            p);
    RegionFusion f = new RegionFusion(g);
    f.add(onLattice);
    f.add(offset);
    FusedRegion r = f.result();
    for (int i = 0; i < n; i++) {
      if (!g.inside(i)) {
        continue;
      }
      // weights 1 and 1/4: LCZ 6 (70 × 1) / 1.25 = 56 %, LCZ 2 (90 / 4) / 1.25 = 18 %, LCZ G
      // (30 + 10 / 4) / 1.25 = 26 % — a plain mean would have made it LCZ 2 (45 % against 35 %)
      assertThat(r.observations()[i]).isEqualTo((byte) 2);
      assertThat(r.classes()[i]).isEqualTo((byte) 6);
      assertThat(r.probabilities()[5 * n + i]).isEqualTo((byte) 56);
      assertThat(r.probabilities()[1 * n + i]).isEqualTo((byte) 18);
      assertThat(r.probabilities()[16 * n + i]).isEqualTo((byte) 26);
      assertThat(r.agreement()[i]).isEqualTo((byte) 50);
    }
  }

  @Test
  void cellsNoMemberSeesStayEmptyAndAreCounted() {
    RegionGrid g = region();
    RegionFusion f = new RegionFusion(g);
    f.add(aligned("a", g, 3, 80, 0, 15));
    FusedRegion r = f.result();
    long unseen = 0;
    for (int i = 0; i < r.classes().length; i++) {
      if (g.inside(i) && i % g.cols() < 15) {
        unseen++;
        assertThat(r.classes()[i]).isZero();
      }
    }
    assertThat(r.outlineCells() - r.observedCells()).isEqualTo(unseen).isPositive();
    assertThat(r.coverage()).isLessThan(1.0);
  }

  @Test
  void aTieMadeByRoundingGoesToTheClassTheMembersShow() {
    RegionGrid g = region();
    int n = g.cols() * g.rows();
    RegionFusion f = new RegionFusion(g);
    for (String id : new String[] {"a", "b"}) {
      // 50.4 % LCZ 3 and 49.6 % LCZ 2 round to 50 and 50: the maps show LCZ 3
      byte[][] p = new byte[K][n];
      byte[] classes = new byte[n];
      for (int i = 0; i < n; i++) {
        p[1][i] = 50;
        p[2][i] = 50;
        classes[i] = 3;
      }
      f.add(new MemberMap(id, g.grid(), classes, p));
    }
    FusedRegion r = f.result();
    for (int i = 0; i < n; i++) {
      if (g.inside(i)) {
        assertThat(r.classes()[i]).isEqualTo((byte) 3);
        assertThat(r.agreement()[i]).isEqualTo((byte) 100);
      }
    }
  }
}
