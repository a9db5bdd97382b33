package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LczCodingTest {
  @Test
  void theStandardCodingIsKeptAndZeroNanAndNodataHaveNoClass() {
    LczCoding.Standardised s =
        LczCoding.standardise(
            new double[] {1, 10, 11, 17, 0, Double.NaN, -999}, Optional.of(-999.0));
    assertThat(s.classes()).containsExactly(1, 10, 11, 17, 0, 0, 0);
    assertThat(s.coding()).isEqualTo(LczCoding.Coding.STANDARD);
    assertThat(s.cells()).isEqualTo(7);
    assertThat(s.withoutClass()).isEqualTo(3);
  }

  @Test
  void naturalClassesCodedFromOneHundredAndOneBecomeElevenToSeventeen() {
    LczCoding.Standardised s =
        LczCoding.standardise(new double[] {2, 101, 104, 107, -1}, Optional.of(-1.0));
    assertThat(s.classes()).containsExactly(2, 11, 14, 17, 0);
    assertThat(s.coding()).isEqualTo(LczCoding.Coding.NATURAL_101);
  }

  @Test
  void valuesOfNoCodingAndMixedCodingsAreRefusedByName() {
    assertThatThrownBy(
            () -> LczCoding.standardise(new double[] {1, 18, 18, 2.5, -1}, Optional.empty()))
        .hasMessageContaining("-1 (1 cells), 2.5 (1 cells), 18 (2 cells)")
        .hasMessageContaining("declare it as nodata");
    assertThatThrownBy(() -> LczCoding.standardise(new double[] {11, 101}, Optional.empty()))
        .hasMessageContaining("mixes 11–17 and 101–107");
  }
}
