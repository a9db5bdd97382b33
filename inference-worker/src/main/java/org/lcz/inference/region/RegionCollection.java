package org.lcz.inference.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.lcz.events.RegionDefined;
import org.lcz.scheme.regions.RegionOutline;

/**
 * A region's STAC Collection ({@code regions/{name}/collection.json}, STAC 1.0.0): its outline's
 * extent, one {@code item} link per version and {@code latest-version} to the newest. Written after
 * a version's products and before its announcement, so it never names a version whose files are not
 * all stored.
 */
final class RegionCollection {
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private RegionCollection() {}

  /** The Collection of {@code region} with versions 1…{@code latest}. */
  static byte[] json(RegionDefined region, int latest) {
    ObjectNode c = JSON.createObjectNode();
    c.put("type", "Collection");
    c.put("stac_version", "1.0.0");
    c.put("id", region.name());
    c.put("title", "Local Climate Zones of region " + region.name());
    c.put(
        "description",
        "One LCZ map of the region per version, each fused from every scene map that met the"
            + " region's outline and period when it was made ("
            + region.models()
            + " model maps).");
    c.put("license", "proprietary");
    ObjectNode extent = c.putObject("extent");
    ArrayNode bbox = extent.putObject("spatial").putArray("bbox").addArray();
    for (double v : RegionOutline.parse(region.outline()).bbox()) {
      bbox.add(v);
    }
    ArrayNode interval = extent.putObject("temporal").putArray("interval").addArray();
    if (region.from() == null) {
      interval.addNull();
    } else {
      interval.add(region.from().toString());
    }
    if (region.to() == null) {
      interval.addNull();
    } else {
      interval.add(region.to().toString());
    }
    c.put("lcz:latest_version", latest);
    ArrayNode links = c.putArray("links");
    links
        .addObject()
        .put("rel", "self")
        .put("href", RegionKeys.collection(region.name()).uri())
        .put("type", "application/json");
    for (int v = 1; v <= latest; v++) {
      links
          .addObject()
          .put("rel", "item")
          .put("href", RegionKeys.product(region.name(), v, "item.json").uri())
          .put("type", "application/geo+json")
          .put("title", "version " + v);
    }
    links
        .addObject()
        .put("rel", "latest-version")
        .put("href", RegionKeys.product(region.name(), latest, "item.json").uri())
        .put("type", "application/geo+json");
    try {
      return JSON.writeValueAsBytes(c);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
