package org.lcz.synth;

import java.util.Arrays;
import java.util.Random;

/**
 * A square world of {@code size} pixels at 10 m, deterministic from its seed: regions of LCZ
 * classes (a Voronoi partition of 100 m cells around random centres, so the ground truth is exact
 * per cell) whose pixels follow each class's {@link ClassModel}. Pixels are computed on demand from
 * hashes of their coordinates, so a world of any size costs no memory beyond its class map.
 */
public final class SyntheticWorld {
  /** Pixels per 100 m cell. */
  public static final int CELL = 10;

  /** Band count (B2 … B12). */
  public static final int BANDS = 10;

  /** Mean region edge in cells (about 1.2 km). */
  static final int REGION = 12;

  private final long seed;
  private final int size;
  private final int cells;
  private final byte[] classes;

  /**
   * @param weights relative frequency of each class (17 values; equal for a balanced world)
   */
  public SyntheticWorld(long seed, int size, double[] weights) {
    if (size < CELL) {
      throw new IllegalArgumentException("a world needs at least one cell: " + size + " px");
    }
    if (weights.length != ClassModel.ALL.size()) {
      throw new IllegalArgumentException("one weight per class (17), got " + weights.length);
    }
    this.seed = seed;
    this.size = size;
    this.cells = (size + CELL - 1) / CELL;
    this.classes = layout(seed, cells, weights);
  }

  /** Equal weights: every class about as frequent. */
  public static double[] balanced() {
    double[] w = new double[ClassModel.ALL.size()];
    Arrays.fill(w, 1);
    return w;
  }

  public long seed() {
    return seed;
  }

  public int size() {
    return size;
  }

  /** Cells per side. */
  public int cells() {
    return cells;
  }

  /** The ground-truth class (1–17) of cell ({@code cx}, {@code cy}). */
  public int classAt(int cx, int cy) {
    return classes[cy * cells + cx];
  }

  private static byte[] layout(long seed, int cells, double[] weights) {
    Random random = new Random(seed);
    int regions = Math.max(4, (cells * cells) / (REGION * REGION));
    double[] cx = new double[regions];
    double[] cy = new double[regions];
    byte[] cls = new byte[regions];
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    for (int r = 0; r < regions; r++) {
      cx[r] = random.nextDouble() * cells;
      cy[r] = random.nextDouble() * cells;
      double pick = random.nextDouble() * total;
      int k = 0;
      while (k < weights.length - 1 && pick >= weights[k]) {
        pick -= weights[k];
        k++;
      }
      cls[r] = (byte) (k + 1);
    }
    byte[] map = new byte[cells * cells];
    for (int y = 0; y < cells; y++) {
      for (int x = 0; x < cells; x++) {
        int best = 0;
        double bestD = Double.MAX_VALUE;
        for (int r = 0; r < regions; r++) {
          double dx = x + 0.5 - cx[r];
          double dy = y + 0.5 - cy[r];
          double d = dx * dx + dy * dy;
          if (d < bestD) {
            bestD = d;
            best = r;
          }
        }
        map[y * cells + x] = cls[best];
      }
    }
    return map;
  }

  /** The surface at pixel ({@code x}, {@code y}). */
  public Surface surfaceAt(int x, int y) {
    ClassModel m =
        ClassModel.of(classAt(Math.min(x / CELL, cells - 1), Math.min(y / CELL, cells - 1)));
    if (m.built()) {
      int plot = m.building() + m.gap();
      int px = Math.floorDiv(x, plot);
      int py = Math.floorDiv(y, plot);
      int lx = x - px * plot;
      int ly = y - py * plot;
      boolean occupied = unit(px, py, 1) < m.occupancy();
      if (occupied && lx < m.building() && ly < m.building()) {
        return m.roof();
      }
      if (occupied && m.shadow() > 0 && ly < m.building() && lx < m.building() + m.shadow()) {
        return Surface.SHADOW;
      }
      return unit(x / 2, y / 2, 2) < m.coverShare() ? m.cover() : m.base();
    }
    return unit(Math.floorDiv(x, m.blob()), Math.floorDiv(y, m.blob()), 3) < m.coverShare()
        ? m.cover()
        : m.base();
  }

  /**
   * The surface height above ground at pixel ({@code x}, {@code y}) in metres, as an nDSM would
   * give it: roofs at their class's typical height (each building 70–130 % of it), tree canopy 8–16
   * m, shrubs 1.5–2.5 m, everything else 0; plus ±0.3 m of noise, never below 0.
   */
  public double heightAt(int x, int y) {
    ClassModel m =
        ClassModel.of(classAt(Math.min(x / CELL, cells - 1), Math.min(y / CELL, cells - 1)));
    Surface surface = surfaceAt(x, y);
    double h;
    if (m.built() && surface == m.roof()) {
      int plot = m.building() + m.gap();
      h = m.height() * (0.7 + 0.6 * unit(Math.floorDiv(x, plot), Math.floorDiv(y, plot), 5));
    } else if (surface == Surface.TREES) {
      h = 8 + 8 * unit(Math.floorDiv(x, 3), Math.floorDiv(y, 3), 6);
    } else if (surface == Surface.SHRUB) {
      h = 1.5 + unit(x, y, 6);
    } else {
      h = 0;
    }
    return Math.max(0, h + 0.3 * (2 * unit(x, y, 7) - 1));
  }

  /**
   * Fills {@code out} with the surface height ({@link #heightAt}) in decimetres (UInt16 range) for
   * pixels {@code x0 … x0 + out.length − 1} of row {@code y}.
   */
  public void readHeightRow(int y, int x0, int[] out) {
    for (int i = 0; i < out.length; i++) {
      out[i] = (int) Math.min(65535, Math.round(10 * heightAt(x0 + i, y)));
    }
  }

  /**
   * Fills {@code out} with the reflectance (× 10,000, UInt16 range) of band {@code band} for pixels
   * {@code x0 … x0 + out.length − 1} of row {@code y}.
   */
  public void readRow(int y, int x0, int band, int[] out) {
    for (int i = 0; i < out.length; i++) {
      int x = x0 + i;
      ClassModel m =
          ClassModel.of(classAt(Math.min(x / CELL, cells - 1), Math.min(y / CELL, cells - 1)));
      double v = surfaceAt(x, y).reflectance(band) + m.noise() * gaussian(x, y, band);
      out[i] = (int) Math.max(1, Math.min(65535, Math.round(v)));
    }
  }

  /** A uniform number in [0, 1) from the seed, two coordinates and a stream. */
  private double unit(int a, int b, int stream) {
    long h =
        seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL + stream;
    h ^= h >>> 31;
    h *= 0x7FB5D329728EA185L;
    h ^= h >>> 27;
    h *= 0x81DADEF4BC2DD44DL;
    h ^= h >>> 33;
    return (h >>> 11) * 0x1.0p-53;
  }

  /** An approximately normal number (sum of four uniforms, scaled) per pixel and band. */
  private double gaussian(int x, int y, int band) {
    double s = 0;
    for (int k = 0; k < 4; k++) {
      s += unit(x, y, 100 + band * 4 + k);
    }
    return (s - 2) * Math.sqrt(3);
  }
}
