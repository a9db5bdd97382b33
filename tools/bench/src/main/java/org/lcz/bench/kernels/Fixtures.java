package org.lcz.bench.kernels;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Random;

/** Fixed inputs drawn from a seed, and the NaN-filled memory the runs start from. */
final class Fixtures {
  private Fixtures() {}

  /** {@code n} standard normal values from {@code seed}. */
  static float[] gaussian(long seed, int n) {
    Random random = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }

  /** {@code n} class indices in [0, classes) from {@code seed}. */
  static int[] labels(long seed, int n, int classes) {
    Random random = new Random(seed);
    int[] v = new int[n];
    for (int i = 0; i < n; i++) {
      v[i] = random.nextInt(classes);
    }
    return v;
  }

  /**
   * Allocates and frees NaN-filled blocks of 4 KB … 32 MB so that what the allocator hands out next
   * holds NaN: a kernel that reads memory it did not write then shows it.
   */
  static void poison(NDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      for (int n = 1 << 10; n <= 1 << 23; n <<= 1) {
        scratch.full(new Shape(n), Float.NaN);
        scratch.full(new Shape(n), Float.NaN);
      }
    }
  }

  /** Values that are NaN or infinite. */
  static int nonFinite(float[] values) {
    int n = 0;
    for (float v : values) {
      if (!Float.isFinite(v)) {
        n++;
      }
    }
    return n;
  }
}
