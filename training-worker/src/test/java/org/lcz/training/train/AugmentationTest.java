package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lcz.training.data.PatchBatch;

class AugmentationTest {
  @Test
  void aQuarterTurnIsNumpysRot90AndSymmetryFourIsTheHorizontalFlip() {
    // np.rot90(np.arange(9).reshape(3, 3)) == [[2, 5, 8], [1, 4, 7], [0, 3, 6]]
    assertThat(Augmentation.indexMap(3, 1)).containsExactly(2, 5, 8, 1, 4, 7, 0, 3, 6);
    assertThat(Augmentation.indexMap(3, 2)).containsExactly(8, 7, 6, 5, 4, 3, 2, 1, 0);
    assertThat(Augmentation.indexMap(3, 4)).containsExactly(2, 1, 0, 5, 4, 3, 8, 7, 6);
    // the vertical flip is one of the eight: rotate by 180°, then flip horizontally
    assertThat(Augmentation.indexMap(3, 6)).containsExactly(6, 7, 8, 3, 4, 5, 0, 1, 2);
  }

  @Test
  void theEightSymmetriesAreDistinctPermutations() {
    Set<String> maps = new HashSet<>();
    for (int t = 0; t < Augmentation.SYMMETRIES; t++) {
      int[] map = Augmentation.indexMap(4, t);
      int[] sorted = map.clone();
      Arrays.sort(sorted);
      assertThat(sorted).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
      maps.add(Arrays.toString(map));
    }
    assertThat(maps).hasSize(8);
  }

  @Test
  void everyBandOfAPatchTurnsTogetherAndFourQuarterTurnsRestoreIt() {
    PatchBatch batch = new PatchBatch(2, 3, 4);
    float[] images = batch.images();
    for (int i = 0; i < images.length; i++) {
      images[i] = i;
    }
    batch.setSize(2);
    float[] original = images.clone();
    Augmentation augmentation = new Augmentation(4);

    augmentation.apply(batch, 0, 1);
    int[] map = Augmentation.indexMap(4, 1);
    for (int c = 0; c < 3; c++) {
      for (int i = 0; i < 16; i++) {
        assertThat(images[c * 16 + i]).isEqualTo(original[c * 16 + map[i]]);
      }
    }
    assertThat(Arrays.copyOfRange(images, 48, 96)).isEqualTo(Arrays.copyOfRange(original, 48, 96));
    for (int turn = 0; turn < 3; turn++) {
      augmentation.apply(batch, 0, 1);
    }
    assertThat(images).isEqualTo(original);
  }

  @Test
  void aSeededBatchIsTransformedReproducibly() {
    PatchBatch a = new PatchBatch(16, 2, 5);
    PatchBatch b = new PatchBatch(16, 2, 5);
    for (int i = 0; i < a.images().length; i++) {
      a.images()[i] = i;
      b.images()[i] = i;
    }
    a.setSize(16);
    b.setSize(16);
    new Augmentation(5).apply(a, new Random(3));
    new Augmentation(5).apply(b, new Random(3));
    assertThat(a.images()).isEqualTo(b.images());
  }
}
