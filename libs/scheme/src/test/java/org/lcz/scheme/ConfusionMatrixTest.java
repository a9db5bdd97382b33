package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfusionMatrixTest {
  @Test
  void countsRowsAsTruthAndColumnsAsPrediction() {
    ConfusionMatrix cm = new ConfusionMatrix(3);
    cm.add(0, 1);
    cm.add(0, 1);
    cm.add(2, 2);
    assertThat(cm.count(0, 1)).isEqualTo(2);
    assertThat(cm.support(0)).isEqualTo(2);
    assertThat(cm.predicted(1)).isEqualTo(2);
    assertThat(cm.predicted(0)).isZero();
    assertThat(cm.total()).isEqualTo(3);
  }

  @Test
  void mergeAddsCounts() {
    ConfusionMatrix a = ConfusionMatrix.of(new long[][] {{1, 0}, {0, 2}});
    a.merge(ConfusionMatrix.of(new long[][] {{3, 1}, {0, 0}}));
    assertThat(a.toArray()).isEqualTo(new long[][] {{4, 1}, {0, 2}});
  }

  @Test
  void refusesNonSquareAndNegativeCounts() {
    assertThatThrownBy(() -> ConfusionMatrix.of(new long[][] {{1, 2}, {3}}))
        .hasMessageContaining("not square");
    assertThatThrownBy(() -> ConfusionMatrix.of(new long[][] {{1, -2}, {3, 4}}))
        .hasMessageContaining("negative");
  }

  @Test
  void toArrayIsACopy() {
    ConfusionMatrix cm = ConfusionMatrix.of(new long[][] {{1, 0}, {0, 1}});
    cm.toArray()[0][0] = 99;
    assertThat(cm.count(0, 0)).isEqualTo(1);
  }
}
