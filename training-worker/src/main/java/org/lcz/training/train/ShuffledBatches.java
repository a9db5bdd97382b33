package org.lcz.training.train;

import java.util.Random;
import java.util.function.Consumer;
import org.lcz.training.data.PatchBatch;
import org.lcz.training.data.PatchDataset;

/**
 * An epoch's training batches in random order without loading the data set whole: the file is cut
 * into blocks of one batch each, read contiguously (cheap for chunked HDF5); the blocks are visited
 * in random order, a window of them at a time, and the patches of a window are shuffled together. A
 * data set no larger than the window is shuffled completely. The last incomplete batch of each
 * epoch is dropped (batch normalisation needs full batches), so an epoch has ⌊N / batch⌋ batches.
 */
final class ShuffledBatches {
  private final PatchDataset dataset;
  private final int batchSize;
  private final int blocksPerWindow;
  private final int blocks;
  private final PatchBatch window;
  private final PatchBatch batch;
  private final int[] blockOrder;
  private final int[] patchOrder;

  /**
   * @param windowPatches how many patches may be in memory at once for shuffling (at least one
   *     batch)
   */
  ShuffledBatches(PatchDataset dataset, int batchSize, int windowPatches) {
    this.dataset = dataset;
    this.batchSize = batchSize;
    this.blocks = (int) ((dataset.size() + batchSize - 1) / batchSize);
    this.blocksPerWindow = Math.min(blocks, Math.max(1, windowPatches / batchSize));
    this.window = dataset.newBatch(blocksPerWindow * batchSize);
    this.batch = dataset.newBatch(batchSize);
    this.blockOrder = new int[blocks];
    this.patchOrder = new int[blocksPerWindow * batchSize];
  }

  /** Batches per epoch. */
  int batchesPerEpoch() {
    return (int) (dataset.size() / batchSize);
  }

  /** Runs {@code step} on each batch of one epoch; the batch buffer is reused between calls. */
  void epoch(Random random, Consumer<PatchBatch> step) {
    for (int i = 0; i < blocks; i++) {
      blockOrder[i] = i;
    }
    shuffle(blockOrder, blocks, random);
    for (int first = 0; first < blocks; first += blocksPerWindow) {
      int filled = 0;
      for (int b = first; b < Math.min(blocks, first + blocksPerWindow); b++) {
        long start = (long) blockOrder[b] * batchSize;
        int count = (int) Math.min(batchSize, dataset.size() - start);
        dataset.read(start, count, window, filled);
        filled += count;
      }
      window.setSize(filled);
      for (int i = 0; i < filled; i++) {
        patchOrder[i] = i;
      }
      shuffle(patchOrder, filled, random);
      for (int from = 0; from + batchSize <= filled; from += batchSize) {
        batch.gather(window, patchOrder, from, batchSize);
        step.accept(batch);
      }
    }
  }

  /** Fisher–Yates over the first {@code n} entries. */
  private static void shuffle(int[] values, int n, Random random) {
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
