package org.lcz.raster;

import java.util.Arrays;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.operation.matrix.Matrix3;
import org.apache.sis.referencing.operation.transform.MathTransforms;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Where each cell of a target grid falls on a source grid, in any two CRSs (Apache SIS): the cell
 * centre's continuous pixel coordinates on the source, pixel {@code i} covering {@code [i, i + 1)}.
 * Nearest neighbour is {@code floor}; bilinear weighs the four centres around {@code p - 0.5}. Row
 * by row: one transform call per row, no allocation per cell.
 */
public final class GridMapping {
  /**
   * A north-up grid.
   *
   * @param geoTransform GDAL's six numbers (pixel corners)
   */
  public record Grid(int cols, int rows, double[] geoTransform, CoordinateReferenceSystem crs) {
    public Grid {
      geoTransform = geoTransform.clone();
    }

    /** Whether {@code other} is the same grid: size, transform (to 1e-6 of a cell) and CRS. */
    public boolean sameAs(Grid other) {
      if (cols != other.cols || rows != other.rows) {
        return false;
      }
      for (int i = 0; i < 6; i++) {
        double tolerance = 1e-6 * Math.max(Math.abs(geoTransform[1]), Math.abs(geoTransform[5]));
        if (Math.abs(geoTransform[i] - other.geoTransform[i]) > tolerance) {
          return false;
        }
      }
      return CRS.equivalent(crs, other.crs);
    }
  }

  private final Grid target;
  private final Grid source;
  private final MathTransform cellToSourcePixel;

  private GridMapping(Grid target, Grid source, MathTransform cellToSourcePixel) {
    this.target = target;
    this.source = source;
    this.cellToSourcePixel = cellToSourcePixel;
  }

  /**
   * The mapping of {@code target}'s cells onto {@code source}.
   *
   * @throws RasterException if no transformation between the CRSs is known
   */
  public static GridMapping between(Grid target, Grid source) {
    try {
      double[] t = target.geoTransform();
      double[] s = source.geoTransform();
      MathTransform cellToTarget =
          MathTransforms.linear(new Matrix3(t[1], t[2], t[0], t[4], t[5], t[3], 0, 0, 1));
      MathTransform sourceToPixel =
          MathTransforms.linear(new Matrix3(s[1], s[2], s[0], s[4], s[5], s[3], 0, 0, 1)).inverse();
      MathTransform crsToCrs =
          CRS.findOperation(target.crs(), source.crs(), null).getMathTransform();
      return new GridMapping(
          target, source, MathTransforms.concatenate(cellToTarget, crsToCrs, sourceToPixel));
    } catch (FactoryException | TransformException e) {
      throw new RasterException(
          "cannot relate the grids (" + e.getMessage() + "): no transformation between the CRSs",
          e);
    }
  }

  /**
   * The source pixel coordinates of row {@code r}'s cell centres, into {@code px} and {@code py}
   * (each at least {@code target.cols()} long); NaN where the transformation fails.
   */
  public void row(int r, double[] px, double[] py) {
    int n = target.cols();
    double[] points = new double[2 * n];
    for (int c = 0; c < n; c++) {
      points[2 * c] = c + 0.5;
      points[2 * c + 1] = r + 0.5;
    }
    try {
      cellToSourcePixel.transform(points, 0, points, 0, n);
    } catch (TransformException e) {
      Arrays.fill(points, Double.NaN);
    }
    for (int c = 0; c < n; c++) {
      px[c] = points[2 * c];
      py[c] = points[2 * c + 1];
    }
  }

  /**
   * {@code values} (the source's, row-major) resampled onto the target by nearest neighbour; {@code
   * nodata} where a cell falls outside the source.
   */
  public byte[] nearest(byte[] values, byte nodata) {
    byte[] out = new byte[target.cols() * target.rows()];
    double[] px = new double[target.cols()];
    double[] py = new double[target.cols()];
    for (int r = 0; r < target.rows(); r++) {
      row(r, px, py);
      for (int c = 0; c < target.cols(); c++) {
        double x = Math.floor(px[c]);
        double y = Math.floor(py[c]);
        boolean inside = x >= 0 && y >= 0 && x < source.cols() && y < source.rows();
        out[r * target.cols() + c] = inside ? values[(int) y * source.cols() + (int) x] : nodata;
      }
    }
    return out;
  }

  public Grid target() {
    return target;
  }

  public Grid source() {
    return source;
  }
}
