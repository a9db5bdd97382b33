package org.lcz.training.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;

/** The layer settings MSMLA uses throughout, in one place. */
final class Layers {
  /** BatchNormalization epsilon of the reference framework (Keras). */
  static final float BN_EPSILON = 1e-3f;

  /**
   * Keras's BatchNormalization momentum 0.99 weighs the old running statistic (new = 0.99 · old +
   * 0.01 · batch). DJL's BatchNorm uses the same convention and converts it for PyTorch (whose own
   * momentum weighs the batch); {@code LayersTest} pins this down with a real training step.
   */
  static final float BN_MOMENTUM = 0.99f;

  /** He-normal: N(0, 2 / fan_in), for convolutions and the classifier. */
  static final Initializer HE_NORMAL =
      new XavierInitializer(
          XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 2);

  /** Glorot-uniform: U(±√(6 / (fan_in + fan_out))), Keras's default for Dense layers. */
  static final Initializer GLOROT_UNIFORM =
      new XavierInitializer(
          XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3);

  /** Variance scaling N(0, 1 / fan_in), as the reference initialises its CBAM layers. */
  static final Initializer LECUN_NORMAL =
      new XavierInitializer(
          XavierInitializer.RandomType.GAUSSIAN, XavierInitializer.FactorType.IN, 1);

  private Layers() {}

  /** A k×k convolution with 'same' padding (for stride 1; a 1×1 needs none at any stride). */
  static Conv2d conv(int filters, int kernel, int stride, boolean bias) {
    int pad = kernel / 2;
    return Conv2d.builder()
        .setFilters(filters)
        .setKernelShape(new Shape(kernel, kernel))
        .optStride(new Shape(stride, stride))
        .optPadding(new Shape(pad, pad))
        .optBias(bias)
        .build();
  }

  /** Batch normalisation over channels with the reference's epsilon and momentum. */
  static Block batchNorm() {
    return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
  }
}
