package org.lcz.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.nio.FloatBuffer;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.training.data.Normalisation;
import org.lcz.training.data.PatchBatch;
import org.lcz.training.data.PatchDataset;

/**
 * Runs a network in inference mode over a whole data set, batch by batch, and counts its
 * predictions (arg-max) against the labels.
 */
final class Evaluator {
  private Evaluator() {}

  /** Each patch's true and predicted class index, in file order. */
  record Predictions(int[] truth, int[] predicted) {
    ConfusionMatrix confusion(int classes) {
      ConfusionMatrix cm = new ConfusionMatrix(classes);
      for (int i = 0; i < truth.length; i++) {
        cm.add(truth[i], predicted[i]);
      }
      return cm;
    }
  }

  static ConfusionMatrix confusion(
      Block block,
      NDManager manager,
      PatchDataset dataset,
      Normalisation normalisation,
      int batchSize) {
    return predictions(block, manager, dataset, normalisation, batchSize)
        .confusion(dataset.classes());
  }

  static Predictions predictions(
      Block block,
      NDManager manager,
      PatchDataset dataset,
      Normalisation normalisation,
      int batchSize) {
    int n = Math.toIntExact(dataset.size());
    int[] truth = new int[n];
    int[] predictedAll = new int[n];
    PatchBatch batch = dataset.newBatch(batchSize);
    ParameterStore store = new ParameterStore(manager, false);
    for (long start = 0; start < n; start += batchSize) {
      int count = (int) Math.min(batchSize, n - start);
      dataset.read(start, count, batch);
      normalisation.apply(batch);
      try (NDManager step = manager.newSubManager()) {
        int[] predicted = predict(block, store, step, batch);
        System.arraycopy(batch.labels(), 0, truth, (int) start, count);
        System.arraycopy(predicted, 0, predictedAll, (int) start, count);
      }
    }
    return new Predictions(truth, predictedAll);
  }

  /** Arg-max classes of the first {@code batch.size()} patches. */
  static int[] predict(Block block, ParameterStore store, NDManager manager, PatchBatch batch) {
    NDArray x = images(manager, batch);
    NDArray logits = block.forward(store, new NDList(x), false).singletonOrThrow();
    return logits.argMax(1).toType(DataType.INT32, false).toIntArray();
  }

  /** The batch's valid patches as an NCHW array on {@code manager}. */
  static NDArray images(NDManager manager, PatchBatch batch) {
    int per = batch.bands() * batch.patchSize() * batch.patchSize();
    return manager.create(
        FloatBuffer.wrap(batch.images(), 0, batch.size() * per),
        new Shape(batch.size(), batch.bands(), batch.patchSize(), batch.patchSize()));
  }
}
