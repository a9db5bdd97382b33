package org.lcz.raster;

import java.awt.image.Raster;
import java.util.Arrays;

/**
 * One band of a source raster seen on a target grid of the same CRS (any resolution and extent),
 * read window by window: only the source pixels a target window needs are read. Pixel centres are
 * mapped exactly (GDAL's convention); a target pixel whose centre falls outside the source is
 * {@code fill}. With {@link Resampling#BILINEAR}, source pixels at the edge extend half a pixel and
 * a neighbourhood holding the source's nodata falls back to the nearest pixel.
 */
public final class ResampledBand {
  private final RasterSource source;
  private final int band;
  private final Resampling resampling;
  private final double fill;
  private final Double sourceNodata;
  // target pixel (i, j) centre -> source fractional pixel (u, v) whose integers are centres
  private final double ua;
  private final double ub;
  private final double va;
  private final double vb;

  /**
   * @param source the raster to read
   * @param band the band of {@code source}, 0-based
   * @param target the target grid's geotransform (north-up)
   * @param fill what target pixels outside the source get
   */
  public ResampledBand(
      RasterSource source, int band, double[] target, Resampling resampling, double fill) {
    this.source = source;
    this.band = band;
    this.resampling = resampling;
    this.fill = fill;
    this.sourceNodata = source.nodata().orElse(null);
    double[] s = source.geoTransform();
    // u = (x - s0) / s1 - 0.5 with x = t0 + (i + 0.5) t1
    ua = target[1] / s[1];
    ub = (target[0] + 0.5 * target[1] - s[0]) / s[1] - 0.5;
    va = target[5] / s[5];
    vb = (target[3] + 0.5 * target[5] - s[3]) / s[5] - 0.5;
  }

  /**
   * Whether the source covers every pixel centre of the target window {@code (x, y, w, h)}: no
   * pixel of it would be {@code fill}.
   */
  public boolean covers(int x, int y, int w, int h) {
    return inside(ua * x + ub, source.width())
        && inside(ua * (x + w - 1) + ub, source.width())
        && inside(va * y + vb, source.height())
        && inside(va * (y + h - 1) + vb, source.height());
  }

  private static boolean inside(double u, int n) {
    return u >= -0.5 && u <= n - 0.5;
  }

  /**
   * Reads the target window ({@code x}, {@code y}, {@code w}, {@code h}) into {@code out} (row by
   * row, {@code w × h} values).
   */
  public void read(int x, int y, int w, int h, double[] out) {
    double u0 = ua * x + ub;
    double u1 = ua * (x + w - 1) + ub;
    double v0 = va * y + vb;
    double v1 = va * (y + h - 1) + vb;
    int sx0 = clamp((int) Math.floor(Math.min(u0, u1)) - 1, source.width());
    int sx1 = clamp((int) Math.ceil(Math.max(u0, u1)) + 1, source.width());
    int sy0 = clamp((int) Math.floor(Math.min(v0, v1)) - 1, source.height());
    int sy1 = clamp((int) Math.ceil(Math.max(v0, v1)) + 1, source.height());
    boolean any =
        u1 >= -0.5 && u0 <= source.width() - 0.5 && v1 >= -0.5 && v0 <= source.height() - 0.5;
    if (!any) {
      Arrays.fill(out, 0, w * h, fill);
      return;
    }
    int sw = sx1 - sx0 + 1;
    int sh = sy1 - sy0 + 1;
    Raster window = source.read(sx0, sy0, sw, sh);
    double[] src = window.getSamples(0, 0, sw, sh, band, (double[]) null);
    for (int j = 0; j < h; j++) {
      double v = va * (y + j) + vb;
      for (int i = 0; i < w; i++) {
        double u = ua * (x + i) + ub;
        out[j * w + i] = sample(src, sw, sh, sx0, sy0, u, v);
      }
    }
  }

  private double sample(double[] src, int sw, int sh, int sx0, int sy0, double u, double v) {
    if (!inside(u, source.width()) || !inside(v, source.height())) {
      return fill;
    }
    int ni = clamp((int) Math.floor(u + 0.5), source.width()) - sx0;
    int nj = clamp((int) Math.floor(v + 0.5), source.height()) - sy0;
    double nearest = src[nj * sw + ni];
    if (resampling == Resampling.NEAREST) {
      return nodata(nearest) ? fill : nearest;
    }
    int i0 = (int) Math.floor(u);
    int j0 = (int) Math.floor(v);
    double fx = u - i0;
    double fy = v - j0;
    int a0 = clamp(i0, source.width()) - sx0;
    int a1 = clamp(i0 + 1, source.width()) - sx0;
    int b0 = clamp(j0, source.height()) - sy0;
    int b1 = clamp(j0 + 1, source.height()) - sy0;
    double p00 = src[b0 * sw + a0];
    double p10 = src[b0 * sw + a1];
    double p01 = src[b1 * sw + a0];
    double p11 = src[b1 * sw + a1];
    if (nodata(p00) || nodata(p10) || nodata(p01) || nodata(p11)) {
      return nodata(nearest) ? fill : nearest;
    }
    return (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
  }

  private boolean nodata(double value) {
    return sourceNodata != null
        && (value == sourceNodata || (Double.isNaN(sourceNodata) && Double.isNaN(value)));
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(n - 1, i));
  }
}
