package org.lcz.training.train;

import java.util.Random;
import org.lcz.training.data.PatchBatch;

/**
 * Random flips and 90° rotations of square patches: each patch gets one of the eight symmetries of
 * the square (the dihedral group D4: four rotations, each with or without a horizontal flip, which
 * includes the vertical flip), the same for all of its bands. Index maps are computed once, so a
 * batch is transformed without allocation.
 */
final class Augmentation {
  static final int SYMMETRIES = 8;

  private final int size;
  private final int[][] sourceIndex;
  private final float[] scratch;

  Augmentation(int patchSize) {
    this.size = patchSize;
    this.sourceIndex = new int[SYMMETRIES][];
    for (int t = 0; t < SYMMETRIES; t++) {
      sourceIndex[t] = indexMap(patchSize, t);
    }
    this.scratch = new float[patchSize * patchSize];
  }

  /**
   * For symmetry {@code t} (rotation by (t mod 4)·90° counter-clockwise, then a horizontal flip if
   * t ≥ 4): for each output pixel, the input pixel it comes from.
   */
  static int[] indexMap(int n, int t) {
    int[] map = new int[n * n];
    for (int y = 0; y < n; y++) {
      for (int x = 0; x < n; x++) {
        int xx = t >= 4 ? n - 1 - x : x;
        int sy;
        int sx;
        switch (t & 3) {
          case 0 -> {
            sy = y;
            sx = xx;
          }
          case 1 -> {
            sy = xx;
            sx = n - 1 - y;
          }
          case 2 -> {
            sy = n - 1 - y;
            sx = n - 1 - xx;
          }
          default -> {
            sy = n - 1 - xx;
            sx = y;
          }
        }
        map[y * n + x] = sy * n + sx;
      }
    }
    return map;
  }

  /** Transforms every patch of {@code batch} in place by a symmetry drawn from {@code random}. */
  void apply(PatchBatch batch, Random random) {
    if (batch.patchSize() != size) {
      throw new IllegalArgumentException(
          "batch patches are " + batch.patchSize() + " px, augmentation " + size);
    }
    for (int n = 0; n < batch.size(); n++) {
      apply(batch, n, random.nextInt(SYMMETRIES));
    }
  }

  /** Transforms patch {@code n} of {@code batch} in place by symmetry {@code t}. */
  void apply(PatchBatch batch, int n, int t) {
    if (t == 0) {
      return;
    }
    int plane = size * size;
    int[] map = sourceIndex[t];
    float[] images = batch.images();
    for (int c = 0; c < batch.bands(); c++) {
      int base = (n * batch.bands() + c) * plane;
      System.arraycopy(images, base, scratch, 0, plane);
      for (int i = 0; i < plane; i++) {
        images[base + i] = scratch[map[i]];
      }
    }
  }
}
