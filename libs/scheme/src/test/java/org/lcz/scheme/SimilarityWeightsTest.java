package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarityWeightsTest {
  private final SimilarityWeights w = SimilarityWeights.standard();

  @Test
  void isSeventeenSquareWithOnesOnTheDiagonal() {
    assertThat(w.size()).isEqualTo(17);
    for (int i = 0; i < 17; i++) {
      assertThat(w.weight(i, i)).isEqualTo(1.0);
    }
  }

  @Test
  void readsCellsOfTheSharedTable() {
    // Row LCZ 2, column LCZ A; row LCZ A, column LCZ G; row LCZ 1, column LCZ D.
    assertThat(w.weight(1, 10)).isEqualTo(0.42);
    assertThat(w.weight(10, 16)).isEqualTo(0.67);
    assertThat(w.weight(0, 13)).isEqualTo(0.0);
  }
}
