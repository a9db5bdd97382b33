package org.lcz.inference.assembly;

import java.util.ArrayList;
import java.util.List;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Where a north-up grid lies on the globe: its outline in WGS 84 longitude/latitude (each edge
 * densified, since straight lines in a projection bend on the globe) and the bounding box of that
 * outline. Apache SIS does the coordinate operation.
 *
 * @param ring the closed outline, {@code [lon, lat]} points, counter-clockwise
 * @param bbox {@code [west, south, east, north]}
 */
public record Footprint(List<double[]> ring, double[] bbox) {
  private static final int STEPS = 8;

  /** The footprint of a {@code width × height} grid with {@code geoTransform} in {@code crs}. */
  public static Footprint of(
      CoordinateReferenceSystem crs, double[] geoTransform, int width, int height) {
    try {
      MathTransform toWgs84 =
          CRS.findOperation(crs, CommonCRS.WGS84.normalizedGeographic(), null).getMathTransform();
      double x0 = geoTransform[0];
      double y0 = geoTransform[3];
      double x1 = x0 + width * geoTransform[1];
      double y1 = y0 + height * geoTransform[5];
      // counter-clockwise from the lower-left corner (GeoJSON's right-hand rule)
      double[][] corners = {{x0, y1}, {x1, y1}, {x1, y0}, {x0, y0}};
      List<double[]> ring = new ArrayList<>();
      double[] bbox = {
        Double.POSITIVE_INFINITY,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        Double.NEGATIVE_INFINITY
      };
      for (int e = 0; e < 4; e++) {
        double[] a = corners[e];
        double[] b = corners[(e + 1) % 4];
        for (int s = 0; s < STEPS; s++) {
          double t = (double) s / STEPS;
          double[] p = {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
          toWgs84.transform(p, 0, p, 0, 1);
          ring.add(p);
          bbox[0] = Math.min(bbox[0], p[0]);
          bbox[1] = Math.min(bbox[1], p[1]);
          bbox[2] = Math.max(bbox[2], p[0]);
          bbox[3] = Math.max(bbox[3], p[1]);
        }
      }
      ring.add(ring.get(0).clone());
      return new Footprint(ring, bbox);
    } catch (FactoryException | TransformException e) {
      throw new IllegalArgumentException(
          "cannot place the map on the globe (" + crs.getName() + "): " + e.getMessage(), e);
    }
  }

  /** The CRS of an EPSG code. */
  public static CoordinateReferenceSystem crs(int epsg) {
    try {
      return CRS.forCode("EPSG:" + epsg);
    } catch (FactoryException e) {
      throw new IllegalArgumentException("unknown CRS EPSG:" + epsg + ": " + e.getMessage(), e);
    }
  }
}
