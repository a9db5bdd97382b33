package org.lcz.training.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import org.junit.jupiter.api.Test;

class LayersTest {
  @Test
  void batchNormUpdatesRunningStatisticsLikeKerasWithMomentum099() {
    try (NDManager manager = NDManager.newBaseManager()) {
      Block bn = Layers.batchNorm();
      bn.initialize(manager, DataType.FLOAT32, new Shape(4, 2, 3, 3));
      // channel 0 has mean 5, channel 1 mean -2
      NDArray x = manager.ones(new Shape(4, 2, 3, 3));
      x.set(new ai.djl.ndarray.index.NDIndex(":, 0"), 5f);
      x.set(new ai.djl.ndarray.index.NDIndex(":, 1"), -2f);
      bn.forward(new ParameterStore(manager, false), new NDList(x), true);
      float[] runningMean = parameter(bn, Parameter.Type.RUNNING_MEAN).toFloatArray();
      // Keras: new = 0.99 · old + 0.01 · batch, from old = 0
      assertThat(runningMean[0]).isCloseTo(0.05f, within(1e-6f));
      assertThat(runningMean[1]).isCloseTo(-0.02f, within(1e-6f));
    }
  }

  @Test
  void convolutionsKeepTheSizeAtStrideOneAndHalveItAtStrideTwo() {
    try (NDManager manager = NDManager.newBaseManager()) {
      for (int k : new int[] {1, 3, 5, 7}) {
        Block conv = Layers.conv(4, k, 1, true);
        conv.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 48, 48));
        assertThat(conv.getOutputShapes(new Shape[] {new Shape(1, 3, 48, 48)})[0])
            .isEqualTo(new Shape(1, 4, 48, 48));
      }
      Block strided = Layers.conv(4, 1, 2, true);
      strided.initialize(manager, DataType.FLOAT32, new Shape(1, 3, 48, 48));
      assertThat(strided.getOutputShapes(new Shape[] {new Shape(1, 3, 48, 48)})[0])
          .isEqualTo(new Shape(1, 4, 24, 24));
    }
  }

  private static NDArray parameter(Block block, Parameter.Type type) {
    for (Pair<String, Parameter> p : block.getParameters()) {
      if (p.getValue().getType() == type) {
        return p.getValue().getArray();
      }
    }
    throw new AssertionError("no " + type);
  }
}
