package org.lcz.training.model;

import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.List;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * The multi-scale layer: 5×5 (16 filters), 3×3 (32) and 1×1 (16) convolutions with bias and 'same'
 * padding over the input, concatenated to 64 channels; no normalisation or activation.
 */
final class MultiScaleStem extends AbstractBlock {
  /** Channels the stem produces. */
  static final int CHANNELS = 64;

  private final Conv2d wide;
  private final Conv2d middle;
  private final Conv2d point;

  MultiScaleStem() {
    wide = addChildBlock("conv5x5", Layers.conv(16, 5, 1, true));
    middle = addChildBlock("conv3x3", Layers.conv(32, 3, 1, true));
    point = addChildBlock("conv1x1", Layers.conv(16, 1, 1, true));
    setInitializer(Layers.HE_NORMAL, Parameter.Type.WEIGHT);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return new NDList(
        NDArrays.concat(
            new NDList(
                wide.forward(store, inputs, training).singletonOrThrow(),
                middle.forward(store, inputs, training).singletonOrThrow(),
                point.forward(store, inputs, training).singletonOrThrow()),
            1));
  }

  /** Adds this block to an ONNX graph; returns its output. */
  String onnx(OnnxGraph g, String x) {
    return g.concat(1, List.of(g.conv(x, wide), g.conv(x, middle), g.conv(x, point)));
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), CHANNELS, in.get(2), in.get(3))};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    wide.initialize(manager, dataType, inputShapes);
    middle.initialize(manager, dataType, inputShapes);
    point.initialize(manager, dataType, inputShapes);
  }
}
