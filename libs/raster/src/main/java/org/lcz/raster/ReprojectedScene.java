package org.lcz.raster;

import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * A scene seen on another grid, in another CRS or at another pixel size: each target pixel's centre
 * is transformed (Apache SIS) into the source's map coordinates and then its pixel coordinates, and
 * sampled there, bilinear or nearest per band. Only the source pixels a target window needs are
 * read, in blocks of {@value #BLOCK_ROWS} target rows. Target pixels outside the source, or whose
 * neighbourhood is all nodata, are nodata: the source's nodata value, else 0 for integer samples
 * and {@link HarmonisedScene#NODATA} for floating-point ones. Bilinear values are rounded for
 * integer samples; a bilinear neighbourhood holding nodata falls back to the nearest pixel.
 */
public final class ReprojectedScene implements RasterSource {
  static final int BLOCK_ROWS = 64;

  private final RasterSource source;
  private final CoordinateReferenceSystem crs;
  private final double[] target;
  private final int width;
  private final int height;
  private final Resampling[] resampling;
  private final MathTransform toSource;
  private final double nodata;
  private final boolean sourceHasNodata;
  private final double sourceNodata;

  private ReprojectedScene(
      RasterSource source,
      CoordinateReferenceSystem crs,
      double[] target,
      int width,
      int height,
      Resampling[] resampling,
      MathTransform toSource) {
    this.source = source;
    this.crs = crs;
    this.target = target.clone();
    this.width = width;
    this.height = height;
    this.resampling = resampling.clone();
    this.toSource = toSource;
    Optional<Double> nd = source.nodata();
    this.sourceHasNodata = nd.isPresent();
    this.sourceNodata = nd.orElse(Double.NaN);
    boolean floating =
        source.dataType() == DataBuffer.TYPE_FLOAT || source.dataType() == DataBuffer.TYPE_DOUBLE;
    this.nodata = nd.orElse(floating ? HarmonisedScene.NODATA : 0);
  }

  /**
   * Whether {@code source} must be reprojected to lie on a north-up metric grid of {@code gsd}
   * metres: it is in a geographic CRS, or its pixels are not {@code gsd} × {@code gsd}.
   */
  public static boolean needed(RasterSource source, double gsd) {
    double[] g = source.geoTransform();
    boolean projected = source.crs() instanceof ProjectedCRS;
    return !projected || Math.abs(g[1] - gsd) > 1e-6 * gsd || Math.abs(-g[5] - gsd) > 1e-6 * gsd;
  }

  /**
   * {@code source} on the UTM grid (WGS 84) of its centre at {@code gsd} metres, the grid's corners
   * on multiples of {@code gsd}.
   *
   * @param resampling per band of the source
   * @throws RasterException if the source's CRS cannot be transformed
   */
  public static ReprojectedScene ontoUtm(
      RasterSource source, double gsd, List<Resampling> resampling) {
    CoordinateReferenceSystem utm;
    try {
      double[] g = source.geoTransform();
      MathTransform toLonLat =
          CRS.findOperation(source.crs(), CommonCRS.WGS84.normalizedGeographic(), null)
              .getMathTransform();
      double[] centre = {g[0] + g[1] * source.width() / 2.0, g[3] + g[5] * source.height() / 2.0};
      toLonLat.transform(centre, 0, centre, 0, 1);
      utm = CommonCRS.WGS84.universal(centre[1], centre[0]);
    } catch (FactoryException | TransformException | RuntimeException e) {
      throw new RasterException(
          source.name()
              + ": cannot be reprojected onto the UTM grid of its centre ("
              + e.getMessage()
              + ")",
          e);
    }
    return onto(source, utm, gsd, resampling);
  }

  /**
   * {@code source} on a grid of {@code gsd} in {@code crs} covering it, the grid's corners on
   * multiples of {@code gsd}.
   *
   * @param resampling per band of the source
   * @throws RasterException if the source's CRS cannot be transformed into {@code crs}
   */
  public static ReprojectedScene onto(
      RasterSource source, CoordinateReferenceSystem crs, double gsd, List<Resampling> resampling) {
    double snap = gsd;
    try {
      CoordinateReferenceSystem from = source.crs();
      MathTransform toTarget = CRS.findOperation(from, crs, null).getMathTransform();
      double[] box = footprint(source, toTarget);
      double x0 = Math.floor(box[0] / snap) * snap;
      double y1 = Math.ceil(box[3] / snap) * snap;
      int w = (int) Math.ceil((box[2] - x0) / gsd - 1e-9);
      int h = (int) Math.ceil((y1 - box[1]) / gsd - 1e-9);
      double[] target = {x0, gsd, 0, y1, 0, -gsd};
      return new ReprojectedScene(
          source,
          crs,
          target,
          Math.max(1, w),
          Math.max(1, h),
          resampling.toArray(new Resampling[0]),
          CRS.findOperation(crs, from, null).getMathTransform());
    } catch (FactoryException | TransformException | RuntimeException e) {
      throw new RasterException(
          source.name()
              + ": cannot be reprojected onto "
              + crs.getName()
              + " ("
              + e.getMessage()
              + ")",
          e);
    }
  }

  /** The source's extent in the target CRS: xmin, ymin, xmax, ymax of its edges' points. */
  private static double[] footprint(RasterSource source, MathTransform toTarget)
      throws TransformException {
    double[] g = source.geoTransform();
    int n = 32;
    double[] pts = new double[4 * (n + 1) * 2];
    int k = 0;
    for (int i = 0; i <= n; i++) {
      double f = (double) i / n;
      double[][] uv = {{f, 0}, {f, 1}, {0, f}, {1, f}};
      for (double[] p : uv) {
        pts[k++] = g[0] + g[1] * source.width() * p[0];
        pts[k++] = g[3] + g[5] * source.height() * p[1];
      }
    }
    toTarget.transform(pts, 0, pts, 0, pts.length / 2);
    double[] box = {
      Double.POSITIVE_INFINITY,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NEGATIVE_INFINITY
    };
    for (int i = 0; i < pts.length; i += 2) {
      box[0] = Math.min(box[0], pts[i]);
      box[1] = Math.min(box[1], pts[i + 1]);
      box[2] = Math.max(box[2], pts[i]);
      box[3] = Math.max(box[3], pts[i + 1]);
    }
    return box;
  }

  /** Where the source comes from, for messages: its name and CRS. */
  public String describeSource() {
    double[] g = source.geoTransform();
    return source.name()
        + " ("
        + Georeferencing.code(source.crs())
        + ", pixels "
        + (float) g[1]
        + " × "
        + (float) -g[5]
        + " "
        + Georeferencing.unit(source.crs())
        + ")";
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public int width() {
    return width;
  }

  @Override
  public int height() {
    return height;
  }

  @Override
  public List<String> bandNames() {
    return source.bandNames();
  }

  @Override
  public int dataType() {
    return source.dataType();
  }

  @Override
  public Optional<Double> nodata() {
    return Optional.of(nodata);
  }

  @Override
  public double[] geoTransform() {
    return target.clone();
  }

  @Override
  public CoordinateReferenceSystem crs() {
    return crs;
  }

  @Override
  public Raster read(int x, int y, int w, int h) {
    RasterSource.requireWindow(this, x, y, w, h);
    int bands = source.bandNames().size();
    int type = source.dataType();
    boolean integer = type != DataBuffer.TYPE_FLOAT && type != DataBuffer.TYPE_DOUBLE;
    WritableRaster out =
        Raster.createWritableRaster(new BandedSampleModel(type, w, h, bands), null);
    double[] s = source.geoTransform();
    for (int r0 = 0; r0 < h; r0 += BLOCK_ROWS) {
      int rows = Math.min(BLOCK_ROWS, h - r0);
      double[] uv = new double[2 * w * rows];
      int k = 0;
      for (int j = 0; j < rows; j++) {
        double ty = target[3] + (y + r0 + j + 0.5) * target[5];
        for (int i = 0; i < w; i++) {
          uv[k++] = target[0] + (x + i + 0.5) * target[1];
          uv[k++] = ty;
        }
      }
      try {
        toSource.transform(uv, 0, uv, 0, w * rows);
      } catch (TransformException e) {
        Arrays.fill(uv, Double.NaN);
      }
      double umin = Double.POSITIVE_INFINITY;
      double umax = Double.NEGATIVE_INFINITY;
      double vmin = Double.POSITIVE_INFINITY;
      double vmax = Double.NEGATIVE_INFINITY;
      for (int p = 0; p < uv.length; p += 2) {
        // source pixel coordinates whose integers are pixel centres
        double u = (uv[p] - s[0]) / s[1] - 0.5;
        double v = (uv[p + 1] - s[3]) / s[5] - 0.5;
        uv[p] = u;
        uv[p + 1] = v;
        if (inside(u, source.width()) && inside(v, source.height())) {
          umin = Math.min(umin, u);
          umax = Math.max(umax, u);
          vmin = Math.min(vmin, v);
          vmax = Math.max(vmax, v);
        }
      }
      double[] values = new double[w * rows];
      if (umin > umax) {
        Arrays.fill(values, nodata);
        for (int b = 0; b < bands; b++) {
          out.setSamples(0, r0, w, rows, b, values);
        }
        continue;
      }
      int sx0 = clamp((int) Math.floor(umin), source.width());
      int sx1 = clamp((int) Math.ceil(umax), source.width());
      int sy0 = clamp((int) Math.floor(vmin), source.height());
      int sy1 = clamp((int) Math.ceil(vmax), source.height());
      int sw = sx1 - sx0 + 1;
      int sh = sy1 - sy0 + 1;
      Raster window = source.read(sx0, sy0, sw, sh);
      double[] src = new double[sw * sh];
      for (int b = 0; b < bands; b++) {
        window.getSamples(window.getMinX(), window.getMinY(), sw, sh, b, src);
        boolean bilinear = resampling[b] == Resampling.BILINEAR;
        for (int p = 0, q = 0; p < values.length; p++, q += 2) {
          double v = sample(src, sw, sh, sx0, sy0, uv[q], uv[q + 1], bilinear);
          values[p] = integer && v != nodata ? Math.rint(v) : v;
        }
        out.setSamples(0, r0, w, rows, b, values);
      }
    }
    return out;
  }

  private double sample(
      double[] src, int sw, int sh, int sx0, int sy0, double u, double v, boolean bilinear) {
    if (!inside(u, source.width()) || !inside(v, source.height())) {
      return nodata;
    }
    int ni = clamp((int) Math.floor(u + 0.5), source.width()) - sx0;
    int nj = clamp((int) Math.floor(v + 0.5), source.height()) - sy0;
    double nearest = src[clamp(nj, sh) * sw + clamp(ni, sw)];
    if (!bilinear) {
      return isNodata(nearest) ? nodata : nearest;
    }
    int i0 = (int) Math.floor(u);
    int j0 = (int) Math.floor(v);
    double fx = u - i0;
    double fy = v - j0;
    int a0 = clamp(clamp(i0, source.width()) - sx0, sw);
    int a1 = clamp(clamp(i0 + 1, source.width()) - sx0, sw);
    int b0 = clamp(clamp(j0, source.height()) - sy0, sh);
    int b1 = clamp(clamp(j0 + 1, source.height()) - sy0, sh);
    double p00 = src[b0 * sw + a0];
    double p10 = src[b0 * sw + a1];
    double p01 = src[b1 * sw + a0];
    double p11 = src[b1 * sw + a1];
    if (isNodata(p00) || isNodata(p10) || isNodata(p01) || isNodata(p11)) {
      return isNodata(nearest) ? nodata : nearest;
    }
    return (p00 * (1 - fx) + p10 * fx) * (1 - fy) + (p01 * (1 - fx) + p11 * fx) * fy;
  }

  private boolean isNodata(double value) {
    return Double.isNaN(value) || (sourceHasNodata && value == sourceNodata);
  }

  private static boolean inside(double u, int n) {
    return u >= -0.5 && u <= n - 0.5;
  }

  private static int clamp(int i, int n) {
    return Math.max(0, Math.min(n - 1, i));
  }
}
