package org.lcz.stac;

import com.fasterxml.jackson.databind.JsonNode;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * GeoJSON geometries in longitude/latitude as JTS geometries, for searching: every GeoJSON type
 * (Point … MultiPolygon, GeometryCollection) and bounding boxes.
 */
final class GeoJsonGeometry {
  static final GeometryFactory FACTORY = new GeometryFactory();

  private GeoJsonGeometry() {}

  /**
   * A GeoJSON geometry.
   *
   * @throws IllegalArgumentException naming what is wrong with it
   */
  static Geometry parse(JsonNode g) {
    if (g == null || !g.isObject()) {
      throw new IllegalArgumentException("a geometry must be a GeoJSON object");
    }
    String type = g.path("type").asText("");
    JsonNode c = g.path("coordinates");
    try {
      return switch (type) {
        case "Point" -> FACTORY.createPoint(coordinate(c));
        case "MultiPoint" -> FACTORY.createMultiPointFromCoords(coordinates(c));
        case "LineString" -> FACTORY.createLineString(coordinates(c));
        case "MultiLineString" -> {
          LineString[] lines = new LineString[c.size()];
          for (int i = 0; i < lines.length; i++) {
            lines[i] = FACTORY.createLineString(coordinates(c.get(i)));
          }
          yield FACTORY.createMultiLineString(lines);
        }
        case "Polygon" -> polygon(c);
        case "MultiPolygon" -> {
          Polygon[] polygons = new Polygon[c.size()];
          for (int i = 0; i < polygons.length; i++) {
            polygons[i] = polygon(c.get(i));
          }
          yield FACTORY.createMultiPolygon(polygons);
        }
        case "GeometryCollection" -> {
          JsonNode gs = g.path("geometries");
          Geometry[] parts = new Geometry[gs.size()];
          for (int i = 0; i < parts.length; i++) {
            parts[i] = parse(gs.get(i));
          }
          yield FACTORY.createGeometryCollection(parts);
        }
        default ->
            throw new IllegalArgumentException(
                "a geometry's type must be a GeoJSON geometry type (Point … MultiPolygon), not \""
                    + type
                    + "\"");
      };
    } catch (RuntimeException e) {
      if (e instanceof IllegalArgumentException && e.getMessage() != null) {
        throw e;
      }
      throw new IllegalArgumentException(
          "the " + type + " geometry's coordinates are malformed (" + e.getMessage() + ")");
    }
  }

  /** A bounding box (west, south, east, north); one crossing the antimeridian is two boxes. */
  static Geometry bbox(double west, double south, double east, double north) {
    if (west <= east) {
      return FACTORY.toGeometry(new Envelope(west, east, south, north));
    }
    return FACTORY.createGeometryCollection(
        new Geometry[] {
          FACTORY.toGeometry(new Envelope(west, 180, south, north)),
          FACTORY.toGeometry(new Envelope(-180, east, south, north))
        });
  }

  private static Polygon polygon(JsonNode rings) {
    if (!rings.isArray() || rings.isEmpty()) {
      throw new IllegalArgumentException("a Polygon needs at least one ring");
    }
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static LinearRing ring(JsonNode positions) {
    Coordinate[] cs = coordinates(positions);
    if (cs.length < 4 || !cs[0].equals2D(cs[cs.length - 1])) {
      throw new IllegalArgumentException(
          "a Polygon's ring needs at least 4 positions, the last equal to the first");
    }
    return FACTORY.createLinearRing(cs);
  }

  private static Coordinate[] coordinates(JsonNode array) {
    if (!array.isArray()) {
      throw new IllegalArgumentException("coordinates must be arrays of positions");
    }
    Coordinate[] out = new Coordinate[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = coordinate(array.get(i));
    }
    return out;
  }

  private static Coordinate coordinate(JsonNode p) {
    if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
      throw new IllegalArgumentException("a position must be [longitude, latitude], not " + p);
    }
    double lon = p.get(0).asDouble();
    double lat = p.get(1).asDouble();
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      throw new IllegalArgumentException(
          "a position must be [longitude, latitude] within ±180, ±90, not " + p);
    }
    return new Coordinate(lon, lat);
  }
}
