package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AreaBootstrapTest {
  /**
   * LCZ 1 (index 0) has two areas of 4 samples, area 0 mapped right and area 1 mapped as LCZ A
   * (index 10); LCZ A has one area of 4 samples mapped right. A repeat draws two LCZ 1 areas: both
   * area 0 (OA 12/12), one of each (8/12) or both area 1 (4/12).
   */
  private static final int[] TRUTH = {0, 0, 0, 0, 0, 0, 0, 0, 10, 10, 10, 10};

  private static final int[] PREDICTED = {0, 0, 0, 0, 10, 10, 10, 10, 10, 10, 10, 10};
  private static final int[] AREA = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};

  @Test
  void areasAreDrawnWholeClassByClassAndTheirSpreadSummarised() {
    AreaBootstrap.Result r = AreaBootstrap.run(TRUTH, PREDICTED, AREA, 17, 400, 1);
    assertThat(r.areas()).isEqualTo(Map.of(1, 2, 11, 1));
    AreaBootstrap.Spread oa = r.measures().get("oa");
    assertThat(Arrays.stream(oa.values()).distinct().sorted())
        .containsExactly(4 / 12.0, 8 / 12.0, 1.0);
    assertThat(oa.median()).isEqualTo(8 / 12.0);
    assertThat(oa.p5()).isEqualTo(4 / 12.0);
    assertThat(oa.p95()).isEqualTo(1.0);
    // LCZ A's F1 varies with the LCZ 1 samples mapped as A; OA_n (natural) is always 1
    assertThat(r.measures().get("oaN").median()).isEqualTo(1.0);
    assertThat(r.f1()).containsOnlyKeys(1, 11);
    // half the LCZ 1 draws are area 1: on average 4 samples right and 4 mapped as LCZ A
    assertThat(r.meanConfusion()[0][0]).isCloseTo(4, within(0.8));
    assertThat(r.meanConfusion()[0][10]).isCloseTo(4, within(0.8));
    assertThat(r.meanConfusion()[10][10]).isEqualTo(4.0);
    // seeded: the same draws again
    assertThat(AreaBootstrap.run(TRUTH, PREDICTED, AREA, 17, 400, 1).measures().get("oa").values())
        .containsExactly(oa.values());
  }

  @Test
  void aPerfectMapHasNoSpread() {
    AreaBootstrap.Result r = AreaBootstrap.run(TRUTH, TRUTH, AREA, 17, 25, 3);
    for (String m : new String[] {"oa", "oaU", "oaN", "oaBu", "oaW"}) {
      assertThat(r.measures().get(m).p5()).as(m).isEqualTo(1.0);
      assertThat(r.measures().get(m).p95()).as(m).isEqualTo(1.0);
    }
    assertThat(r.f1().get(1).median()).isEqualTo(1.0);
  }

  @Test
  void quantilesInterpolateAsNumpyDoes() {
    // numpy.quantile([1, 2, 3, 4], [0.05, 0.5, 0.95]) = [1.15, 2.5, 3.85]
    double[] v = {1, 2, 3, 4};
    assertThat(AreaBootstrap.Spread.quantile(v, 0.05)).isCloseTo(1.15, within(1e-12));
    assertThat(AreaBootstrap.Spread.quantile(v, 0.5)).isEqualTo(2.5);
    assertThat(AreaBootstrap.Spread.quantile(v, 0.95)).isCloseTo(3.85, within(1e-12));
  }

  @Test
  void anAreaWithSamplesOfTwoClassesIsRefused() {
    assertThatThrownBy(
            () -> AreaBootstrap.run(new int[] {0, 1}, new int[] {0, 1}, new int[] {5, 5}, 17, 5, 1))
        .hasMessageContaining("area 5 has samples of two classes: 1 and 2");
  }
}
