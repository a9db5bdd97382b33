package org.lcz.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ValueSurveyTest {
  @Test
  void quantilesOfASmallSampleAreExact() {
    ValueSurvey s = new ValueSurvey(List.of("B2"), 0.0, 1000);
    float[] v = new float[101];
    for (int i = 0; i <= 100; i++) {
      v[i] = i; // 0 is nodata: 100 valid values 1..100
    }
    s.add(0, v, 0, v.length);
    assertThat(s.validValues(0)).isEqualTo(100);
    assertThat(s.quantile(0, 0)).isEqualTo(1);
    assertThat(s.quantile(0, 1)).isEqualTo(100);
    assertThat(s.quantile(0, 0.5)).isIn(50.0, 51.0);
  }

  @Test
  void aFullBufferIsThinnedEvenlyAndQuantilesStayClose() {
    ValueSurvey s = new ValueSurvey(List.of("B2"), null, 64);
    float[] v = new float[10_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = (i * 7919) % 10_000; // a permutation of 0..9999
    }
    s.add(0, v, 0, v.length);
    assertThat(s.validValues(0)).isEqualTo(10_000);
    assertThat(s.quantile(0, 0.5)).isBetween(3500.0, 6500.0);
    assertThat(s.quantile(0, 0.01)).isLessThan(1500);
    assertThat(s.quantile(0, 0.99)).isGreaterThan(8500);
  }

  @Test
  void nanAndNodataAreLeftOutAndAnEmptyBandHasNoQuantile() {
    ValueSurvey s = new ValueSurvey(List.of("B2", "B3"), -9999.0, 16);
    s.add(0, new float[] {Float.NaN, -9999f, 5f}, 0, 3);
    assertThat(s.validValues(0)).isEqualTo(1);
    assertThat(s.quantile(0, 0.5)).isEqualTo(5);
    assertThat(s.quantile(1, 0.5)).isNaN();
  }

  @Test
  void theValidShareIsTheEmptiestBandsShareOfValidValues() {
    ValueSurvey s = new ValueSurvey(List.of("B2", "B3"), -9999.0, 16);
    assertThat(s.validShare()).as("nothing added").isZero();
    s.add(0, new float[] {1, 2, 3, 4}, 0, 4);
    s.add(1, new float[] {1, Float.NaN, -9999, -9999}, 0, 4);
    assertThat(s.validShare()).isEqualTo(0.25);
    s.add(1, new float[] {5, 6, 7, 8}, 0, 4);
    assertThat(s.validShare()).isEqualTo(5.0 / 8);
  }
}
