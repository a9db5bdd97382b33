package org.lcz.training.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.lcz.training.onnx.graph.OnnxGraph;

/**
 * A network the platform trains, exports and maps with: a DJL block from (N, bands, H, W) patches
 * (NCHW) to class logits (N, classes), whose softmax is the class probabilities, and which writes
 * itself, in inference mode, into an ONNX graph. Built by an {@link Architecture}.
 */
public interface LczNetwork extends Block {
  /** The variant this network is, as requests name it ({@code msmla-18}). */
  String variant();

  /** The number of input bands. */
  int bands();

  /** The number of output classes. */
  int classes();

  /** The input shape of a batch of square patches: (batch, bands, patch, patch). */
  default Shape inputShape(long batch, int patchSize) {
    return new Shape(batch, bands(), patchSize, patchSize);
  }

  /**
   * Whether a top-level child is on the backbone (its output feeds the next), for the layer table
   * of {@link ModelSummary}; a side branch (attention, a side classifier) is not.
   */
  default boolean onBackbone(Block child) {
    return true;
  }

  /** The output shape the layer table shows for a side branch fed the backbone's {@code in}. */
  default Shape sideOutput(Block child, Shape in) {
    return in;
  }

  /**
   * Adds the network, in inference mode, to an ONNX graph: the same layers and weights, batch
   * normalisation with its running statistics, dropout left out; returns the logits' name.
   */
  String toOnnx(OnnxGraph g, String input);
}
