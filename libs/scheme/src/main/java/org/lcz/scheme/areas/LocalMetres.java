package org.lcz.scheme.areas;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Metres around a training area: longitude/latitude scaled to a plane at the area's own latitude φ
 * with the WGS 84 ellipsoid's radii of curvature there (east: N cos φ, north: M, per radian). Over
 * a few kilometres this is within 0.1 % of the ellipsoidal truth (tested against GDAL's areas in
 * UTM), enough for the QC's areas and the 300 m buffer.
 */
final class LocalMetres {
  private static final double A = 6_378_137;
  private static final double E2 = 0.00669437999014;

  private final AffineTransformation toMetres;
  private final AffineTransformation toDegrees;

  private LocalMetres(double latitude) {
    double phi = Math.toRadians(latitude);
    double w = 1 - E2 * Math.sin(phi) * Math.sin(phi);
    double n = A / Math.sqrt(w);
    double m = A * (1 - E2) / (w * Math.sqrt(w));
    double kx = n * Math.cos(phi) * Math.PI / 180;
    double ky = m * Math.PI / 180;
    toMetres = AffineTransformation.scaleInstance(kx, ky);
    toDegrees = AffineTransformation.scaleInstance(1 / kx, 1 / ky);
  }

  /** The plane at {@code g}'s centroid latitude. */
  static LocalMetres around(Geometry g) {
    return at(g.getCentroid().getY());
  }

  /** The plane at {@code latitude}. */
  static LocalMetres at(double latitude) {
    return new LocalMetres(latitude);
  }

  Geometry metres(Geometry lonLat) {
    return toMetres.transform(lonLat);
  }

  Geometry degrees(Geometry metres) {
    return toDegrees.transform(metres);
  }

  /** {@code g}'s area in m². */
  static double area(Geometry g) {
    return around(g).metres(g).getArea();
  }
}
