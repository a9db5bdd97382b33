package org.lcz.training.model;

import ai.djl.nn.Block;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import org.lcz.training.kernels.RoutableConv2d;

/**
 * The layer settings of the networks (after Keras, the reference framework of the papers), in one
 * place.
 */
public final class Layers {
  /** BatchNormalization epsilon of the reference framework (Keras). */
  public static final float BN_EPSILON = 1e-3f;

  /**
   * Keras's BatchNormalization momentum 0.99 weighs the old running statistic (new = 0.99 · old +
   * 0.01 · batch). DJL's BatchNorm uses the same convention and converts it for PyTorch (whose own
   * momentum weighs the batch); {@code LayersTest} pins this down with a real training step.
   */
  static final float BN_MOMENTUM = 0.99f;

  /** He-normal: N(0, 2 / fan_in), for convolutions and the classifier. */
  public static final Initializer HE_NORMAL =
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

  /**
   * A k×k convolution with 'same' padding (for stride 1; a 1×1 needs none at any stride), which the
   * kernel self-check may route around a wrong CPU kernel.
   */
  public static RoutableConv2d conv(int filters, int kernel, int stride, boolean bias) {
    return RoutableConv2d.of(filters, kernel, stride, kernel / 2, bias);
  }

  /** Batch normalisation over channels with the reference's epsilon and momentum. */
  public static Block batchNorm() {
    return BatchNorm.builder().optEpsilon(BN_EPSILON).optMomentum(BN_MOMENTUM).build();
  }
}
