package org.lcz.stac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A STAC API search: the Item Search parameters {@code bbox}, {@code intersects}, {@code datetime},
 * {@code collections}, {@code ids} and {@code limit}, and the paging {@code token}, read from a GET
 * query or a POST body and checked (a wrong parameter is an {@link IllegalArgumentException} whose
 * message a person can act on).
 *
 * @param where the area an Item must intersect (bbox or intersects), or null for anywhere
 * @param from the earliest time an Item's data may end at, or null
 * @param to the latest time an Item's data may start at, or null
 * @param collections the collections to search, empty for all
 * @param ids the Item ids wanted, empty for any
 * @param limit at most this many Items per page
 * @param offset the page's first match (from {@code token})
 * @param body the parameters as a JSON object, for the next page of a POST search
 */
public record StacQuery(
    Geometry where,
    Instant from,
    Instant to,
    List<String> collections,
    List<String> ids,
    int limit,
    int offset,
    ObjectNode body) {
  /** Items per page unless {@code limit} says. */
  public static final int DEFAULT_LIMIT = 10;

  /** The most Items per page. */
  public static final int MAX_LIMIT = 10_000;

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  public StacQuery {
    collections = List.copyOf(collections);
    ids = List.copyOf(ids);
  }

  /** Every Item, one page of {@code limit}. */
  public static StacQuery all(int limit) {
    return new StacQuery(null, null, null, List.of(), List.of(), limit, 0, JSON.createObjectNode());
  }

  /** The same search restricted to one collection. */
  public StacQuery in(String collection) {
    return new StacQuery(where, from, to, List.of(collection), ids, limit, offset, body);
  }

  /**
   * A GET search's query parameters (each null when absent).
   *
   * @throws IllegalArgumentException naming the wrong parameter
   */
  public static StacQuery ofGet(
      String bbox,
      String intersects,
      String datetime,
      String collections,
      String ids,
      String limit,
      String token) {
    ObjectNode body = JSON.createObjectNode();
    Geometry where = null;
    if (bbox != null && !bbox.isBlank()) {
      double[] b = numbers("bbox", bbox);
      where = bbox(b);
      ArrayNode a = body.putArray("bbox");
      Arrays.stream(b).forEach(a::add);
    }
    if (intersects != null && !intersects.isBlank()) {
      if (where != null) {
        throw new IllegalArgumentException("give bbox or intersects, not both");
      }
      JsonNode g;
      try {
        g = JSON.readTree(intersects);
      } catch (IOException e) {
        throw new IllegalArgumentException(
            "intersects must be a GeoJSON geometry: " + e.getMessage());
      }
      where = GeoJsonGeometry.parse(g);
      body.set("intersects", g);
    }
    Instant[] interval = datetime(datetime);
    if (datetime != null && !datetime.isBlank()) {
      body.put("datetime", datetime);
    }
    List<String> cs = list(collections);
    List<String> is = list(ids);
    if (!cs.isEmpty()) {
      cs.forEach(body.withArray("collections")::add);
    }
    if (!is.isEmpty()) {
      is.forEach(body.withArray("ids")::add);
    }
    int l = limit(limit);
    body.put("limit", l);
    return new StacQuery(where, interval[0], interval[1], cs, is, l, token(token), body);
  }

  /**
   * A POST search's JSON body.
   *
   * @throws IllegalArgumentException naming the wrong member
   */
  public static StacQuery ofPost(JsonNode body) {
    if (body == null || body.isNull() || body.isMissingNode()) {
      body = JSON.createObjectNode();
    }
    if (!body.isObject()) {
      throw new IllegalArgumentException("a search body must be a JSON object");
    }
    Geometry where = null;
    JsonNode b = body.path("bbox");
    if (!b.isMissingNode() && !b.isNull()) {
      if (!b.isArray()) {
        throw new IllegalArgumentException("bbox must be an array of 4 or 6 numbers");
      }
      double[] v = new double[b.size()];
      for (int i = 0; i < v.length; i++) {
        if (!b.get(i).isNumber()) {
          throw new IllegalArgumentException("bbox must be an array of 4 or 6 numbers, not " + b);
        }
        v[i] = b.get(i).asDouble();
      }
      where = bbox(v);
    }
    JsonNode g = body.path("intersects");
    if (!g.isMissingNode() && !g.isNull()) {
      if (where != null) {
        throw new IllegalArgumentException("give bbox or intersects, not both");
      }
      where = GeoJsonGeometry.parse(g);
    }
    JsonNode dt = body.path("datetime");
    Instant[] interval = datetime(dt.isTextual() ? dt.asText() : null);
    List<String> cs = strings("collections", body.path("collections"));
    List<String> is = strings("ids", body.path("ids"));
    JsonNode l = body.path("limit");
    int limit = limit(l.isMissingNode() || l.isNull() ? null : l.asText());
    JsonNode t = body.path("token");
    ObjectNode copy = ((ObjectNode) body).deepCopy();
    copy.remove("token");
    return new StacQuery(
        where,
        interval[0],
        interval[1],
        cs,
        is,
        limit,
        token(t.isMissingNode() || t.isNull() ? null : t.asText()),
        copy);
  }

  private static List<String> strings(String name, JsonNode array) {
    if (array.isMissingNode() || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(name + " must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    array.forEach(v -> out.add(v.asText()));
    return out;
  }

  private static List<String> list(String commaSeparated) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return Arrays.stream(commaSeparated.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .toList();
  }

  private static double[] numbers(String name, String text) {
    String[] parts = text.split(",");
    double[] out = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Double.parseDouble(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            name + " must be 4 or 6 comma-separated numbers (west,south,east,north), not " + text);
      }
    }
    return out;
  }

  private static Geometry bbox(double[] b) {
    if (b.length != 4 && b.length != 6) {
      throw new IllegalArgumentException(
          "bbox must have 4 or 6 numbers (west, south, east, north), not " + b.length);
    }
    double west = b[0];
    double south = b[1];
    double east = b.length == 4 ? b[2] : b[3];
    double north = b.length == 4 ? b[3] : b[4];
    if (Math.abs(west) > 180
        || Math.abs(east) > 180
        || Math.abs(south) > 90
        || Math.abs(north) > 90) {
      throw new IllegalArgumentException(
          "bbox must be longitudes within ±180 and latitudes within ±90, not "
              + Arrays.toString(b));
    }
    if (south > north) {
      throw new IllegalArgumentException(
          "bbox's south (" + south + ") is north of its north (" + north + ")");
    }
    return GeoJsonGeometry.bbox(west, south, east, north);
  }

  /** {@code datetime}: an instant, or an interval {@code a/b} with {@code ..} or empty for open. */
  private static Instant[] datetime(String text) {
    if (text == null || text.isBlank()) {
      return new Instant[2];
    }
    String[] parts = text.split("/", -1);
    if (parts.length > 2) {
      throw new IllegalArgumentException(
          "datetime must be an RFC 3339 time or an interval a/b (.. for an open end), not " + text);
    }
    if (parts.length == 1) {
      Instant at = instant(parts[0], text, false);
      return new Instant[] {at, at};
    }
    Instant from = open(parts[0]) ? null : instant(parts[0], text, false);
    Instant to = open(parts[1]) ? null : instant(parts[1], text, true);
    if (from == null && to == null) {
      throw new IllegalArgumentException("datetime " + text + " is open at both ends");
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("datetime " + text + " ends before it starts");
    }
    return new Instant[] {from, to};
  }

  private static boolean open(String end) {
    return end.isBlank() || end.equals("..");
  }

  private static Instant instant(String s, String whole, boolean endOfDay) {
    try {
      return Instant.parse(s.trim());
    } catch (DateTimeParseException e) {
      try {
        LocalDate d = LocalDate.parse(s.trim());
        return (endOfDay ? d.plusDays(1) : d)
            .atStartOfDay(ZoneOffset.UTC)
            .toInstant()
            .minusNanos(endOfDay ? 1 : 0);
      } catch (DateTimeParseException e2) {
        throw new IllegalArgumentException(
            "datetime must be RFC 3339 (2025-06-01T10:00:00Z) or an interval of them, not "
                + whole);
      }
    }
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    int l;
    try {
      l = Integer.parseInt(text.trim());
    } catch (NumberFormatException e) {
      l = -1;
    }
    if (l < 1 || l > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be within 1.." + MAX_LIMIT + ", not " + text);
    }
    return l;
  }

  private static int token(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      int t = Integer.parseInt(text.trim());
      if (t >= 0) {
        return t;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException("token " + text + " is not one this API gave");
  }
}
