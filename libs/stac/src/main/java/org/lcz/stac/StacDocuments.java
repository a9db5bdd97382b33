package org.lcz.stac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The STAC documents the API and the static catalog both write: a collection with its extent, the
 * root catalog, links. Each caller adds the links of its own addressing (API URLs or relative
 * paths).
 */
public final class StacDocuments {
  /** The STAC version of every document the platform writes. */
  public static final String STAC_VERSION = "1.0.0";

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private StacDocuments() {}

  /** A Collection of {@code c}: id, title, description, licence, extent; an empty links array. */
  public static ObjectNode collection(StacCatalogue.Collection c) {
    ObjectNode o = JSON.createObjectNode();
    o.put("type", "Collection");
    o.put("stac_version", STAC_VERSION);
    o.put("id", c.id());
    o.put("title", c.title());
    o.put("description", c.description().isBlank() ? c.title() : c.description());
    o.put("license", "other");
    ObjectNode extent = o.putObject("extent");
    ArrayNode bbox = extent.putObject("spatial").putArray("bbox").addArray();
    for (double v : c.bbox() == null ? new double[] {-180, -90, 180, 90} : c.bbox()) {
      bbox.add(v);
    }
    ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
    interval.add(c.start() == null ? null : c.start().toString());
    interval.add(c.end() == null ? null : c.end().toString());
    o.put("lcz:items", c.items());
    o.putArray("links");
    return o;
  }

  /** The platform's root Catalog, with an empty links array. */
  public static ObjectNode root() {
    ObjectNode c = JSON.createObjectNode();
    c.put("type", "Catalog");
    c.put("stac_version", STAC_VERSION);
    c.put("id", "lcz-platform");
    c.put("title", "LCZ platform");
    c.put(
        "description",
        "Local Climate Zone maps of scenes and regions, and the models that made them.");
    c.putArray("links");
    return c;
  }

  /** The link relations a catalog's own structure sets (each writer sets its own). */
  static final List<String> STRUCTURAL = List.of("self", "root", "parent", "collection");

  /** Copies of {@code item}'s links other than the structural ones (e.g. {@code derived_from}). */
  public static List<ObjectNode> otherLinks(JsonNode item) {
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode l : item.path("links")) {
      if (l instanceof ObjectNode o && !STRUCTURAL.contains(l.path("rel").asText())) {
        out.add(o.deepCopy());
      }
    }
    return out;
  }

  /** Adds a link; returns it for more fields. */
  public static ObjectNode link(ArrayNode links, String rel, String href, String type) {
    return links.addObject().put("rel", rel).put("href", href).put("type", type);
  }
}
