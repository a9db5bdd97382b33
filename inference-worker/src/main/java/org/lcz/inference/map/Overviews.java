package org.lcz.inference.map;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lcz.raster.GeoTiffWriter;

/**
 * Reduced-resolution levels of an LCZ raster, each halving the previous one's size, until the level
 * fits in one tile of {@code blockSize}. Level {@code L} is computed from the full resolution over
 * blocks of {@code 2^L × 2^L} cells, band by band according to its {@link Kind}.
 */
public final class Overviews {
  private static final int VALUES = 256;

  /** How a band's values are reduced over a block. */
  public enum Kind {
    /**
     * Classes: the <b>mode</b> of the block's classes (0 = none, only where the whole block has
     * none; ties go to the lower class value).
     */
    CLASS,
    /** The winning class's probability: the mean over the cells of the class band 1 chose. */
    CONFIDENCE,
    /** A percentage: the mean over the block's cells that have data (nodata where none has). */
    PERCENT
  }

  private Overviews() {}

  /** {@code full} followed by its overviews. */
  public static List<GeoTiffWriter.Level> pyramid(
      GeoTiffWriter.Level full, List<Kind> kinds, int nodata, int blockSize) {
    List<GeoTiffWriter.Level> levels = new ArrayList<>();
    levels.add(full);
    int factor = 2;
    int w = full.width();
    int h = full.height();
    while (w > blockSize || h > blockSize) {
      levels.add(reduce(full, kinds, nodata, factor));
      w = (full.width() + factor - 1) / factor;
      h = (full.height() + factor - 1) / factor;
      factor *= 2;
    }
    return levels;
  }

  /** The level of {@code full} reduced by {@code factor} in each direction. */
  public static GeoTiffWriter.Level reduce(
      GeoTiffWriter.Level full, List<Kind> kinds, int nodata, int factor) {
    if (kinds.size() != full.bands().size()) {
      throw new IllegalArgumentException(
          full.bands().size() + " bands but " + kinds.size() + " kinds");
    }
    if (kinds.contains(Kind.CONFIDENCE) && kinds.get(0) != Kind.CLASS) {
      throw new IllegalArgumentException("a confidence band needs classes in band 1");
    }
    int w = (full.width() + factor - 1) / factor;
    int h = (full.height() + factor - 1) / factor;
    List<byte[]> out = new ArrayList<>();
    for (int b = 0; b < kinds.size(); b++) {
      out.add(new byte[w * h]);
    }
    int[] counts = new int[VALUES];
    for (int y = 0; y < h; y++) {
      int y0 = y * factor;
      int y1 = Math.min(full.height(), y0 + factor);
      for (int x = 0; x < w; x++) {
        int x0 = x * factor;
        int x1 = Math.min(full.width(), x0 + factor);
        int mode = 0;
        for (int b = 0; b < kinds.size(); b++) {
          byte[] src = full.band(b);
          int value =
              switch (kinds.get(b)) {
                case CLASS -> mode(src, full.width(), x0, x1, y0, y1, counts);
                case CONFIDENCE -> meanWhere(src, full.band(0), mode, full.width(), x0, x1, y0, y1);
                case PERCENT -> meanOfData(src, nodata, full.width(), x0, x1, y0, y1);
              };
          if (b == 0) {
            mode = value;
          }
          out.get(b)[y * w + x] = (byte) value;
        }
      }
    }
    return new GeoTiffWriter.Level(w, h, out);
  }

  private static int mode(byte[] src, int width, int x0, int x1, int y0, int y1, int[] counts) {
    Arrays.fill(counts, 0);
    for (int sy = y0; sy < y1; sy++) {
      int row = sy * width;
      for (int sx = x0; sx < x1; sx++) {
        counts[src[row + sx] & 0xFF]++;
      }
    }
    int best = 0;
    for (int c = 1; c < VALUES; c++) {
      if (counts[c] > counts[best] || (best == 0 && counts[c] > 0)) {
        best = c;
      }
    }
    return best;
  }

  private static int meanWhere(
      byte[] src, byte[] classes, int mode, int width, int x0, int x1, int y0, int y1) {
    if (mode == 0) {
      return 0;
    }
    int sum = 0;
    int n = 0;
    for (int sy = y0; sy < y1; sy++) {
      int row = sy * width;
      for (int sx = x0; sx < x1; sx++) {
        if ((classes[row + sx] & 0xFF) == mode) {
          sum += src[row + sx] & 0xFF;
          n++;
        }
      }
    }
    return Math.round((float) sum / n);
  }

  private static int meanOfData(byte[] src, int nodata, int width, int x0, int x1, int y0, int y1) {
    int sum = 0;
    int n = 0;
    for (int sy = y0; sy < y1; sy++) {
      int row = sy * width;
      for (int sx = x0; sx < x1; sx++) {
        int v = src[row + sx] & 0xFF;
        if (v != nodata) {
          sum += v;
          n++;
        }
      }
    }
    return n == 0 ? nodata : Math.round((float) sum / n);
  }
}
