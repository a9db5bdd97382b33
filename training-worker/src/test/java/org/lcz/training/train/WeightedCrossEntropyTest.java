package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

class WeightedCrossEntropyTest {
  private static final float[] LOGITS = {2f, 0.5f, -1f, 0.1f, 0.2f, 3f};
  private static final int[] LABELS = {0, 2};

  @Test
  void equalWeightsGiveDjlsSoftmaxCrossEntropy() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray logits = m.create(LOGITS, new Shape(2, 3));
      NDArray labels = m.create(LABELS);
      float ours =
          new WeightedCrossEntropy(new float[] {1, 1, 1})
              .evaluate(new NDList(labels), new NDList(logits))
              .getFloat();
      float djl =
          Loss.softmaxCrossEntropyLoss()
              .evaluate(new NDList(labels), new NDList(logits))
              .getFloat();
      assertThat(ours).isCloseTo(djl, within(1e-6f));
    }
  }

  @Test
  void eachSampleIsWeightedByItsTrueClassAndTheBatchAveraged() {
    double ce0 = -Math.log(Math.exp(2) / (Math.exp(2) + Math.exp(0.5) + Math.exp(-1)));
    double ce1 = -Math.log(Math.exp(3) / (Math.exp(0.1) + Math.exp(0.2) + Math.exp(3)));
    double expected = (2.0 * ce0 + 0.5 * ce1) / 2;
    try (NDManager m = NDManager.newBaseManager()) {
      float loss =
          new WeightedCrossEntropy(new float[] {2f, 1f, 0.5f})
              .evaluate(new NDList(m.create(LABELS)), new NDList(m.create(LOGITS, new Shape(2, 3))))
              .getFloat();
      assertThat((double) loss).isCloseTo(expected, within(1e-6));
    }
  }
}
