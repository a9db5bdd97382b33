package org.lcz.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PatchBatchTest {
  @Test
  void gatherCopiesWholePatchesWithTheirLabelsInTheOrderGiven() {
    PatchBatch source = new PatchBatch(4, 2, 2);
    for (int i = 0; i < source.images().length; i++) {
      source.images()[i] = i;
    }
    for (int n = 0; n < 4; n++) {
      source.labels()[n] = 10 + n;
    }
    source.setSize(4);
    PatchBatch target = new PatchBatch(2, 2, 2);

    target.gather(source, new int[] {9, 3, 1}, 1, 2);

    assertThat(target.size()).isEqualTo(2);
    assertThat(target.labels()).containsExactly(13, 11);
    assertThat(target.images())
        .containsExactly(24, 25, 26, 27, 28, 29, 30, 31, 8, 9, 10, 11, 12, 13, 14, 15);
  }

  @Test
  void sizesOutsideTheCapacityAndMismatchedBatchesAreRefused() {
    PatchBatch b = new PatchBatch(2, 1, 3);
    assertThatThrownBy(() -> b.setSize(3)).hasMessageContaining("outside 0…2");
    assertThatThrownBy(() -> b.gather(new PatchBatch(2, 2, 3), new int[] {0}, 0, 1))
        .hasMessageContaining("differ");
  }
}
