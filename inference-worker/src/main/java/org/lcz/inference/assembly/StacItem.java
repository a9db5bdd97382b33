package org.lcz.inference.assembly;

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
import org.lcz.inference.map.MapKeys;

/**
 * The STAC Item ({@code item.json}, STAC 1.0.0) of a scene map, the last product: footprint and
 * bounding box in WGS 84, the projection extension (EPSG code, grid shape and transform, native
 * bounding box), the raster and classification extensions on the products that hold bands (the LCZ
 * classes with their WUDAPT colours), and every product stored before it as an asset with its
 * roles; the item itself is linked as {@code self}.
 */
public final class StacItem implements SceneProduct {
  static final String PROJECTION =
      "https://stac-extensions.github.io/projection/v1.2.0/schema.json";
  static final String RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json";
  static final String CLASSIFICATION =
      "https://stac-extensions.github.io/classification/v1.1.0/schema.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** The item's object name under the scene's prefix. */
  public static final String FILE_NAME = "item.json";

  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    return List.of(
        new Asset(
            "stac-item",
            FILE_NAME,
            json(scene, earlier),
            "application/geo+json",
            "STAC Item of the scene map",
            List.of("metadata"),
            Map.of()));
  }

  /** The earliest time an acquisition could have when its source does not say. */
  static final String UNKNOWN_START = "1970-01-01T00:00:00Z";

  /**
   * STAC's time of the data: {@code datetime} is when the imagery was acquired. When the source did
   * not say, {@code datetime} is null and the range is as wide as honest ({@code start_datetime}
   * {@value #UNKNOWN_START}, {@code end_datetime} when the map was made), with {@code
   * lcz:acquired_unknown} true; the processing time is never passed off as the acquisition.
   */
  static void putAcquisition(ObjectNode props, Instant acquiredAt, Instant made) {
    if (acquiredAt != null) {
      props.put("datetime", acquiredAt.toString());
    } else {
      props.putNull("datetime");
      props.put("start_datetime", UNKNOWN_START);
      props.put("end_datetime", made.toString());
      props.put("lcz:acquired_unknown", true);
    }
  }

  /** Every stored file as an asset of {@code item}: href, type, title, roles and its fields. */
  public static void putAssets(ObjectNode item, List<Stored> stored) {
    ObjectNode assets = item.putObject("assets");
    for (Stored file : stored) {
      ObjectNode asset = assets.putObject(file.asset().name());
      asset.put("href", file.ref().uri());
      asset.put("type", file.asset().contentType());
      asset.put("title", file.asset().title());
      ArrayNode roles = asset.putArray("roles");
      file.asset().roles().forEach(roles::add);
      file.asset().stacFields().forEach((k, v) -> asset.set(k, JSON.valueToTree(v)));
    }
  }

  /**
   * The Item id of a scene's map: {@code {sceneId}-lcz} for its first map, {@code
   * {sceneId}-lcz-{modelVersion}} for a re-map (both Items are served side by side).
   */
  public static String id(String sceneId, String remapModel) {
    return sceneId + "-lcz" + (remapModel == null ? "" : "-" + remapModel);
  }

  /** The item's JSON bytes. */
  public static byte[] json(AssembledScene d, List<Stored> stored) {
    ObjectNode item = JSON.createObjectNode();
    item.put("type", "Feature");
    item.put("stac_version", "1.0.0");
    item.putArray("stac_extensions").add(PROJECTION).add(RASTER).add(CLASSIFICATION);
    item.put("id", id(d.sceneId(), d.remapModel()));
    ArrayNode bbox = item.putArray("bbox");
    Footprint footprint = d.footprint();
    for (double v : footprint.bbox()) {
      bbox.add(v);
    }
    ObjectNode geometry = item.putObject("geometry");
    geometry.put("type", "Polygon");
    ArrayNode ring = geometry.putArray("coordinates").addArray();
    for (double[] p : footprint.ring()) {
      ring.addArray().add(p[0]).add(p[1]);
    }
    ObjectNode props = item.putObject("properties");
    putAcquisition(props, d.acquiredAt(), d.completedAt());
    props.put("created", d.completedAt().toString());
    props.put("title", "Local Climate Zones of " + d.title());
    props.put("proj:code", "EPSG:" + d.epsg());
    // and the older proj:epsg (projection v1.2 has both): GDAL before 3.10 (its STACIT driver,
    // QGIS on it) reads only that
    props.put("proj:epsg", d.epsg());
    props.putArray("proj:shape").add(d.rows()).add(d.cols());
    double[] g = d.geoTransform();
    props.putArray("proj:transform").add(g[1]).add(g[2]).add(g[0]).add(g[4]).add(g[5]).add(g[3]);
    props
        .putArray("proj:bbox")
        .add(g[0])
        .add(g[3] + d.rows() * g[5])
        .add(g[0] + d.cols() * g[1])
        .add(g[3]);
    props.put("gsd", Math.abs(g[1]));
    props.put("lcz:scene_id", d.sceneId());
    if (d.remapModel() != null) {
      props.put("lcz:remap_model", d.remapModel());
    }
    ObjectNode models = props.putObject("lcz:model_versions");
    d.tilesByModel().forEach(models::put);
    if (d.manifest().maskedShare() != null) {
      props.put("lcz:masked_share", d.manifest().maskedShare());
    }
    if (d.manifest().notes() != null && !d.manifest().notes().isEmpty()) {
      ArrayNode notes = props.putArray("lcz:ingest_notes");
      d.manifest().notes().forEach(notes::add);
    }

    putAssets(item, stored);
    ArrayNode links = item.putArray("links");
    links
        .addObject()
        .put("rel", "self")
        .put("href", MapKeys.product(d.sceneId(), d.remapModel(), FILE_NAME).uri())
        .put("type", "application/geo+json");
    try {
      return JSON.writeValueAsBytes(item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
