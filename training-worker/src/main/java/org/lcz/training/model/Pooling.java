package org.lcz.training.model;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.pooling.Pool;

/** Pooling shapes the networks need. */
public final class Pooling {
  private Pooling() {}

  /** Global average over height and width: (N, C, H, W) → (N, C). */
  public static NDArray globalAverage(NDArray x) {
    return Pool.globalAvgPool2d(x).reshape(x.getShape().get(0), x.getShape().get(1));
  }
}
