package org.lcz.training.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Softmax cross-entropy on logits with a weight per true class, averaged over the batch (as Keras
 * applies {@code class_weight}): mean over samples of −w[y]·log softmax(z)[y].
 */
final class WeightedCrossEntropy extends Loss {
  private final float[] weights;

  WeightedCrossEntropy(float[] weights) {
    super("WeightedCrossEntropy");
    this.weights = weights.clone();
  }

  @Override
  public NDArray evaluate(NDList labels, NDList predictions) {
    NDArray logits = predictions.singletonOrThrow();
    NDArray label = labels.singletonOrThrow();
    NDArray w = logits.getManager().create(weights).reshape(1, weights.length);
    NDArray target = label.oneHot(weights.length).toType(logits.getDataType(), false).mul(w);
    return logits.logSoftmax(-1).mul(target).sum(new int[] {1}).neg().mean();
  }
}
