package org.lcz.scheme.regions;

import java.util.BitSet;
import java.util.Locale;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.lcz.raster.GridMapping;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.ProjectedCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * The grid a region's maps are made on: square cells of {@code cellSize} metres in a projected CRS
 * (by default the UTM zone of the outline's centroid), on a lattice whose corners are multiples of
 * the cell size plus an offset (0, 0 unless given: the lattice of the region's members), covering
 * the outline's extent there; a cell belongs to the region when its centre lies in the outline.
 */
public final class RegionGrid {
  /** The largest region: 150 km × 150 km of 100 m cells. */
  public static final long MAX_CELLS = 2_250_000;

  private final int epsg;
  private final CoordinateReferenceSystem crs;
  private final double cellSize;
  private final int cols;
  private final int rows;
  private final double[] geoTransform;
  private final BitSet inside;
  private final long insideCells;

  private RegionGrid(
      int epsg,
      CoordinateReferenceSystem crs,
      double cellSize,
      int cols,
      int rows,
      double[] geoTransform,
      BitSet inside) {
    this.epsg = epsg;
    this.crs = crs;
    this.cellSize = cellSize;
    this.cols = cols;
    this.rows = rows;
    this.geoTransform = geoTransform;
    this.inside = inside;
    this.insideCells = inside.cardinality();
  }

  /** The projected CRS of {@code epsg}, or why it cannot hold a region's grid. */
  public static CoordinateReferenceSystem projected(int epsg) {
    CoordinateReferenceSystem crs;
    try {
      crs = CRS.forCode("EPSG:" + epsg);
    } catch (FactoryException e) {
      throw new IllegalArgumentException("EPSG:" + epsg + " is not a CRS this platform knows");
    }
    if (!(crs instanceof ProjectedCRS)) {
      throw new IllegalArgumentException(
          "EPSG:"
              + epsg
              + " is not a projected CRS; a region's grid is in metres (e.g. its UTM zone,"
              + " EPSG:326zz or 327zz)");
    }
    return crs;
  }

  /**
   * The grid of {@code outline} in EPSG:{@code epsg}.
   *
   * @throws IllegalArgumentException if the CRS is no projected CRS or the region is too large
   */
  public static RegionGrid of(RegionOutline outline, int epsg, double cellSize) {
    return of(outline, epsg, cellSize, 0, 0);
  }

  /**
   * The grid of {@code outline} in EPSG:{@code epsg} whose cell corners are at {@code offsetX +
   * i·cellSize}, {@code offsetY + j·cellSize}.
   *
   * @throws IllegalArgumentException if the CRS is no projected CRS or the region is too large
   */
  public static RegionGrid of(
      RegionOutline outline, int epsg, double cellSize, double offsetX, double offsetY) {
    CoordinateReferenceSystem crs = projected(epsg);
    Geometry projected = project(outline.lonLat(), crs);
    Envelope e = projected.getEnvelopeInternal();
    double x0 = Math.floor((e.getMinX() - offsetX) / cellSize) * cellSize + offsetX;
    double y1 = Math.ceil((e.getMaxY() - offsetY) / cellSize) * cellSize + offsetY;
    long cols = Math.max(1, (long) Math.ceil((e.getMaxX() - x0) / cellSize - 1e-9));
    long rows = Math.max(1, (long) Math.ceil((y1 - e.getMinY()) / cellSize - 1e-9));
    if (cols * rows > MAX_CELLS) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the region's grid would be %d × %d cells of %.0f m (%.0f km × %.0f km); regions"
                  + " hold at most %d cells (150 km × 150 km at 100 m): split it",
              cols,
              rows,
              cellSize,
              cols * cellSize / 1000,
              rows * cellSize / 1000,
              MAX_CELLS));
    }
    double[] g = {x0, cellSize, 0, y1, 0, -cellSize};
    PreparedGeometry in = PreparedGeometryFactory.prepare(projected);
    GeometryFactory f = new GeometryFactory();
    BitSet inside = new BitSet((int) (cols * rows));
    for (int r = 0; r < rows; r++) {
      double y = y1 - (r + 0.5) * cellSize;
      for (int c = 0; c < cols; c++) {
        double x = x0 + (c + 0.5) * cellSize;
        if (in.contains(f.createPoint(new Coordinate(x, y)))) {
          inside.set((int) (r * cols + c));
        }
      }
    }
    return new RegionGrid(epsg, crs, cellSize, (int) cols, (int) rows, g, inside);
  }

  /** {@code lonLat}'s edges densified to 0.01° and transformed into {@code crs}. */
  private static Geometry project(Geometry lonLat, CoordinateReferenceSystem crs) {
    try {
      MathTransform t =
          CRS.findOperation(CommonCRS.WGS84.normalizedGeographic(), crs, null).getMathTransform();
      Geometry g = Densifier.densify(lonLat.copy(), 0.01); // never the caller's
      double[] p = new double[2];
      g.apply(
          (CoordinateFilter)
              c -> {
                p[0] = c.x;
                p[1] = c.y;
                try {
                  t.transform(p, 0, p, 0, 1);
                } catch (TransformException ex) {
                  throw new IllegalArgumentException(
                      "the outline cannot be placed in the region's CRS: " + ex.getMessage());
                }
                c.x = p[0];
                c.y = p[1];
              });
      g.geometryChanged();
      return g;
    } catch (FactoryException e) {
      throw new IllegalArgumentException(
          "no transformation to the region's CRS: " + e.getMessage());
    }
  }

  /**
   * The offset (x, y) of the lattice of a grid's cell corners, each in {@code [0, cellSize)}: grids
   * with the same offset and cell size put their cells on one another.
   */
  public static double[] lattice(double[] geoTransform, double cellSize) {
    return new double[] {
      Math.floorMod(Math.round(geoTransform[0] * 1000), Math.round(cellSize * 1000)) / 1000.0,
      Math.floorMod(Math.round(geoTransform[3] * 1000), Math.round(cellSize * 1000)) / 1000.0
    };
  }

  /** Whether cell {@code i} (row-major) lies in the outline. */
  public boolean inside(int i) {
    return inside.get(i);
  }

  /** Cells in the outline. */
  public long insideCells() {
    return insideCells;
  }

  /** The grid, to relate it to a scene map's. */
  public GridMapping.Grid grid() {
    return new GridMapping.Grid(cols, rows, geoTransform, crs);
  }

  public int epsg() {
    return epsg;
  }

  public CoordinateReferenceSystem crs() {
    return crs;
  }

  public double cellSize() {
    return cellSize;
  }

  public int cols() {
    return cols;
  }

  public int rows() {
    return rows;
  }

  /** GDAL's six numbers of the grid (cell corners). */
  public double[] geoTransform() {
    return geoTransform.clone();
  }
}
