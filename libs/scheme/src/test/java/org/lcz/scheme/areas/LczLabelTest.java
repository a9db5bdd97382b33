package org.lcz.scheme.areas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LczLabelTest {
  @Test
  void everyCodingPeopleUseReadsIntoOneToSeventeen() {
    assertThat(LczLabel.parse("1")).hasValue(1);
    assertThat(LczLabel.parse("10")).hasValue(10);
    assertThat(LczLabel.parse("A")).hasValue(11);
    assertThat(LczLabel.parse("g")).hasValue(17);
    assertThat(LczLabel.parse("11")).hasValue(11);
    assertThat(LczLabel.parse("17")).hasValue(17);
    assertThat(LczLabel.parse("101")).hasValue(11);
    assertThat(LczLabel.parse("107")).hasValue(17);
    assertThat(LczLabel.parse("LCZ 2")).hasValue(2);
    assertThat(LczLabel.parse("LCZ_A")).hasValue(11);
    assertThat(LczLabel.parse("lcz-E")).hasValue(15);
    assertThat(LczLabel.parse("2 - Compact midrise")).hasValue(2);
    assertThat(LczLabel.parse("A: Dense trees")).hasValue(11);
    assertThat(LczLabel.parse("6.0")).hasValue(6);
  }

  @Test
  void labelsThatAreNoLczAreEmpty() {
    assertThat(LczLabel.parse(null)).isEmpty();
    assertThat(LczLabel.parse("")).isEmpty();
    assertThat(LczLabel.parse("0")).isEmpty();
    assertThat(LczLabel.parse("18")).isEmpty();
    assertThat(LczLabel.parse("100")).isEmpty();
    assertThat(LczLabel.parse("108")).isEmpty();
    assertThat(LczLabel.parse("H")).isEmpty();
    assertThat(LczLabel.parse("forest")).isEmpty();
    assertThat(LczLabel.parse("Training areas")).isEmpty();
  }
}
