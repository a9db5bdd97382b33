package org.lcz.raster;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A true-colour quicklook of a scene (B4/B3/B2 as red/green/blue) on the scene's own grid, at most
 * {@link #MAX_EDGE} pixels on its longer side: one quicklook pixel per {@code step × step} scene
 * pixels, sampled from the tiles as they are cut (no second read of the scene). Stretched linearly
 * between the 2nd and 98th percentile of all three bands' valid samples (one stretch for the three,
 * so colours stay as they are) with a gamma of 1/1.6; nodata and NaN pixels are transparent.
 */
public final class Quicklook {
  /** The longest edge of a quicklook, in pixels. */
  public static final int MAX_EDGE = 1024;

  private static final double LOW_PERCENTILE = 0.02;
  private static final double HIGH_PERCENTILE = 0.98;
  private static final double GAMMA = 1 / 1.6;

  private final int step;
  private final int width;
  private final int height;
  private final int[] rgb;
  private final Double nodata;
  private final float[] samples;

  /**
   * @param sceneWidth the scene's width in pixels
   * @param sceneHeight the scene's height in pixels
   * @param rgb the scene's band indices of red, green and blue
   * @param nodata the scene's nodata value, if any
   */
  public Quicklook(int sceneWidth, int sceneHeight, int[] rgb, Double nodata) {
    if (rgb.length != 3) {
      throw new IllegalArgumentException("a quicklook needs three bands, not " + rgb.length);
    }
    this.step = Math.max(1, (Math.max(sceneWidth, sceneHeight) + MAX_EDGE - 1) / MAX_EDGE);
    this.width = (sceneWidth + step - 1) / step;
    this.height = (sceneHeight + step - 1) / step;
    this.rgb = rgb.clone();
    this.nodata = nodata;
    this.samples = new float[width * height * 3];
    Arrays.fill(samples, Float.NaN);
  }

  /**
   * The indices of red, green and blue ({@code B4}, {@code B3}, {@code B2}, also written {@code
   * B04}…) among {@code bands}, if all three are there.
   */
  public static Optional<int[]> trueColour(List<String> bands) {
    int[] out = new int[3];
    String[] wanted = {"4", "3", "2"};
    for (int i = 0; i < 3; i++) {
      out[i] = -1;
      for (int b = 0; b < bands.size(); b++) {
        String name = bands.get(b).toUpperCase(Locale.ROOT);
        if (name.equals("B" + wanted[i]) || name.equals("B0" + wanted[i])) {
          out[i] = b;
        }
      }
      if (out[i] < 0) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  /** Pixels of the quicklook across. */
  public int width() {
    return width;
  }

  /** Pixels of the quicklook down. */
  public int height() {
    return height;
  }

  /** Scene pixels per quicklook pixel along each axis. */
  public int step() {
    return step;
  }

  /**
   * Takes the samples of one tile's core: {@code pixels} holds the scene's pixels from ({@code
   * originX}, {@code originY}) (a tile with its halo), of which the scene window ({@code coreX},
   * {@code coreY}, {@code coreWidth}, {@code coreHeight}) is read.
   */
  public void add(
      Raster pixels,
      int originX,
      int originY,
      int coreX,
      int coreY,
      int coreWidth,
      int coreHeight) {
    int qx0 = (coreX + step - 1) / step;
    int qy0 = (coreY + step - 1) / step;
    for (int qy = qy0; qy * step < coreY + coreHeight && qy < height; qy++) {
      int y = qy * step - originY + pixels.getMinY();
      for (int qx = qx0; qx * step < coreX + coreWidth && qx < width; qx++) {
        int x = qx * step - originX + pixels.getMinX();
        int at = (qy * width + qx) * 3;
        for (int c = 0; c < 3; c++) {
          samples[at + c] = (float) pixels.getSampleDouble(x, y, rgb[c]);
        }
      }
    }
  }

  /** The quicklook as an RGBA PNG. */
  public byte[] png() {
    float[] valid = new float[samples.length];
    int n = 0;
    for (int p = 0; p < samples.length; p += 3) {
      if (isValid(p)) {
        valid[n++] = samples[p];
        valid[n++] = samples[p + 1];
        valid[n++] = samples[p + 2];
      }
    }
    double low = 0;
    double high = 1;
    if (n > 0) {
      Arrays.sort(valid, 0, n);
      low = valid[(int) Math.floor(LOW_PERCENTILE * (n - 1))];
      high = valid[(int) Math.ceil(HIGH_PERCENTILE * (n - 1))];
      if (high <= low) {
        high = low + 1;
      }
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    int[] line = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = (y * width + x) * 3;
        line[x] =
            isValid(p)
                ? 0xFF000000
                    | level(samples[p], low, high) << 16
                    | level(samples[p + 1], low, high) << 8
                    | level(samples[p + 2], low, high)
                : 0;
      }
      image.setRGB(0, y, width, 1, line, 0, width);
    }
    return Png.of(image);
  }

  private boolean isValid(int p) {
    for (int c = 0; c < 3; c++) {
      float v = samples[p + c];
      if (Float.isNaN(v) || (nodata != null && v == nodata.floatValue())) {
        return false;
      }
    }
    return true;
  }

  private static int level(float v, double low, double high) {
    double t = Math.min(1, Math.max(0, (v - low) / (high - low)));
    return (int) Math.round(255 * Math.pow(t, GAMMA));
  }
}
