package org.lcz.inference.region;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionMapUpdated;
import org.lcz.inference.assembly.AssembledScene;
import org.lcz.inference.assembly.Footprint;
import org.lcz.inference.assembly.SceneProduct;
import org.lcz.inference.assembly.StacItem;

/**
 * The STAC Item ({@code item.json}, STAC 1.0.0) of one region version, the last product: the
 * region's outline as geometry, the grid (projection extension), {@code start_datetime} and {@code
 * end_datetime} spanning the members' acquisitions, {@code derived_from} links to every member
 * scene map's Item, the coverage, every product stored before it as an asset, and links to the
 * region's Collection.
 */
public final class RegionStacItem implements SceneProduct {
  static final String PROJECTION =
      "https://stac-extensions.github.io/projection/v1.2.0/schema.json";
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private final RegionDefined region;
  private final int version;
  private final List<RegionMapUpdated.Member> members;
  private final FusedRegion fused;

  public RegionStacItem(
      RegionDefined region, int version, List<RegionMapUpdated.Member> members, FusedRegion fused) {
    this.region = region;
    this.version = version;
    this.members = List.copyOf(members);
    this.fused = fused;
  }

  /** The Item's id. */
  public static String id(String region, int version) {
    return region + "-v" + version;
  }

  @Override
  public List<Asset> make(AssembledScene map, List<Stored> earlier) {
    ObjectNode item = JSON.createObjectNode();
    item.put("type", "Feature");
    item.put("stac_version", "1.0.0");
    item.putArray("stac_extensions").add(PROJECTION);
    item.put("id", id(region.name(), version));
    item.put("collection", region.name());
    item.set("geometry", region.outline());
    ArrayNode bbox = item.putArray("bbox");
    for (double v :
        Footprint.of(Footprint.crs(map.epsg()), map.geoTransform(), map.cols(), map.rows())
            .bbox()) {
      bbox.add(v);
    }
    ObjectNode props = item.putObject("properties");
    Instant first =
        members.stream()
            .map(RegionMapUpdated.Member::acquiredAt)
            .filter(Objects::nonNull)
            .min(Instant::compareTo)
            .orElse(null);
    Instant last =
        members.stream()
            .map(RegionMapUpdated.Member::acquiredAt)
            .filter(Objects::nonNull)
            .max(Instant::compareTo)
            .orElse(null);
    props.putNull("datetime");
    props.put("start_datetime", first == null ? "1970-01-01T00:00:00Z" : first.toString());
    props.put("end_datetime", last == null ? map.completedAt().toString() : last.toString());
    props.put("created", map.completedAt().toString());
    props.put("title", "Local Climate Zones of region " + region.name() + ", version " + version);
    props.put("proj:code", "EPSG:" + map.epsg());
    props.put("proj:epsg", map.epsg()); // for GDAL before 3.10, as the scene maps' Items
    props.putArray("proj:shape").add(map.rows()).add(map.cols());
    double[] g = map.geoTransform();
    props.putArray("proj:transform").add(g[1]).add(g[2]).add(g[0]).add(g[4]).add(g[5]).add(g[3]);
    props.put("gsd", Math.abs(g[1]));
    props.put("lcz:region", region.name());
    props.put("lcz:version", version);
    props.put("lcz:coverage", fused.coverage());
    props.put("lcz:observed_cells", fused.observedCells());
    props.put("lcz:outline_cells", fused.outlineCells());
    props.put("lcz:models", region.models());
    ArrayNode list = props.putArray("lcz:members");
    for (RegionMapUpdated.Member m : members) {
      ObjectNode o = list.addObject();
      o.put("scene_id", m.sceneId());
      o.put("model_version", m.modelVersion());
      if (m.acquiredAt() != null) {
        o.put("acquired", m.acquiredAt().toString());
      }
    }
    StacItem.putAssets(item, earlier);
    ArrayNode links = item.putArray("links");
    links
        .addObject()
        .put("rel", "self")
        .put("href", RegionKeys.product(region.name(), version, "item.json").uri())
        .put("type", "application/geo+json");
    for (String rel : List.of("collection", "parent")) {
      links
          .addObject()
          .put("rel", rel)
          .put("href", RegionKeys.collection(region.name()).uri())
          .put("type", "application/json");
    }
    for (RegionMapUpdated.Member m : members) {
      links
          .addObject()
          .put("rel", "derived_from")
          .put("href", m.stacItem().uri())
          .put("type", "application/geo+json")
          .put("title", "scene map " + m.sceneId());
    }
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(
        new Asset(
            "stac-item",
            "item.json",
            bytes,
            "application/geo+json",
            "STAC Item of the region version",
            List.of("metadata"),
            Map.of()));
  }
}
