package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.data.PatchDataset;
import org.lcz.training.data.PatchSets;

/** On good_msmla.h5: 40 patches whose band-0 pixel (0, 0) is patch index × 100. */
class ShuffledBatchesTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeSets() throws Exception {
    PatchSets.write(dir);
  }

  private static List<Integer> order(int batch, int window, long seed) {
    List<Integer> seen = new ArrayList<>();
    try (PatchDataset d =
        PatchDataset.open(dir.resolve("good_msmla.h5"), DatasetLayout.MSMLA, null)) {
      ShuffledBatches batches = new ShuffledBatches(d, batch, window);
      int[] count = new int[1];
      batches.epoch(
          new Random(seed),
          b -> {
            count[0]++;
            assertThat(b.size()).isEqualTo(batch);
            int per = b.bands() * b.patchSize() * b.patchSize();
            for (int i = 0; i < b.size(); i++) {
              int index = Math.round(b.images()[i * per] / 100f);
              assertThat(b.labels()[i]).isEqualTo(index % 17); // label travels with its patch
              seen.add(index);
            }
          });
      assertThat(count[0]).isEqualTo(batches.batchesPerEpoch());
    }
    return seen;
  }

  @Test
  void everyPatchComesOnceAndTheOrderIsShuffled() {
    List<Integer> seen = order(8, 1000, 1);
    assertThat(seen).hasSize(40).doesNotHaveDuplicates();
    assertThat(seen).isNotEqualTo(seen.stream().sorted().toList());
  }

  @Test
  void aWindowSmallerThanTheSetStillVisitsEveryPatchOnce() {
    assertThat(order(4, 8, 2)).hasSize(40).doesNotHaveDuplicates();
  }

  @Test
  void theLastIncompleteBatchIsDropped() {
    List<Integer> seen = order(6, 1000, 3);
    assertThat(seen).hasSize(36).doesNotHaveDuplicates();
  }

  @Test
  void theSeedDecidesTheOrder() {
    assertThat(order(8, 16, 5)).isEqualTo(order(8, 16, 5)).isNotEqualTo(order(8, 16, 6));
  }
}
