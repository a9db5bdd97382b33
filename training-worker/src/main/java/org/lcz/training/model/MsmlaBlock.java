package org.lcz.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * The MSMLA network: multi-scale stem, three SE-ResNet stages, a CBAM on the stem output and after
 * the first block of each stage, and a dense layer over GAP(backbone) ⊕ the four pooled CBAM
 * outputs. Input (N, bands, H, W), NCHW; output class logits (N, classes): softmax gives the
 * probabilities.
 */
public final class MsmlaBlock extends AbstractBlock implements LczNetwork {
  /** CBAM ratio of the reference. */
  static final int CBAM_RATIO = 8;

  private static final byte VERSION = 1;

  private final MsmlaVariant variant;
  private final int bands;
  private final int classes;
  private final MultiScaleStem stem;
  private final Cbam stemAttention;
  private final List<List<SeResidualBlock>> stages = new ArrayList<>();
  private final List<Cbam> stageAttention = new ArrayList<>();
  private final Linear head;

  MsmlaBlock(MsmlaVariant variant, int bands, int classes) {
    super(VERSION);
    this.variant = variant;
    this.bands = bands;
    this.classes = classes;
    stem = addChildBlock("stem", new MultiScaleStem());
    stemAttention = addChildBlock("stem_cbam", new Cbam(MultiScaleStem.CHANNELS, CBAM_RATIO));
    for (int s = 0; s < 3; s++) {
      List<SeResidualBlock> blocks = new ArrayList<>();
      for (int b = 0; b < variant.blocks(s); b++) {
        boolean projection = b == 0;
        int stride = projection ? MsmlaVariant.STRIDES[s] : 1;
        int width = MsmlaVariant.WIDTHS[s];
        SeResidualBlock block =
            variant.bottleneck()
                ? SeResidualBlock.bottleneck(width, stride, projection)
                : SeResidualBlock.basic(width, stride, projection);
        blocks.add(addChildBlock("stage" + (s + 1) + "_block" + (b + 1), block));
        for (Block part : block.convolutionalParts()) {
          part.setInitializer(Layers.HE_NORMAL, Parameter.Type.WEIGHT);
        }
        if (projection) {
          stageAttention.add(
              addChildBlock(
                  "stage" + (s + 1) + "_cbam", new Cbam(variant.stageChannels(s), CBAM_RATIO)));
        }
      }
      stages.add(blocks);
    }
    head = addChildBlock("classifier", Linear.builder().setUnits(classes).build());
    head.setInitializer(Layers.HE_NORMAL, Parameter.Type.WEIGHT);
  }

  @Override
  public String variant() {
    return variant.id();
  }

  /** The depth this network has. */
  public MsmlaVariant depth() {
    return variant;
  }

  @Override
  public int bands() {
    return bands;
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public boolean onBackbone(Block child) {
    return !(child instanceof Cbam) && child != head;
  }

  @Override
  public Shape sideOutput(Block child, Shape in) {
    return child == head ? new Shape(in.get(0), classes) : in;
  }

  /** The dense classification layer. */
  Block classifier() {
    return head;
  }

  /** Width of the aggregated multi-level feature vector the classifier sees. */
  int featureWidth() {
    return variant.stageChannels(2)
        + MultiScaleStem.CHANNELS
        + variant.stageChannels(0)
        + variant.stageChannels(1)
        + variant.stageChannels(2);
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = stem.forward(store, inputs, training);
    List<NDArray> features = new ArrayList<>();
    features.add(pooled(stemAttention, store, x, training));
    for (int s = 0; s < stages.size(); s++) {
      List<SeResidualBlock> blocks = stages.get(s);
      x = blocks.get(0).forward(store, x, training);
      features.add(pooled(stageAttention.get(s), store, x, training));
      for (int b = 1; b < blocks.size(); b++) {
        x = blocks.get(b).forward(store, x, training);
      }
    }
    features.add(0, Pooling.globalAverage(x.singletonOrThrow()));
    NDArray aggregated = NDArrays.concat(new NDList(features), 1);
    return head.forward(store, new NDList(aggregated), training);
  }

  @Override
  public String toOnnx(OnnxGraph g, String input) {
    String x = stem.onnx(g, input);
    List<String> features = new ArrayList<>();
    features.add(g.globalAverage(stemAttention.onnx(g, x)));
    for (int s = 0; s < stages.size(); s++) {
      List<SeResidualBlock> blocks = stages.get(s);
      x = blocks.get(0).onnx(g, x);
      features.add(g.globalAverage(stageAttention.get(s).onnx(g, x)));
      for (int b = 1; b < blocks.size(); b++) {
        x = blocks.get(b).onnx(g, x);
      }
    }
    features.add(0, g.globalAverage(x));
    return g.dense(g.concat(1, features), head);
  }

  private static NDArray pooled(Cbam cbam, ParameterStore store, NDList x, boolean training) {
    return Pooling.globalAverage(cbam.forward(store, x, training).singletonOrThrow());
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    stem.initialize(manager, dataType, inputShapes);
    Shape[] shape = stem.getOutputShapes(inputShapes);
    stemAttention.initialize(manager, dataType, shape);
    for (int s = 0; s < stages.size(); s++) {
      List<SeResidualBlock> blocks = stages.get(s);
      for (int b = 0; b < blocks.size(); b++) {
        blocks.get(b).initialize(manager, dataType, shape);
        shape = blocks.get(b).getOutputShapes(shape);
        if (b == 0) {
          stageAttention.get(s).initialize(manager, dataType, shape);
        }
      }
    }
    head.initialize(manager, dataType, new Shape(inputShapes[0].get(0), featureWidth()));
  }
}
