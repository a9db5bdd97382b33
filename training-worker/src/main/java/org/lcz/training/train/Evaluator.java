package org.lcz.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import org.lcz.common.lcz.ConfusionMatrix;
import org.lcz.training.data.Normalisation;
import org.lcz.training.data.PatchBatch;
import org.lcz.training.data.PatchDataset;

/**
 * Runs a network in inference mode over a whole data set, batch by batch, and counts its
 * predictions (arg-max) against the labels.
 */
final class Evaluator {
  private Evaluator() {}

  static ConfusionMatrix confusion(
      Block block,
      NDManager manager,
      PatchDataset dataset,
      Normalisation normalisation,
      int batchSize) {
    ConfusionMatrix cm = new ConfusionMatrix(dataset.classes());
    PatchBatch batch = dataset.newBatch(batchSize);
    ParameterStore store = new ParameterStore(manager, false);
    for (long start = 0; start < dataset.size(); start += batchSize) {
      int count = (int) Math.min(batchSize, dataset.size() - start);
      dataset.read(start, count, batch);
      normalisation.apply(batch);
      try (NDManager step = manager.newSubManager()) {
        int[] predicted = predict(block, store, step, batch);
        for (int i = 0; i < count; i++) {
          cm.add(batch.labels()[i], predicted[i]);
        }
      }
    }
    return cm;
  }

  /** Arg-max classes of the first {@code batch.size()} patches. */
  static int[] predict(Block block, ParameterStore store, NDManager manager, PatchBatch batch) {
    NDArray x = images(manager, batch);
    NDArray logits = block.forward(store, new NDList(x), false).singletonOrThrow();
    return logits.argMax(1).toType(ai.djl.ndarray.types.DataType.INT32, false).toIntArray();
  }

  /** The batch's valid patches as an NCHW array on {@code manager}. */
  static NDArray images(NDManager manager, PatchBatch batch) {
    int per = batch.bands() * batch.patchSize() * batch.patchSize();
    return manager.create(
        FloatBuffer.wrap(batch.images(), 0, batch.size() * per),
        new Shape(batch.size(), batch.bands(), batch.patchSize(), batch.patchSize()));
  }
}
