package org.lcz.scheme;

import java.util.Arrays;
import java.util.List;

/**
 * The class-specific Gaussian filter of Demuzere et al. (the {@code lczFilter} band of the LCZ
 * Generator and of the global LCZ map): each class's presence (or probability) is convolved with a
 * Gaussian kernel of that class's radius and sigma in metres, and each cell takes the class with
 * the highest response. Cells without a class (0) stay without one; they and everything beyond the
 * map's edges contribute nothing (zero padding, as the Generator's own output agrees best with).
 *
 * <p>The kernel is square ({@code 2r + 1} cells with {@code r = ⌈radius / cell size⌉}), its weights
 * {@code exp(−d² / 2σ²)} with {@code d} the distance in metres, normalised to sum 1 — Earth
 * Engine's {@code ee.Kernel.gaussian} in metres, which the Generator uses. It is separable, so it
 * runs as a row pass and a column pass per class. Ties go to the lower class value.
 */
public final class LczFilter {
  /** Radius and sigma of one class's kernel, in metres. */
  public record Kernel(int classValue, double radius, double sigma) {
    public Kernel {
      if (classValue < 1 || classValue > 255 || !(radius >= 0) || !(sigma > 0)) {
        throw new IllegalArgumentException(
            "a kernel needs a class 1..255, a radius ≥ 0 and a sigma > 0: " + this);
      }
    }
  }

  private static final LczFilter DEMUZERE =
      new LczFilter(
          List.of(
              new Kernel(1, 200, 100),
              new Kernel(2, 300, 150),
              new Kernel(3, 300, 150),
              new Kernel(4, 300, 150),
              new Kernel(5, 300, 150),
              new Kernel(6, 300, 150),
              new Kernel(7, 300, 150),
              new Kernel(8, 500, 250),
              new Kernel(9, 300, 150),
              new Kernel(10, 500, 250),
              new Kernel(11, 200, 75),
              new Kernel(12, 200, 75),
              new Kernel(13, 200, 75),
              new Kernel(14, 200, 75),
              new Kernel(15, 300, 150),
              new Kernel(16, 200, 75),
              new Kernel(17, 50, 25)));

  private final List<Kernel> kernels;

  public LczFilter(List<Kernel> kernels) {
    if (kernels.isEmpty()) {
      throw new IllegalArgumentException("a filter needs at least one class kernel");
    }
    this.kernels = List.copyOf(kernels);
  }

  /**
   * The Generator's kernels (metres): LCZ 1 200/100; 2–7 300/150; 8 500/250; 9 300/150; 10 500/250;
   * A–D 200/75; E 300/150; F 200/75; G 50/25.
   */
  public static LczFilter demuzere() {
    return DEMUZERE;
  }

  public List<Kernel> kernels() {
    return kernels;
  }

  /**
   * Filters a map of class values (row-major, 0 = no class).
   *
   * @param cellWidth a cell's width in metres
   * @param cellHeight a cell's height in metres
   * @return the filtered classes, 0 where the input has none
   */
  public byte[] filter(byte[] classes, int cols, int rows, double cellWidth, double cellHeight) {
    check(classes.length, cols, rows);
    checkCell(cellWidth);
    checkCell(cellHeight);
    float[] presence = new float[classes.length];
    Response best = new Response(classes.length);
    for (Kernel k : kernels) {
      byte value = (byte) k.classValue();
      boolean any = false;
      for (int i = 0; i < classes.length; i++) {
        boolean is = classes[i] == value;
        presence[i] = is ? 1f : 0f;
        any |= is;
      }
      if (any) {
        best.offer(k.classValue(), convolve(presence, cols, rows, k, cellWidth, cellHeight));
      }
    }
    return best.classes(classes);
  }

  /**
   * Filters class probabilities instead of hard labels: each class's probability plane is convolved
   * with its kernel, the highest response wins.
   *
   * @param probabilities per kernel (in {@link #kernels()} order) a row-major plane of the class's
   *     probability (any consistent scale, e.g. percent)
   * @param classes the map's classes, used only for where there is no class (0 stays 0)
   */
  public byte[] filterProbabilities(
      List<float[]> probabilities,
      byte[] classes,
      int cols,
      int rows,
      double cellWidth,
      double cellHeight) {
    check(classes.length, cols, rows);
    if (probabilities.size() != kernels.size()) {
      throw new IllegalArgumentException(
          kernels.size() + " classes but " + probabilities.size() + " probability planes");
    }
    Response best = new Response(classes.length);
    float[] plane = new float[classes.length];
    for (int c = 0; c < kernels.size(); c++) {
      float[] p = probabilities.get(c);
      check(p.length, cols, rows);
      for (int i = 0; i < plane.length; i++) {
        plane[i] = classes[i] == 0 ? 0f : p[i];
      }
      best.offer(
          kernels.get(c).classValue(),
          convolve(plane, cols, rows, kernels.get(c), cellWidth, cellHeight));
    }
    return best.classes(classes);
  }

  /** The separable Gaussian of {@code k} over {@code plane} (zero outside), as a new plane. */
  static float[] convolve(
      float[] plane, int cols, int rows, Kernel k, double cellWidth, double cellHeight) {
    float[] wx = weights(k, cellWidth);
    float[] wy = weights(k, cellHeight);
    int rx = wx.length / 2;
    int ry = wy.length / 2;
    float[] across = new float[plane.length];
    for (int y = 0; y < rows; y++) {
      int row = y * cols;
      for (int x = 0; x < cols; x++) {
        int from = Math.max(0, x - rx);
        int to = Math.min(cols - 1, x + rx);
        float sum = 0;
        for (int i = from; i <= to; i++) {
          sum += wx[i - x + rx] * plane[row + i];
        }
        across[row + x] = sum;
      }
    }
    float[] out = new float[plane.length];
    for (int y = 0; y < rows; y++) {
      int from = Math.max(0, y - ry);
      int to = Math.min(rows - 1, y + ry);
      int row = y * cols;
      for (int j = from; j <= to; j++) {
        float w = wy[j - y + ry];
        int src = j * cols;
        for (int x = 0; x < cols; x++) {
          out[row + x] += w * across[src + x];
        }
      }
    }
    return out;
  }

  /** One axis of the kernel: {@code 2r + 1} normalised weights for cells of {@code cell} metres. */
  static float[] weights(Kernel k, double cell) {
    checkCell(cell);
    int r = (int) Math.ceil(k.radius() / cell - 1e-9);
    double[] w = new double[2 * r + 1];
    double sum = 0;
    for (int i = -r; i <= r; i++) {
      double d = i * cell;
      w[i + r] = Math.exp(-d * d / (2 * k.sigma() * k.sigma()));
      sum += w[i + r];
    }
    float[] out = new float[w.length];
    for (int i = 0; i < w.length; i++) {
      out[i] = (float) (w[i] / sum);
    }
    return out;
  }

  private static void checkCell(double cell) {
    if (!(cell > 0) || Double.isInfinite(cell)) {
      throw new IllegalArgumentException("a cell size must be positive, not " + cell);
    }
  }

  private static void check(int length, int cols, int rows) {
    if (cols < 1 || rows < 1 || (long) cols * rows != length) {
      throw new IllegalArgumentException(
          "a "
              + cols
              + " × "
              + rows
              + " map needs "
              + (long) cols * rows
              + " values, not "
              + length);
    }
  }

  /** The running best response per cell and its class. */
  private static final class Response {
    private final float[] value;
    private final byte[] winner;

    Response(int n) {
      value = new float[n];
      Arrays.fill(value, -1f);
      winner = new byte[n];
    }

    void offer(int classValue, float[] response) {
      byte c = (byte) classValue;
      for (int i = 0; i < response.length; i++) {
        if (response[i] > value[i]) {
          value[i] = response[i];
          winner[i] = c;
        }
      }
    }

    byte[] classes(byte[] input) {
      for (int i = 0; i < input.length; i++) {
        if (input[i] == 0) {
          winner[i] = 0;
        }
      }
      return winner;
    }
  }
}
