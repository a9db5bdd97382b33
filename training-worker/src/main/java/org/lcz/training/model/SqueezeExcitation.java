package org.lcz.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * Squeeze-and-excitation: global average pooling, Dense(c / ratio, ReLU), Dense(c, sigmoid), and
 * the input scaled channel by channel.
 */
final class SqueezeExcitation extends AbstractBlock {
  private final int channels;
  private final int hidden;
  private final Linear squeeze;
  private final Linear excite;

  SqueezeExcitation(int channels, int ratio) {
    this.channels = channels;
    this.hidden = channels / ratio;
    this.squeeze = addChildBlock("squeeze", Linear.builder().setUnits(hidden).build());
    this.excite = addChildBlock("excite", Linear.builder().setUnits(channels).build());
    squeeze.setInitializer(Layers.GLOROT_UNIFORM, Parameter.Type.WEIGHT);
    excite.setInitializer(Layers.GLOROT_UNIFORM, Parameter.Type.WEIGHT);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray z = Pooling.globalAverage(x);
    NDArray s = Activation.relu(squeeze.forward(store, new NDList(z), training).singletonOrThrow());
    s = Activation.sigmoid(excite.forward(store, new NDList(s), training).singletonOrThrow());
    return new NDList(x.mul(s.reshape(s.getShape().get(0), channels, 1, 1)));
  }

  /** Adds this block to an ONNX graph; returns its output. */
  String onnx(OnnxGraph g, String x) {
    String s = g.relu(g.dense(g.globalAverage(x), squeeze));
    s = g.sigmoid(g.dense(s, excite));
    return g.mul(x, g.perChannel(s, channels));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    long n = inputShapes[0].get(0);
    squeeze.initialize(manager, dataType, new Shape(n, channels));
    excite.initialize(manager, dataType, new Shape(n, hidden));
  }
}
