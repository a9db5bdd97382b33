package org.lcz.training.model.sen2lcz;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.lcz.training.kernels.RoutableConv2d;
import org.lcz.training.model.Layers;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * One stage of Sen2LCZ-Net: {@code depth} × (3×3 convolution with bias and 'same' padding, batch
 * normalisation, ReLU), then — unless it is the last stage — 2×2 max pooling and 2×2 average
 * pooling side by side (twice the channels, half the size) and, where the reference has it,
 * dropout.
 */
final class ConvStage extends AbstractBlock {
  private final int width;
  private final boolean pooled;
  private final List<RoutableConv2d> convs = new ArrayList<>();
  private final List<Block> norms = new ArrayList<>();
  private final Block dropout;

  /**
   * @param width filters of each convolution
   * @param depth convolutions in the stage
   * @param pooled whether the stage ends in the max ⊕ average pooling
   * @param dropRate dropout after the pooling, 0 for none
   */
  ConvStage(int width, int depth, boolean pooled, float dropRate) {
    this.width = width;
    this.pooled = pooled;
    for (int i = 0; i < depth; i++) {
      RoutableConv2d conv = addChildBlock("conv" + (i + 1), Layers.conv(width, 3, 1, true));
      conv.setInitializer(Layers.HE_NORMAL, Parameter.Type.WEIGHT);
      convs.add(conv);
      norms.add(addChildBlock("bn" + (i + 1), Layers.batchNorm()));
    }
    dropout =
        dropRate > 0 ? addChildBlock("dropout", Dropout.builder().optRate(dropRate).build()) : null;
  }

  /** Channels out: twice the width after the pooling. */
  int channelsOut() {
    return pooled ? 2 * width : width;
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = inputs;
    for (int i = 0; i < convs.size(); i++) {
      x = convs.get(i).forward(store, x, training);
      x = norms.get(i).forward(store, x, training);
      x = new NDList(Activation.relu(x.singletonOrThrow()));
    }
    if (!pooled) {
      return x;
    }
    NDArray a = x.singletonOrThrow();
    Shape window = new Shape(2, 2);
    NDArray merged =
        Pool.maxPool2d(a, window, window, new Shape(0, 0), false)
            .concat(Pool.avgPool2d(a, window, window, new Shape(0, 0), false, true), 1);
    NDList out = new NDList(merged);
    return dropout == null ? out : dropout.forward(store, out, training);
  }

  /** Adds the stage, in inference mode (no dropout), to an ONNX graph; returns its output. */
  String onnx(OnnxGraph g, String input) {
    String x = input;
    for (int i = 0; i < convs.size(); i++) {
      x = g.relu(g.batchNorm(g.conv(x, convs.get(i)), norms.get(i), Layers.BN_EPSILON));
    }
    return pooled ? g.concat(1, List.of(g.maxPool(x, 2), g.averagePool(x, 2))) : x;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {
      pooled
          ? new Shape(in.get(0), channelsOut(), in.get(2) / 2, in.get(3) / 2)
          : new Shape(in.get(0), width, in.get(2), in.get(3))
    };
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shape = inputShapes;
    for (int i = 0; i < convs.size(); i++) {
      convs.get(i).initialize(manager, dataType, shape);
      shape = convs.get(i).getOutputShapes(shape);
      norms.get(i).initialize(manager, dataType, shape);
    }
    if (dropout != null) {
      dropout.initialize(manager, dataType, getOutputShapes(inputShapes));
    }
  }
}
