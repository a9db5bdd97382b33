package org.lcz.stac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Every STAC Item the platform has made, by collection, searchable: the scene maps ({@value
 * #SCENE_MAPS}), each region's map versions ({@value #REGION_PREFIX}{@code <name>}) and the model
 * versions ({@value #MODELS}). An Item is kept as its producer wrote it (with its {@code
 * collection} set); a later Item of the same id replaces it. Matches are ordered newest data first,
 * then by id, so pages are stable while nothing arrives.
 */
public final class StacCatalogue {
  /** The scene maps' collection. */
  public static final String SCENE_MAPS = "lcz-scene-maps";

  /** The model versions' collection. */
  public static final String MODELS = "lcz-models";

  /** The prefix of a region's collection id. */
  public static final String REGION_PREFIX = "lcz-region-";

  /**
   * A collection as the API shows it.
   *
   * @param id its id
   * @param title its title
   * @param description what it holds
   * @param bbox the union of its Items' bounding boxes (west, south, east, north), or null
   * @param start its Items' earliest time, or null
   * @param end its Items' latest time, or null
   * @param items how many Items it holds
   */
  public record Collection(
      String id,
      String title,
      String description,
      double[] bbox,
      Instant start,
      Instant end,
      int items) {}

  /**
   * One page of a search.
   *
   * @param items the page's Items
   * @param matched how many Items match in all
   * @param next the offset of the next page, or -1 on the last
   */
  public record Page(List<ObjectNode> items, int matched, int next) {}

  private record Entry(ObjectNode item, Geometry geometry, Instant start, Instant end) {}

  private record Described(String title, String description) {}

  private final Map<String, Described> described = new LinkedHashMap<>();
  private final Map<String, Map<String, Entry>> items = new LinkedHashMap<>();

  public StacCatalogue() {
    describe(
        SCENE_MAPS,
        "LCZ maps of scenes",
        "One Local Climate Zone map per satellite scene the platform mapped (WUDAPT classes"
            + " 1–10, A–G), with its probabilities, quicklook, Google Earth overlay and legend.");
    describe(
        MODELS,
        "LCZ models",
        "Every published model version: the ONNX network with its input contract (bands,"
            + " radiometry, patch size), its card and its accuracy measures.");
  }

  /** Names a collection (made if new); its Items are kept. */
  public synchronized void describe(String collection, String title, String description) {
    described.put(collection, new Described(title, description));
    items.computeIfAbsent(collection, k -> new LinkedHashMap<>());
  }

  /**
   * Adds or replaces an Item of {@code collection}.
   *
   * @throws IllegalArgumentException if it is not a STAC Item with an id
   */
  public synchronized void put(String collection, ObjectNode item) {
    String id = item.path("id").asText("");
    if (!"Feature".equals(item.path("type").asText()) || id.isBlank()) {
      throw new IllegalArgumentException("not a STAC Item with an id");
    }
    ObjectNode copy = item.deepCopy();
    copy.put("collection", collection);
    JsonNode g = copy.path("geometry");
    Geometry geometry = null;
    if (g.isObject()) {
      geometry = GeoJsonGeometry.parse(g);
    } else if (copy.path("bbox").isArray() && copy.path("bbox").size() >= 4) {
      JsonNode b = copy.path("bbox");
      int n = b.size() / 2;
      geometry =
          GeoJsonGeometry.bbox(
              b.get(0).asDouble(),
              b.get(1).asDouble(),
              b.get(n).asDouble(),
              b.get(n + 1).asDouble());
    }
    JsonNode p = copy.path("properties");
    Instant at = time(p.path("datetime"));
    Instant start = at != null ? at : time(p.path("start_datetime"));
    Instant end = at != null ? at : time(p.path("end_datetime"));
    items
        .computeIfAbsent(collection, k -> new LinkedHashMap<>())
        .put(id, new Entry(copy, geometry, start, end));
    described.computeIfAbsent(collection, k -> new Described(k, "STAC Items of " + k));
  }

  /** Removes a collection and its Items. */
  public synchronized void remove(String collection) {
    items.remove(collection);
    described.remove(collection);
  }

  /** The collections, the platform's own first, then by id. */
  public synchronized List<Collection> collections() {
    List<Collection> out = new ArrayList<>();
    for (String id : items.keySet()) {
      collection(id).ifPresent(out::add);
    }
    out.sort(
        Comparator.comparing((Collection c) -> c.id().startsWith(REGION_PREFIX))
            .thenComparing(Collection::id));
    return out;
  }

  /** One collection, with its extent. */
  public synchronized Optional<Collection> collection(String id) {
    Map<String, Entry> in = items.get(id);
    if (in == null) {
      return Optional.empty();
    }
    Envelope extent = new Envelope();
    Instant start = null;
    Instant end = null;
    for (Entry e : in.values()) {
      if (e.geometry() != null) {
        extent.expandToInclude(e.geometry().getEnvelopeInternal());
      }
      if (e.start() != null && (start == null || e.start().isBefore(start))) {
        start = e.start();
      }
      if (e.end() != null && (end == null || e.end().isAfter(end))) {
        end = e.end();
      }
    }
    Described d = described.getOrDefault(id, new Described(id, ""));
    return Optional.of(
        new Collection(
            id,
            d.title(),
            d.description(),
            extent.isNull()
                ? null
                : new double[] {
                  extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()
                },
            start,
            end,
            in.size()));
  }

  /** The ids of a collection's Items, sorted. */
  public synchronized List<String> itemIds(String collection) {
    Map<String, Entry> in = items.get(collection);
    return in == null ? List.of() : in.keySet().stream().sorted().toList();
  }

  /** One Item. */
  public synchronized Optional<ObjectNode> item(String collection, String id) {
    Map<String, Entry> in = items.get(collection);
    Entry e = in == null ? null : in.get(id);
    return e == null ? Optional.empty() : Optional.of(e.item().deepCopy());
  }

  /** The Items matching {@code q}: one page of them and how many match. */
  public synchronized Page search(StacQuery q) {
    List<Entry> matches = new ArrayList<>();
    for (var c : items.entrySet()) {
      if (!q.collections().isEmpty() && !q.collections().contains(c.getKey())) {
        continue;
      }
      for (Entry e : c.getValue().values()) {
        if (matches(e, q)) {
          matches.add(e);
        }
      }
    }
    matches.sort(
        Comparator.comparing(
                (Entry e) -> e.start() == null ? Instant.MIN : e.start(), Comparator.reverseOrder())
            .thenComparing(e -> e.item().path("collection").asText())
            .thenComparing(e -> e.item().path("id").asText()));
    int from = Math.min(q.offset(), matches.size());
    int to = Math.min(from + q.limit(), matches.size());
    List<ObjectNode> page = new ArrayList<>();
    for (Entry e : matches.subList(from, to)) {
      page.add(e.item().deepCopy());
    }
    return new Page(page, matches.size(), to < matches.size() ? to : -1);
  }

  private static boolean matches(Entry e, StacQuery q) {
    if (!q.ids().isEmpty() && !q.ids().contains(e.item().path("id").asText())) {
      return false;
    }
    if (q.where() != null && (e.geometry() == null || !q.where().intersects(e.geometry()))) {
      return false;
    }
    if (q.from() != null && (e.end() == null || e.end().isBefore(q.from()))) {
      return false;
    }
    return q.to() == null || (e.start() != null && !e.start().isAfter(q.to()));
  }

  private static Instant time(JsonNode v) {
    if (!v.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(v.asText());
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
