package org.lcz.training.train;

/**
 * Class weights balanced by support, as scikit-learn's {@code compute_class_weight("balanced")}:
 * w_k = n / (K · n_k) over the K classes present; a class without samples gets weight 0 (it never
 * occurs in a training label).
 */
final class ClassWeights {
  private ClassWeights() {}

  static float[] balanced(long[] support) {
    long total = 0;
    int present = 0;
    for (long s : support) {
      if (s < 0) {
        throw new IllegalArgumentException("negative class support");
      }
      total += s;
      present += s > 0 ? 1 : 0;
    }
    if (total == 0) {
      throw new IllegalArgumentException("no samples: class weights are undefined");
    }
    float[] weights = new float[support.length];
    for (int k = 0; k < support.length; k++) {
      weights[k] = support[k] == 0 ? 0f : (float) ((double) total / (present * support[k]));
    }
    return weights;
  }
}
