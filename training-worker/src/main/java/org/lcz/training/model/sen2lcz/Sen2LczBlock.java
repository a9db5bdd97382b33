package org.lcz.training.model.sen2lcz;

import ai.djl.ndarray.NDArray;
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
import org.lcz.training.model.Layers;
import org.lcz.training.model.LczNetwork;
import org.lcz.training.model.Pooling;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * Sen2LCZ-Net-MF: four stages of four 3×3 convolutions with 16, 32, 64 and 128 filters, each of the
 * first three ending in max ⊕ average pooling (dropout 0.2 after the second and third); a
 * classifier (global average pooling, dense) on each pooled stage and on the last one; the output
 * is the mean of the four classifiers' softmax. As the platform's networks give logits, this one
 * gives log(max(mean probability, 10⁻⁷)) — its softmax is the mean probability itself, and the
 * training loss on it is the reference's cross-entropy on the mean (Keras clips at 10⁻⁷ too).
 */
final class Sen2LczBlock extends AbstractBlock implements LczNetwork {
  /** Filters of the first stage; each next stage doubles them. */
  static final int FIRST_WIDTH = 16;

  /** Convolutions per stage: the reference's depth 17 = 4 stages × 4 + 1. */
  static final int DEPTH = 4;

  /** The reference's dropout after the second and third stages. */
  static final float DROP_RATE = 0.2f;

  /** Floor of the mean probability before the logarithm (Keras's epsilon). */
  static final float FLOOR = 1e-7f;

  private static final byte VERSION = 1;

  private final int bands;
  private final int classes;
  private final List<ConvStage> stages = new ArrayList<>();
  private final List<Linear> heads = new ArrayList<>();

  Sen2LczBlock(int bands, int classes) {
    super(VERSION);
    this.bands = bands;
    this.classes = classes;
    for (int s = 0; s < 4; s++) {
      boolean pooled = s < 3;
      float drop = s == 1 || s == 2 ? DROP_RATE : 0;
      stages.add(
          addChildBlock("stage" + (s + 1), new ConvStage(FIRST_WIDTH << s, DEPTH, pooled, drop)));
      Linear head =
          addChildBlock("classifier" + (s + 1), Linear.builder().setUnits(classes).build());
      head.setInitializer(Layers.HE_NORMAL, Parameter.Type.WEIGHT);
      heads.add(head);
    }
  }

  @Override
  public String variant() {
    return Sen2LczNet.VARIANT;
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
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDList x = inputs;
    NDArray sum = null;
    for (int s = 0; s < stages.size(); s++) {
      x = stages.get(s).forward(store, x, training);
      NDArray pooled = Pooling.globalAverage(x.singletonOrThrow());
      NDArray p =
          heads.get(s).forward(store, new NDList(pooled), training).singletonOrThrow().softmax(-1);
      sum = sum == null ? p : sum.add(p);
    }
    return new NDList(sum.div(stages.size()).maximum(FLOOR).log());
  }

  @Override
  public String toOnnx(OnnxGraph g, String input) {
    String x = input;
    List<String> probabilities = new ArrayList<>();
    for (int s = 0; s < stages.size(); s++) {
      x = stages.get(s).onnx(g, x);
      probabilities.add(g.softmax(g.dense(g.globalAverage(x), heads.get(s))));
    }
    return g.logAtLeast(g.mean(probabilities), FLOOR);
  }

  @Override
  public boolean onBackbone(Block child) {
    return child instanceof ConvStage;
  }

  @Override
  public Shape sideOutput(Block child, Shape in) {
    return new Shape(in.get(0), classes);
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    return new Shape[] {new Shape(inputShapes[0].get(0), classes)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    Shape[] shape = inputShapes;
    for (int s = 0; s < stages.size(); s++) {
      stages.get(s).initialize(manager, dataType, shape);
      shape = stages.get(s).getOutputShapes(shape);
      heads.get(s).initialize(manager, dataType, new Shape(shape[0].get(0), shape[0].get(1)));
    }
  }
}
