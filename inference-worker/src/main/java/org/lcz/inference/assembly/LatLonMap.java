package org.lcz.inference.assembly;

import java.util.ArrayList;
import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Bands of a scene map resampled onto a longitude/latitude grid (EPSG:4326), for the tools that
 * expect one (Google Earth, some WRF preprocessors). The grid's cells are 0.000898315° (100 m along
 * the equator, as the LCZ Generator's and the global map's lat/lon products), aligned to multiples
 * of that size and covering the map's footprint; each cell takes the value of the map cell under
 * its centre (nearest neighbour: classes are not averaged), 0 outside the map. Apache SIS does the
 * coordinate operation, one row of cell centres at a time.
 *
 * @param geoTransform GDAL's six numbers of the lat/lon grid (degrees)
 */
public record LatLonMap(int cols, int rows, double[] geoTransform, List<byte[]> bands) {
  /** The cell size in degrees: 100 m along the equator. */
  public static final double CELL_DEGREES = 100 / (6_378_137 * Math.PI / 180);

  /** Resamples {@code bands} (row-major on {@code scene}'s grid) onto a lat/lon grid. */
  public static LatLonMap of(AssembledScene scene, List<byte[]> bands) {
    double[] bbox = scene.footprint().bbox();
    double west = Math.floor(bbox[0] / CELL_DEGREES) * CELL_DEGREES;
    double east = Math.ceil(bbox[2] / CELL_DEGREES) * CELL_DEGREES;
    double south = Math.floor(bbox[1] / CELL_DEGREES) * CELL_DEGREES;
    double north = Math.ceil(bbox[3] / CELL_DEGREES) * CELL_DEGREES;
    int cols = (int) Math.round((east - west) / CELL_DEGREES);
    int rows = (int) Math.round((north - south) / CELL_DEGREES);
    double[] g = scene.geoTransform();
    List<byte[]> out = new ArrayList<>();
    for (int b = 0; b < bands.size(); b++) {
      out.add(new byte[cols * rows]);
    }
    try {
      MathTransform toScene =
          CRS.findOperation(
                  CommonCRS.WGS84.normalizedGeographic(), Footprint.crs(scene.epsg()), null)
              .getMathTransform();
      double[] points = new double[2 * cols];
      for (int r = 0; r < rows; r++) {
        double lat = north - (r + 0.5) * CELL_DEGREES;
        for (int c = 0; c < cols; c++) {
          points[2 * c] = west + (c + 0.5) * CELL_DEGREES;
          points[2 * c + 1] = lat;
        }
        toScene.transform(points, 0, points, 0, cols);
        for (int c = 0; c < cols; c++) {
          double sx = Math.floor((points[2 * c] - g[0]) / g[1]);
          double sy = Math.floor((points[2 * c + 1] - g[3]) / g[5]);
          if (sx < 0 || sy < 0 || sx >= scene.cols() || sy >= scene.rows()) {
            continue; // outside the map: 0 in every band
          }
          int from = (int) sy * scene.cols() + (int) sx;
          for (int b = 0; b < bands.size(); b++) {
            out.get(b)[r * cols + c] = bands.get(b)[from];
          }
        }
      }
    } catch (FactoryException | TransformException e) {
      throw new IllegalArgumentException(
          "cannot resample the map onto longitude/latitude: " + e.getMessage(), e);
    }
    return new LatLonMap(
        cols, rows, new double[] {west, CELL_DEGREES, 0, north, 0, -CELL_DEGREES}, out);
  }
}
