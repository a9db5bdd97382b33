package org.lcz.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * The convolutional block attention module exactly as MSMLA's published code wires it.
 *
 * <p>Channel attention: A = Dense(c, ReLU)(Dense(c / ratio, ReLU)(GAP(x))) and B = Dense(c,
 * ReLU)(A) (the published code feeds the average branch into its "max" branch; the max-pooled
 * features do not reach the output), scale = sigmoid(A + B). Spatial attention: sigmoid of a 7×7
 * convolution without bias over the channel mean and channel max.
 */
final class Cbam extends AbstractBlock {
  static final int SPATIAL_KERNEL = 7;

  private final int channels;
  private final int hidden;
  private final Linear reduce;
  private final Linear expand;
  private final Linear second;
  private final Conv2d spatial;

  Cbam(int channels, int ratio) {
    this.channels = channels;
    this.hidden = channels / ratio;
    this.reduce = addChildBlock("reduce", Linear.builder().setUnits(hidden).build());
    this.expand = addChildBlock("expand", Linear.builder().setUnits(channels).build());
    this.second = addChildBlock("second", Linear.builder().setUnits(channels).build());
    this.spatial = addChildBlock("spatial", Layers.conv(1, SPATIAL_KERNEL, 1, false));
    reduce.setInitializer(Layers.LECUN_NORMAL, Parameter.Type.WEIGHT);
    expand.setInitializer(Layers.LECUN_NORMAL, Parameter.Type.WEIGHT);
    second.setInitializer(Layers.GLOROT_UNIFORM, Parameter.Type.WEIGHT);
    spatial.setInitializer(Layers.LECUN_NORMAL, Parameter.Type.WEIGHT);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDArray a = relu(reduce, store, Pooling.globalAverage(x), training);
    a = relu(expand, store, a, training);
    NDArray b = relu(second, store, a, training);
    NDArray scale = Activation.sigmoid(a.add(b)).reshape(x.getShape().get(0), channels, 1, 1);
    NDArray refined = x.mul(scale);

    NDArray pooled =
        NDArrays.concat(
            new NDList(refined.mean(new int[] {1}, true), refined.max(new int[] {1}, true)), 1);
    NDArray mask =
        Activation.sigmoid(spatial.forward(store, new NDList(pooled), training).singletonOrThrow());
    return new NDList(refined.mul(mask));
  }

  /** Adds this block to an ONNX graph; returns its output. */
  String onnx(OnnxGraph g, String x) {
    String a = g.relu(g.dense(g.globalAverage(x), reduce));
    a = g.relu(g.dense(a, expand));
    String b = g.relu(g.dense(a, second));
    String refined = g.mul(x, g.perChannel(g.sigmoid(g.add(a, b)), channels));
    String pooled = g.concat(1, List.of(g.channelMean(refined), g.channelMax(refined)));
    return g.mul(refined, g.sigmoid(g.conv(pooled, spatial)));
  }

  private static NDArray relu(Linear layer, ParameterStore store, NDArray in, boolean training) {
    return Activation.relu(layer.forward(store, new NDList(in), training).singletonOrThrow());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return inputShapes;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape in = inputShapes[0];
    long n = in.get(0);
    reduce.initialize(manager, dataType, new Shape(n, channels));
    expand.initialize(manager, dataType, new Shape(n, hidden));
    second.initialize(manager, dataType, new Shape(n, channels));
    spatial.initialize(manager, dataType, new Shape(n, 2, in.get(2), in.get(3)));
  }
}
