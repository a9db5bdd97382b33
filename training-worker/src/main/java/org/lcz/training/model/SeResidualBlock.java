package org.lcz.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * A residual block with squeeze-and-excitation: relu(SE(main(x)) + shortcut(x)). The shortcut is
 * the identity, or for a projection block a 1×1 convolution with the stride and batch norm.
 *
 * <ul>
 *   <li>Basic (MSMLA-18): projection main path 1×1/stride, BN, ReLU, 3×3, BN; identity main path
 *       3×3, BN, ReLU, 3×3, BN; width {@code filters}.
 *   <li>Bottleneck (MSMLA-50): 1×1 (with the stride), BN, ReLU, 3×3, BN, ReLU, 1×1 to 4×{@code
 *       filters}, BN.
 * </ul>
 */
final class SeResidualBlock extends AbstractBlock {
  /** Squeeze-and-excitation ratio of the reference. */
  static final int SE_RATIO = 8;

  private final Block main;
  private final Block shortcut;
  private final SqueezeExcitation se;
  private final int outChannels;
  private final int stride;

  private SeResidualBlock(Block main, Block shortcut, int outChannels, int stride) {
    this.main = addChildBlock("main", main);
    this.shortcut = shortcut == null ? null : addChildBlock("shortcut", shortcut);
    this.se = addChildBlock("se", new SqueezeExcitation(outChannels, SE_RATIO));
    this.outChannels = outChannels;
    this.stride = stride;
  }

  /** A basic block; {@code projection} gives it a 1×1 shortcut with {@code stride}. */
  static SeResidualBlock basic(int filters, int stride, boolean projection) {
    SequentialBlock main = new SequentialBlock();
    if (projection) {
      main.add(Layers.conv(filters, 1, stride, true));
    } else {
      main.add(Layers.conv(filters, 3, 1, true));
    }
    main.add(Layers.batchNorm())
        .add(Activation.reluBlock())
        .add(Layers.conv(filters, 3, 1, true))
        .add(Layers.batchNorm());
    return new SeResidualBlock(
        main, projection ? projection(filters, stride) : null, filters, projection ? stride : 1);
  }

  /** A bottleneck block of width {@code filters} and output 4×{@code filters}. */
  static SeResidualBlock bottleneck(int filters, int stride, boolean projection) {
    int out = 4 * filters;
    SequentialBlock main =
        new SequentialBlock()
            .add(Layers.conv(filters, 1, projection ? stride : 1, true))
            .add(Layers.batchNorm())
            .add(Activation.reluBlock())
            .add(Layers.conv(filters, 3, 1, true))
            .add(Layers.batchNorm())
            .add(Activation.reluBlock())
            .add(Layers.conv(out, 1, 1, true))
            .add(Layers.batchNorm());
    return new SeResidualBlock(
        main, projection ? projection(out, stride) : null, out, projection ? stride : 1);
  }

  private static Block projection(int filters, int stride) {
    return new SequentialBlock().add(Layers.conv(filters, 1, stride, true)).add(Layers.batchNorm());
  }

  /** The main path and the projection shortcut: the parts He-normal initialises. */
  Block[] convolutionalParts() {
    return shortcut == null ? new Block[] {main} : new Block[] {main, shortcut};
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    NDList y = se.forward(store, main.forward(store, inputs, training), training);
    NDArray skip =
        shortcut == null ? x : shortcut.forward(store, inputs, training).singletonOrThrow();
    return new NDList(Activation.relu(y.singletonOrThrow().add(skip)));
  }

  /** Adds this block to an ONNX graph; returns its output. */
  String onnx(OnnxGraph g, String x) {
    String y = se.onnx(g, sequence(g, main, x));
    String skip = shortcut == null ? x : sequence(g, shortcut, x);
    return g.relu(g.add(y, skip));
  }

  /** A sequence of convolutions, batch normalisations and ReLUs as ONNX nodes. */
  static String sequence(OnnxGraph g, Block sequence, String x) {
    String y = x;
    for (Block layer : sequence.getChildren().values()) {
      if (layer instanceof Convolution conv) {
        y = g.conv(y, conv);
      } else if (layer instanceof BatchNorm) {
        y = g.batchNorm(y, layer, Layers.BN_EPSILON);
      } else if (layer instanceof LambdaBlock l && "ReLU".equals(l.getName())) {
        y = g.relu(y);
      } else {
        throw new IllegalStateException("no ONNX export for " + layer);
      }
    }
    return y;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {
      new Shape(in.get(0), outChannels, ceilDiv(in.get(2), stride), ceilDiv(in.get(3), stride))
    };
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    main.initialize(manager, dataType, inputShapes);
    if (shortcut != null) {
      shortcut.initialize(manager, dataType, inputShapes);
    }
    se.initialize(manager, dataType, getOutputShapes(inputShapes));
  }
}
