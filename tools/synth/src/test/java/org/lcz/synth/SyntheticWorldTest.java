package org.lcz.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticWorldTest {
  private static final int B4 = 2;
  private static final int B8 = 6;
  private static final int B11 = 8;

  @Test
  void aWorldIsDeterministicFromItsSeed() {
    SyntheticWorld a = new SyntheticWorld(7, 600, SyntheticWorld.balanced());
    SyntheticWorld b = new SyntheticWorld(7, 600, SyntheticWorld.balanced());
    SyntheticWorld c = new SyntheticWorld(8, 600, SyntheticWorld.balanced());
    int[] ra = new int[600];
    int[] rb = new int[600];
    int[] rc = new int[600];
    a.readRow(123, 0, B8, ra);
    b.readRow(123, 0, B8, rb);
    c.readRow(123, 0, B8, rc);
    assertThat(ra).isEqualTo(rb).isNotEqualTo(rc);
    assertThat(a.cells()).isEqualTo(60);
    assertThat(a.classAt(59, 59)).isEqualTo(b.classAt(59, 59));
  }

  @Test
  void aBalancedWorldHoldsEveryClassInRegions() {
    SyntheticWorld w = new SyntheticWorld(3, 4000, SyntheticWorld.balanced());
    Set<Integer> seen = new HashSet<>();
    int sameAsRight = 0;
    for (int y = 0; y < w.cells(); y++) {
      for (int x = 0; x < w.cells(); x++) {
        seen.add(w.classAt(x, y));
        if (x + 1 < w.cells() && w.classAt(x, y) == w.classAt(x + 1, y)) {
          sameAsRight++;
        }
      }
    }
    assertThat(seen).hasSize(17);
    assertThat(sameAsRight)
        .as("regions, not noise")
        .isGreaterThan(w.cells() * (w.cells() - 1) * 8 / 10);
  }

  @Test
  void classesDifferTheWayRealOnesDo() {
    double[] ndvi = new double[18];
    double[] swir = new double[18];
    double[] roofShare = new double[18];
    for (int v = 1; v <= 17; v++) {
      double[] only = new double[17];
      only[v - 1] = 1;
      SyntheticWorld w = new SyntheticWorld(v, 200, only);
      int[] red = new int[200];
      int[] nir = new int[200];
      int[] sw = new int[200];
      double n = 0;
      double s = 0;
      int roofs = 0;
      for (int y = 0; y < 200; y++) {
        w.readRow(y, 0, B4, red);
        w.readRow(y, 0, B8, nir);
        w.readRow(y, 0, B11, sw);
        for (int x = 0; x < 200; x++) {
          n += (nir[x] - red[x]) / (double) (nir[x] + red[x]);
          s += sw[x];
          Surface surface = w.surfaceAt(x, y);
          roofs += surface == Surface.ROOF || surface == Surface.METAL_ROOF ? 1 : 0;
        }
      }
      ndvi[v] = n / 40000;
      swir[v] = s / 40000;
      roofShare[v] = roofs / 40000.0;
    }
    // vegetation bright in near-infrared: dense trees above every built type (open and sparse
    // types are partly green), far above the compact and industrial ones
    for (int built = 1; built <= 10; built++) {
      assertThat(ndvi[11]).isGreaterThan(ndvi[built]);
    }
    for (int compact : new int[] {1, 2, 3, 7, 8, 10}) {
      assertThat(ndvi[14]).isGreaterThan(ndvi[compact] + 0.3);
    }
    // water dark: the lowest short-wave infrared and a negative vegetation index
    for (int v = 1; v <= 16; v++) {
      assertThat(swir[17]).isLessThan(swir[v]);
    }
    assertThat(ndvi[17]).isNegative();
    // texture: compact types are mostly roofs, sparsely built mostly not, land cover none
    assertThat(roofShare[2]).isGreaterThan(0.4);
    assertThat(roofShare[9]).isLessThan(0.1);
    assertThat(roofShare[14]).isZero();
    assertThat(roofShare[8]).as("large low-rise: large roofs").isGreaterThan(roofShare[6]);
  }

  @Test
  void surfaceHeightRisesWithTheBuildingsAndTheCanopy() {
    double[] meanRoof = new double[18];
    double[] max = new double[18];
    double[] mean = new double[18];
    for (int v = 1; v <= 17; v++) {
      double[] only = new double[17];
      only[v - 1] = 1;
      SyntheticWorld w = new SyntheticWorld(v, 200, only);
      double roofSum = 0;
      int roofs = 0;
      double sum = 0;
      for (int y = 0; y < 200; y++) {
        for (int x = 0; x < 200; x++) {
          double h = w.heightAt(x, y);
          assertThat(h).isNotNegative();
          sum += h;
          max[v] = Math.max(max[v], h);
          Surface s = w.surfaceAt(x, y);
          if (s == Surface.ROOF || s == Surface.METAL_ROOF) {
            roofSum += h;
            roofs++;
          }
        }
      }
      meanRoof[v] = roofs == 0 ? 0 : roofSum / roofs;
      mean[v] = sum / 40000;
    }
    // high-rise roofs far above low-rise ones; each near its class's typical height
    assertThat(meanRoof[1]).isGreaterThan(3 * meanRoof[3]);
    assertThat(meanRoof[4]).isGreaterThan(3 * meanRoof[6]);
    for (int v = 1; v <= 10; v++) {
      assertThat(meanRoof[v])
          .isCloseTo(ClassModel.of(v).height(), within(0.15 * ClassModel.of(v).height() + 0.3));
    }
    // dense trees: a canopy of 8–16 m; low plants and water: flat
    assertThat(mean[11]).isBetween(7.0, 16.0);
    assertThat(max[14]).isLessThan(0.31);
    assertThat(max[17]).isLessThan(0.31);

    int[] row = new int[200];
    new SyntheticWorld(1, 200, SyntheticWorld.balanced()).readHeightRow(50, 0, row);
    assertThat(row[10])
        .isEqualTo(
            (int)
                Math.round(
                    10 * new SyntheticWorld(1, 200, SyntheticWorld.balanced()).heightAt(10, 50)));
  }

  @Test
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> new SyntheticWorld(1, 5, SyntheticWorld.balanced()))
        .hasMessageContaining("at least one cell");
    assertThatThrownBy(() -> new SyntheticWorld(1, 100, new double[3]))
        .hasMessageContaining("one weight per class");
  }
}
