package org.lcz.scheme.regions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A region's outline in WGS 84 longitude and latitude: a GeoJSON Polygon or MultiPolygon (a Feature
 * holding one is taken too), or a bounding box {@code [west, south, east, north]}. Checked as a
 * person would want it checked: numbers in range, rings closed, a valid polygon with an area, not
 * across the antimeridian.
 */
public final class RegionOutline {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private final Geometry lonLat;
  private final PreparedGeometry prepared;

  private RegionOutline(Geometry lonLat) {
    this.lonLat = lonLat;
    this.prepared = PreparedGeometryFactory.prepare(lonLat);
  }

  /**
   * Reads an outline.
   *
   * @throws IllegalArgumentException saying what is wrong and what to give
   */
  public static RegionOutline parse(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      throw new IllegalArgumentException(
          "give the region's outline: a GeoJSON Polygon or MultiPolygon in longitude/latitude,"
              + " or a bbox [west, south, east, north]");
    }
    if (node.isArray()) {
      return bbox(node);
    }
    if (node.path("type").asText().equals("Feature")) {
      return parse(node.get("geometry"));
    }
    String type = node.path("type").asText("");
    Geometry g =
        switch (type) {
          case "Polygon" -> polygon(node.get("coordinates"));
          case "MultiPolygon" -> {
            JsonNode parts = node.get("coordinates");
            if (parts == null || !parts.isArray() || parts.isEmpty()) {
              throw new IllegalArgumentException("a MultiPolygon needs its polygons' coordinates");
            }
            List<Polygon> polygons = new ArrayList<>();
            parts.forEach(p -> polygons.add(polygon(p)));
            yield GEOMETRY.createMultiPolygon(polygons.toArray(new Polygon[0]));
          }
          default ->
              throw new IllegalArgumentException(
                  "the outline is a GeoJSON "
                      + (type.isEmpty() ? "object without a type" : type)
                      + "; give a Polygon or MultiPolygon (or a bbox [west, south, east, north])");
        };
    return checked(g);
  }

  /** The outline of a bounding box. */
  public static RegionOutline bbox(double west, double south, double east, double north) {
    if (!(west < east) || !(south < north)) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "the bbox [%s, %s, %s, %s] is empty: give [west, south, east, north] with west <"
                  + " east and south < north",
              west,
              south,
              east,
              north));
    }
    return checked(GEOMETRY.toGeometry(new Envelope(west, east, south, north)));
  }

  private static RegionOutline bbox(JsonNode array) {
    if (array.size() != 4) {
      throw new IllegalArgumentException(
          "a bbox is four numbers [west, south, east, north], not " + array.size());
    }
    double[] v = new double[4];
    for (int i = 0; i < 4; i++) {
      v[i] = number(array.get(i), "the bbox");
    }
    return bbox(v[0], v[1], v[2], v[3]);
  }

  private static Polygon polygon(JsonNode rings) {
    if (rings == null || !rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException("a Polygon needs at least its outer ring of coordinates");
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode points) {
    if (points == null || !points.isArray() || points.size() < 4) {
      throw new IllegalArgumentException(
          "a ring needs at least 4 positions, the last equal to the first");
    }
    Coordinate[] c = new Coordinate[points.size()];
    for (int i = 0; i < points.size(); i++) {
      JsonNode p = points.get(i);
      if (!p.isArray() || p.size() < 2) {
        throw new IllegalArgumentException("a position is [longitude, latitude], not " + p);
      }
      c[i] = new Coordinate(number(p.get(0), "a longitude"), number(p.get(1), "a latitude"));
    }
    if (!c[0].equals2D(c[c.length - 1])) {
      throw new IllegalArgumentException(
          "a ring is not closed: its last position "
              + points.get(points.size() - 1)
              + " differs from its first "
              + points.get(0));
    }
    return GEOMETRY.createLinearRing(c);
  }

  private static double number(JsonNode n, String what) {
    if (n == null || !n.isNumber()) {
      throw new IllegalArgumentException(what + " is " + n + ", not a number");
    }
    return n.asDouble();
  }

  private static RegionOutline checked(Geometry g) {
    Envelope e = g.getEnvelopeInternal();
    if (e.getMinX() < -180 || e.getMaxX() > 180 || e.getMinY() < -85 || e.getMaxY() > 85) {
      throw new IllegalArgumentException(
          "the outline reaches "
              + e
              + ": positions are [longitude, latitude] in degrees (longitude −180…180, latitude"
              + " −85…85); did you give [latitude, longitude] or projected coordinates?");
    }
    if (e.getWidth() > 180) {
      throw new IllegalArgumentException(
          "the outline spans more than 180° of longitude; regions across the antimeridian are"
              + " not supported: give two regions");
    }
    if (!g.isValid()) {
      throw new IllegalArgumentException(
          "the outline is not a valid polygon (it crosses itself or its holes lie outside it)");
    }
    if (!(g.getArea() > 0)) {
      throw new IllegalArgumentException("the outline has no area");
    }
    return new RegionOutline(g);
  }

  /** The outline in longitude/latitude. */
  public Geometry lonLat() {
    return lonLat;
  }

  /** Whether {@code other} (longitude/latitude) meets the outline. */
  public boolean intersects(Geometry other) {
    return prepared.intersects(other);
  }

  /** Whether the point (longitude, latitude) lies in the outline. */
  public boolean contains(double lon, double lat) {
    Point p = GEOMETRY.createPoint(new Coordinate(lon, lat));
    return prepared.contains(p);
  }

  /** [west, south, east, north]. */
  public double[] bbox() {
    Envelope e = lonLat.getEnvelopeInternal();
    return new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()};
  }

  /**
   * The EPSG code of the WGS 84 UTM zone of the outline's centroid (326zz north, 327zz south), the
   * default grid of a region.
   */
  public int utmEpsg() {
    Point c = lonLat.getCentroid();
    int zone = (int) Math.floor((c.getX() + 180) / 6) + 1;
    zone = Math.max(1, Math.min(60, zone));
    return (c.getY() >= 0 ? 32600 : 32700) + zone;
  }

  /** The outline as a GeoJSON geometry (a Polygon or a MultiPolygon). */
  public ObjectNode toGeoJson() {
    ObjectNode g = JSON.createObjectNode();
    if (lonLat instanceof MultiPolygon m) {
      g.put("type", "MultiPolygon");
      ArrayNode parts = g.putArray("coordinates");
      for (int i = 0; i < m.getNumGeometries(); i++) {
        rings(parts.addArray(), (Polygon) m.getGeometryN(i));
      }
    } else {
      g.put("type", "Polygon");
      rings(g.putArray("coordinates"), (Polygon) lonLat);
    }
    return g;
  }

  private static void rings(ArrayNode out, Polygon p) {
    ring(out.addArray(), p.getExteriorRing().getCoordinates());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      ring(out.addArray(), p.getInteriorRingN(i).getCoordinates());
    }
  }

  private static void ring(ArrayNode out, Coordinate[] cs) {
    for (Coordinate c : cs) {
      out.addArray().add(c.x).add(c.y);
    }
  }

  /** A GeoJSON geometry of longitude/latitude as a JTS geometry (a scene's footprint, say). */
  public static Geometry geometry(JsonNode geoJson) {
    return parse(geoJson).lonLat();
  }
}
