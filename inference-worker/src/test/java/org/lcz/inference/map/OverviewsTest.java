package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OverviewsTest {
  @Test
  void aBlockTakesItsMostFrequentClassAndThatClassesMeanConfidence() {
    // 4×2: left block {3, 3, 5, 0}, right block {0, 0, 0, 0}
    byte[] classes = {3, 3, 0, 0, 5, 0, 0, 0};
    byte[] confidence = {60, 80, 0, 0, 90, 0, 0, 0};
    LczTiff.Level half = Overviews.reduce(new LczTiff.Level(4, 2, classes, confidence), 2);
    assertThat(half.width()).isEqualTo(2);
    assertThat(half.classes()).containsExactly(3, 0);
    assertThat(half.confidence()).containsExactly(70, 0);
  }

  @Test
  void nodataWinsOnlyWhereTheWholeBlockIsNodataAndTiesGoToTheLowerClass() {
    byte[] classes = {0, 0, 0, 9, 0, 0, 0, 0, 0, 4};
    LczTiff.Level l = Overviews.reduce(new LczTiff.Level(10, 1, classes, new byte[10]), 4);
    assertThat(l.classes()).containsExactly(9, 0, 4);
    byte[] tie = {7, 2, 2, 7};
    assertThat(Overviews.reduce(new LczTiff.Level(2, 2, tie, new byte[4]), 2).classes())
        .containsExactly(2);
  }

  @Test
  void overviewsHalveUntilOneFitsInATile() {
    LczTiff.Level full =
        new LczTiff.Level(1098, 1098, new byte[1098 * 1098], new byte[1098 * 1098]);
    assertThat(Overviews.pyramid(full, 256))
        .extracting(LczTiff.Level::width)
        .containsExactly(1098, 549, 275, 138);
    assertThat(Overviews.pyramid(new LczTiff.Level(50, 40, new byte[2000], new byte[2000]), 256))
        .hasSize(1);
  }
}
