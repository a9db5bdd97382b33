package org.lcz.inference.map;

import java.util.ArrayList;
import java.util.List;

/**
 * Reduced-resolution levels of an LCZ map, each halving the previous one's size, until the level
 * fits in one tile of {@code blockSize}. Level {@code L} is computed from the full resolution over
 * blocks of {@code 2^L × 2^L} cells: the class is the <b>mode</b> of the block's classes (nodata
 * only where the whole block is nodata; ties go to the lower class value), the confidence the mean
 * confidence of the cells of that class.
 */
public final class Overviews {
  private static final int CLASSES = 256;

  private Overviews() {}

  /** {@code full} followed by its overviews. */
  public static List<LczTiff.Level> pyramid(LczTiff.Level full, int blockSize) {
    List<LczTiff.Level> levels = new ArrayList<>();
    levels.add(full);
    int factor = 2;
    int w = full.width();
    int h = full.height();
    while (w > blockSize || h > blockSize) {
      levels.add(reduce(full, factor));
      w = (full.width() + factor - 1) / factor;
      h = (full.height() + factor - 1) / factor;
      factor *= 2;
    }
    return levels;
  }

  /** The level of {@code full} reduced by {@code factor} in each direction. */
  public static LczTiff.Level reduce(LczTiff.Level full, int factor) {
    int w = (full.width() + factor - 1) / factor;
    int h = (full.height() + factor - 1) / factor;
    byte[] classes = new byte[w * h];
    byte[] confidence = new byte[w * h];
    int[] counts = new int[CLASSES];
    int[] confidenceSums = new int[CLASSES];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        java.util.Arrays.fill(counts, 0);
        java.util.Arrays.fill(confidenceSums, 0);
        int y1 = Math.min(full.height(), (y + 1) * factor);
        int x1 = Math.min(full.width(), (x + 1) * factor);
        for (int sy = y * factor; sy < y1; sy++) {
          int row = sy * full.width();
          for (int sx = x * factor; sx < x1; sx++) {
            int c = full.classes()[row + sx] & 0xFF;
            counts[c]++;
            confidenceSums[c] += full.confidence()[row + sx] & 0xFF;
          }
        }
        int best = 0;
        for (int c = 1; c < CLASSES; c++) {
          if (counts[c] > counts[best] || (best == 0 && counts[c] > 0)) {
            best = c;
          }
        }
        classes[y * w + x] = (byte) best;
        confidence[y * w + x] =
            best == 0 ? 0 : (byte) Math.round((float) confidenceSums[best] / counts[best]);
      }
    }
    return new LczTiff.Level(w, h, classes, confidence);
  }
}
