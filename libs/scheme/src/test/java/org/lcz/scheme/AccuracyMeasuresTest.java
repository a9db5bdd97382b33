package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Expected values are worked out by hand in the comments, from the definitions in ARCHITECTURE.md
 * and the shared weights table.
 */
class AccuracyMeasuresTest {
  private static final double EPS = 1e-12;

  /**
   * 40 samples over LCZ 1 (index 0), LCZ 2 (1), LCZ A (10) and LCZ G (16); the other 13 classes
   * have no samples at all.
   *
   * <pre>
   * truth 1: 8 → 1, 2 → 2          support 10
   * truth 2: 1 → 1, 5 → 2, 4 → A   support 10
   * truth A: 9 → A, 1 → G          support 10
   * truth G: 10 → G                support 10
   * </pre>
   */
  private static ConfusionMatrix handMatrix() {
    long[][] c = new long[17][17];
    c[0][0] = 8;
    c[0][1] = 2;
    c[1][0] = 1;
    c[1][1] = 5;
    c[1][10] = 4;
    c[10][10] = 9;
    c[10][16] = 1;
    c[16][16] = 10;
    return ConfusionMatrix.of(c);
  }

  @Test
  void overallAndGroupAccuracies() {
    AccuracyMeasures m = AccuracyMeasures.of(handMatrix());
    assertThat(m.total()).isEqualTo(40);
    // OA = (8 + 5 + 9 + 10) / 40
    assertThat(m.oa()).isCloseTo(32.0 / 40, within(EPS));
    // OA_u: built truths 1 and 2, 20 samples, 8 + 5 correct
    assertThat(m.oaU()).isCloseTo(13.0 / 20, within(EPS));
    // OA_n: natural truths A and G, 20 samples, 9 + 10 correct
    assertThat(m.oaN()).isCloseTo(19.0 / 20, within(EPS));
    // OA_bu: only the 4 samples of LCZ 2 predicted as A cross the built/natural line
    assertThat(m.oaBu()).isCloseTo(36.0 / 40, within(EPS));
  }

  @Test
  void weightedAccuracyUsesTheSimilarityWeights() {
    // W(1,1)·8 + W(1,2)·2 + W(2,1)·1 + W(2,2)·5 + W(2,A)·4 + W(A,A)·9 + W(A,G)·1 + W(G,G)·10
    // = 8 + 0.92·2 + 0.92 + 5 + 0.42·4 + 9 + 0.67 + 10 = 37.11
    assertThat(AccuracyMeasures.of(handMatrix()).oaW()).isCloseTo(37.11 / 40, within(1e-9));
  }

  @Test
  void perClassAccuraciesAndF1() {
    AccuracyMeasures m = AccuracyMeasures.of(handMatrix());
    // predicted counts: 1 → 9, 2 → 7, A → 13, G → 11
    assertThat(m.producersAccuracy().get(0)).isCloseTo(0.8, within(EPS));
    assertThat(m.producersAccuracy().get(1)).isCloseTo(0.5, within(EPS));
    assertThat(m.usersAccuracy().get(0)).isCloseTo(8.0 / 9, within(EPS));
    assertThat(m.usersAccuracy().get(10)).isCloseTo(9.0 / 13, within(EPS));
    // F1 = 2 TP / (support + predicted)
    assertThat(m.f1().get(0)).isCloseTo(16.0 / 19, within(EPS));
    assertThat(m.f1().get(1)).isCloseTo(10.0 / 17, within(EPS));
    assertThat(m.f1().get(10)).isCloseTo(18.0 / 23, within(EPS));
    assertThat(m.f1().get(16)).isCloseTo(20.0 / 21, within(EPS));
    // every class has support 10, so the weighted F1 is their plain mean
    double expected = (16.0 / 19 + 10.0 / 17 + 18.0 / 23 + 20.0 / 21) / 4;
    assertThat(m.f1Weighted()).isCloseTo(expected, within(EPS));
  }

  @Test
  void kappa() {
    // pe = (10·9 + 10·7 + 10·13 + 10·11) / 40² = 0.25; kappa = (0.8 − 0.25) / 0.75
    assertThat(AccuracyMeasures.of(handMatrix()).kappa()).isCloseTo(0.55 / 0.75, within(EPS));
  }

  @Test
  void classWithNoSamplesIsUndefinedNotZeroAndDoesNotWeighOnF1() {
    AccuracyMeasures m = AccuracyMeasures.of(handMatrix());
    // LCZ 3 (index 2): no true samples, never predicted
    assertThat(m.producersAccuracy().get(2)).isNaN();
    assertThat(m.usersAccuracy().get(2)).isNaN();
    assertThat(m.f1().get(2)).isNaN();
    assertThat(m.f1Weighted()).isFinite();
  }

  @Test
  void classWithSamplesButNeverPredictedHasF1ZeroAndUndefinedUsersAccuracy() {
    long[][] c = new long[17][17];
    c[0][0] = 3;
    c[5][0] = 2; // LCZ 6 is always mistaken for LCZ 1
    AccuracyMeasures m = AccuracyMeasures.of(ConfusionMatrix.of(c));
    assertThat(m.producersAccuracy().get(5)).isEqualTo(0.0);
    assertThat(m.usersAccuracy().get(5)).isNaN();
    assertThat(m.f1().get(5)).isEqualTo(0.0);
    // F1 of LCZ 1 = 2·3 / (3 + 5) = 0.75; weighted = (3·0.75 + 2·0) / 5
    assertThat(m.f1Weighted()).isCloseTo(0.45, within(EPS));
    // no natural samples
    assertThat(m.oaN()).isNaN();
    assertThat(m.oaU()).isCloseTo(0.6, within(EPS));
  }

  @Test
  void emptyMatrixIsUndefinedEverywhere() {
    AccuracyMeasures m = AccuracyMeasures.of(new ConfusionMatrix(17));
    assertThat(m.total()).isZero();
    assertThat(m.oa()).isNaN();
    assertThat(m.oaW()).isNaN();
    assertThat(m.f1Weighted()).isNaN();
    assertThat(m.kappa()).isNaN();
  }

  @Test
  void kappaIsUndefinedWhenChanceAgreementIsCertain() {
    long[][] c = new long[17][17];
    c[16][16] = 7;
    AccuracyMeasures m = AccuracyMeasures.of(ConfusionMatrix.of(c));
    assertThat(m.oa()).isEqualTo(1.0);
    assertThat(m.kappa()).isNaN();
  }

  @Test
  void perfectMapScoresOneEverywhere() {
    long[][] c = new long[17][17];
    for (int i = 0; i < 17; i++) {
      c[i][i] = i + 1;
    }
    AccuracyMeasures m = AccuracyMeasures.of(ConfusionMatrix.of(c));
    assertThat(m.oa()).isEqualTo(1.0);
    assertThat(m.oaW()).isEqualTo(1.0);
    assertThat(m.oaBu()).isEqualTo(1.0);
    assertThat(m.f1Weighted()).isCloseTo(1.0, within(EPS));
    assertThat(m.kappa()).isCloseTo(1.0, within(EPS));
  }
}
