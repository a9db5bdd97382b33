package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LczFilterTest {
  private final LczFilter filter = LczFilter.demuzere();

  @Test
  void theKernelsAreTheGeneratorsInMetres() {
    assertThat(filter.kernels()).hasSize(17);
    assertThat(filter.kernels().get(0)).isEqualTo(new LczFilter.Kernel(1, 200, 100));
    assertThat(filter.kernels().get(7)).isEqualTo(new LczFilter.Kernel(8, 500, 250));
    assertThat(filter.kernels().get(14)).isEqualTo(new LczFilter.Kernel(15, 300, 150));
    assertThat(filter.kernels().get(16)).isEqualTo(new LczFilter.Kernel(17, 50, 25));
  }

  @Test
  void oneAxisOfAKernelIsANormalisedGaussianOverTheRadiusInCells() {
    float[] w = LczFilter.weights(new LczFilter.Kernel(1, 200, 100), 100);
    assertThat(w).hasSize(5);
    double sum = 0;
    for (float v : w) {
      sum += v;
    }
    assertThat(sum).isCloseTo(1, within(1e-6));
    assertThat((double) w[3] / w[2]).isCloseTo(Math.exp(-0.5), within(1e-6));
    assertThat((double) w[4] / w[2]).isCloseTo(Math.exp(-2), within(1e-6));
    assertThat(w[0]).isEqualTo(w[4]);
    // a radius shorter than a cell still reaches the neighbours; 75 m cells widen the kernel
    assertThat(LczFilter.weights(new LczFilter.Kernel(17, 50, 25), 100)).hasSize(3);
    assertThat(LczFilter.weights(new LczFilter.Kernel(1, 200, 100), 75)).hasSize(7);
  }

  @Test
  void anIsolatedCellGivesWayToTheFieldAroundIt() {
    // class 4 (σ 150 m) alone in dense trees (A = 11, σ 75 m), 100 m cells: worked by hand,
    // class 4's response is w4(0)² = (1 / 3.694)² = 0.073, A's is 1 − wA(0)² = 1 − (1 / 1.879)² =
    // 0.717
    int n = 9;
    byte[] map = new byte[n * n];
    java.util.Arrays.fill(map, (byte) 11);
    map[4 * n + 4] = 4;
    byte[] out = filter.filter(map, n, n, 100, 100);
    assertThat(out[4 * n + 4]).isEqualTo((byte) 11);
    float[] presence = new float[n * n];
    presence[4 * n + 4] = 1;
    float[] r4 = LczFilter.convolve(presence, n, n, filter.kernels().get(3), 100, 100);
    assertThat((double) r4[4 * n + 4]).isCloseTo(0.0733, within(1e-4));
  }

  @Test
  void aUniformMapStaysAsItIsAndCellsWithoutAClassStayWithout() {
    int cols = 12;
    int rows = 7;
    byte[] map = new byte[cols * rows];
    java.util.Arrays.fill(map, (byte) 6);
    map[0] = 0;
    map[cols * 3 + 5] = 0;
    byte[] out = filter.filter(map, cols, rows, 100, 100);
    for (int i = 0; i < map.length; i++) {
      assertThat(out[i]).isEqualTo(map[i]);
    }
  }

  @Test
  void theFilterIsTheDirectTwoDimensionalConvolutionWithZerosOutside() {
    // an oracle written the plain way: a 2-D double sum per cell and class, no separation
    Random random = new Random(3);
    int cols = 37;
    int rows = 23;
    byte[] map = new byte[cols * rows];
    for (int i = 0; i < map.length; i++) {
      // patches of classes so that neighbourhoods matter, some cells without a class
      int x = i % cols / 4;
      int y = i / cols / 4;
      int base = Math.floorMod(x * 7 + y * 3, 17) + 1;
      map[i] =
          (byte)
              (random.nextInt(10) == 0
                  ? 0
                  : random.nextInt(4) == 0 ? random.nextInt(17) + 1 : base);
    }
    for (double[] cell : new double[][] {{100, 100}, {83, 100}}) {
      byte[] out = filter.filter(map, cols, rows, cell[0], cell[1]);
      byte[] expected = direct(map, cols, rows, cell[0], cell[1]);
      int same = 0;
      for (int i = 0; i < map.length; i++) {
        same += out[i] == expected[i] ? 1 : 0;
      }
      // float sums against double sums may break a near tie; nothing more
      assertThat(same)
          .as("cells %s", java.util.Arrays.toString(cell))
          .isGreaterThanOrEqualTo(map.length - 2);
    }
  }

  @Test
  void filteringOneHotProbabilitiesIsFilteringTheClasses() {
    Random random = new Random(5);
    int cols = 20;
    int rows = 16;
    byte[] map = new byte[cols * rows];
    for (int i = 0; i < map.length; i++) {
      map[i] = (byte) (random.nextInt(12) == 0 ? 0 : (i / 3 + i / cols) % 17 + 1);
    }
    List<float[]> oneHot = new ArrayList<>();
    for (int c = 1; c <= 17; c++) {
      float[] p = new float[map.length];
      for (int i = 0; i < map.length; i++) {
        p[i] = map[i] == c ? 100 : 0;
      }
      oneHot.add(p);
    }
    assertThat(filter.filterProbabilities(oneHot, map, cols, rows, 100, 100))
        .isEqualTo(filter.filter(map, cols, rows, 100, 100));
  }

  @Test
  void probabilitiesLetAClassThatIsEverywhereSecondWin() {
    // water (G = 17) at 51 % everywhere but the centre (class 9 at 51 %), class 2 at 49 % in every
    // cell. Hard labels: at the centre 9 answers w9(0)² = 0.073 and water's tiny kernel 0.0013, so
    // 9 stays. Probabilities: class 2 answers 0.49 there and wins.
    int n = 7;
    byte[] map = new byte[n * n];
    List<float[]> p = new ArrayList<>();
    for (int c = 0; c < 17; c++) {
      p.add(new float[n * n]);
    }
    for (int i = 0; i < n * n; i++) {
      map[i] = 17;
      p.get(16)[i] = 0.51f;
      p.get(1)[i] = 0.49f;
    }
    int centre = n * n / 2;
    map[centre] = 9;
    p.get(16)[centre] = 0;
    p.get(8)[centre] = 0.51f;
    assertThat(filter.filter(map, n, n, 100, 100)[centre]).isEqualTo((byte) 9);
    assertThat(filter.filterProbabilities(p, map, n, n, 100, 100)[centre]).isEqualTo((byte) 2);
  }

  @Test
  void tiesGoToTheLowerClass() {
    // a chequerboard under a kernel with equal weights: every cell hears both classes alike
    LczFilter flat =
        new LczFilter(
            List.of(new LczFilter.Kernel(3, 100, 1e9), new LczFilter.Kernel(5, 100, 1e9)));
    byte[] map = {3, 5, 5, 3};
    assertThat(flat.filter(map, 2, 2, 100, 100)).containsExactly(3, 3, 3, 3);
  }

  @Test
  void badShapesAreRefused() {
    assertThatThrownBy(() -> filter.filter(new byte[6], 4, 2, 100, 100))
        .hasMessageContaining("a 4 × 2 map needs 8 values, not 6");
    assertThatThrownBy(() -> filter.filter(new byte[4], 2, 2, 0, 100))
        .hasMessageContaining("a cell size must be positive");
    assertThatThrownBy(() -> new LczFilter.Kernel(0, 100, 50)).hasMessageContaining("class 1..255");
  }

  private byte[] direct(byte[] map, int cols, int rows, double cw, double ch) {
    double[] best = new double[map.length];
    java.util.Arrays.fill(best, -1);
    byte[] winner = new byte[map.length];
    for (LczFilter.Kernel k : filter.kernels()) {
      int rx = (int) Math.ceil(k.radius() / cw - 1e-9);
      int ry = (int) Math.ceil(k.radius() / ch - 1e-9);
      double norm = 0;
      for (int dy = -ry; dy <= ry; dy++) {
        for (int dx = -rx; dx <= rx; dx++) {
          norm += gauss(dx * cw, dy * ch, k.sigma());
        }
      }
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          double sum = 0;
          for (int dy = -ry; dy <= ry; dy++) {
            for (int dx = -rx; dx <= rx; dx++) {
              int xx = x + dx;
              int yy = y + dy;
              if (xx >= 0
                  && yy >= 0
                  && xx < cols
                  && yy < rows
                  && map[yy * cols + xx] == k.classValue()) {
                sum += gauss(dx * cw, dy * ch, k.sigma()) / norm;
              }
            }
          }
          boolean present = false;
          for (byte b : map) {
            if (b == k.classValue()) {
              present = true;
              break;
            }
          }
          if (present && sum > best[y * cols + x]) {
            best[y * cols + x] = sum;
            winner[y * cols + x] = (byte) k.classValue();
          }
        }
      }
    }
    for (int i = 0; i < map.length; i++) {
      if (map[i] == 0) {
        winner[i] = 0;
      }
    }
    return winner;
  }

  private static double gauss(double dx, double dy, double sigma) {
    return Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma));
  }
}
