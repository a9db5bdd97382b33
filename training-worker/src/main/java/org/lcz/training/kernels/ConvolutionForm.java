package org.lcz.training.kernels;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * How a convolution is handed to PyTorch. All forms compute the same function with the same
 * parameters; they differ in the tensors oneDNN sees.
 *
 * <p>oneDNN computes with channels in blocks of 16 (AVX-512) or 8 (AVX2) and pads a channel count
 * that is not a multiple of the block with zeros. Where that zero padding is not written (oneDNN
 * 3.7.1 on a CPU that reports no cache sizes: training worker README, "CPU kernels"), a convolution
 * that reads padded channels mixes garbage into its result. The padded forms give oneDNN channel
 * counts that are multiples of {@value #CHANNEL_BLOCK} — zero filters or zero input channels made
 * here, in the graph, where autograd sees them — so no padding of its own is needed; the extra
 * outputs are dropped and the gradients of the zero parts are never used.
 */
public enum ConvolutionForm {
  /** One convolution as declared. */
  DIRECT(false, false),
  /** Input channels padded with zero channels (and zero weights) to a multiple of the block. */
  PADDED_INPUT(true, false),
  /** Filters padded with zero filters to a multiple of the block; the extra outputs dropped. */
  PADDED_OUTPUT(false, true),
  /** Both. */
  PADDED(true, true);

  /** oneDNN's largest f32 channel block on x86 (AVX-512); a multiple of the AVX2 block (8). */
  public static final int CHANNEL_BLOCK = 16;

  private final boolean padInput;
  private final boolean padOutput;

  ConvolutionForm(boolean padInput, boolean padOutput) {
    this.padInput = padInput;
    this.padOutput = padOutput;
  }

  /**
   * What this form pads for {@code p}: 0 nothing, 1 the input channels, 2 the filters, 3 both. Two
   * forms with the same value compute {@code p} identically.
   */
  public int padding(ConvolutionProblem p) {
    return (padInput && p.inChannels() % CHANNEL_BLOCK != 0 ? 1 : 0)
        + (padOutput && p.outChannels() % CHANNEL_BLOCK != 0 ? 2 : 0);
  }

  /** Multiply-adds of this form over the direct form's (1 for the direct form). */
  public double costFactor(ConvolutionProblem p) {
    double in = padInput ? (double) roundUp(p.inChannels()) / p.inChannels() : 1;
    double out = padOutput ? (double) roundUp(p.outChannels()) / p.outChannels() : 1;
    return in * out;
  }

  /**
   * The convolution of {@code x} (N, C, H, W) with {@code weight} (O, C, k, k) and {@code bias} (O,
   * or null), stride and padding on both axes; temporaries live on {@code x}'s manager.
   */
  public NDArray apply(NDArray x, NDArray weight, NDArray bias, int stride, int padding) {
    NDManager scope = x.getManager();
    long outChannels = weight.getShape().get(0);
    long inChannels = weight.getShape().get(1);
    NDArray in = x;
    NDArray w = weight;
    NDArray b = bias;
    if (padInput && inChannels % CHANNEL_BLOCK != 0) {
      long extra = roundUp(inChannels) - inChannels;
      Shape xs = x.getShape();
      Shape ws = w.getShape();
      in = x.concat(scope.zeros(new Shape(xs.get(0), extra, xs.get(2), xs.get(3))), 1);
      w = local(w.concat(scope.zeros(new Shape(ws.get(0), extra, ws.get(2), ws.get(3))), 1), scope);
    }
    boolean dropOutputs = padOutput && outChannels % CHANNEL_BLOCK != 0;
    if (dropOutputs) {
      long extra = roundUp(outChannels) - outChannels;
      Shape ws = w.getShape();
      w = local(w.concat(scope.zeros(new Shape(extra, ws.get(1), ws.get(2), ws.get(3))), 0), scope);
      if (b != null) {
        b = local(b.concat(scope.zeros(new Shape(extra)), 0), scope);
      }
    }
    Shape strides = new Shape(stride, stride);
    Shape pads = new Shape(padding, padding);
    NDArray y = Conv2d.conv2d(in, w, b, strides, pads, new Shape(1, 1), 1).singletonOrThrow();
    return dropOutputs ? y.get(new NDIndex(":, 0:" + outChannels)) : y;
  }

  /** The channel count rounded up to the block. */
  static long roundUp(long channels) {
    return (channels + CHANNEL_BLOCK - 1) / CHANNEL_BLOCK * CHANNEL_BLOCK;
  }

  /** Results of operations on a parameter belong to its manager: move them to the step's. */
  private static NDArray local(NDArray array, NDManager scope) {
    array.attach(scope);
    return array;
  }
}
