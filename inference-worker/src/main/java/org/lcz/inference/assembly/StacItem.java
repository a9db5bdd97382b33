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
import java.util.Locale;
import java.util.Map;
import org.lcz.common.lcz.LczCatalog;
import org.lcz.common.lcz.LczClass;
import org.lcz.common.storage.ObjectRef;

/**
 * The STAC Item ({@code item.json}, STAC 1.0.0) of a scene map: footprint and bounding box in WGS
 * 84, the projection extension (EPSG code, grid shape and transform, native bounding box), the
 * raster extension (two uint8 bands, nodata 0, confidence scaled to a probability) and the
 * classification extension listing the 17 LCZ classes with their WUDAPT colours; assets: the COG
 * (data) and the preview (overview).
 */
public final class StacItem {
  static final String PROJECTION =
      "https://stac-extensions.github.io/projection/v2.0.0/schema.json";
  static final String RASTER = "https://stac-extensions.github.io/raster/v1.1.0/schema.json";
  static final String CLASSIFICATION =
      "https://stac-extensions.github.io/classification/v2.0.0/schema.json";

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private StacItem() {}

  /**
   * What the item describes.
   *
   * @param geoTransform the map's grid (output cells)
   * @param tilesByModel how many tiles each model version mapped
   */
  public record Description(
      String sceneId,
      int epsg,
      double[] geoTransform,
      int cols,
      int rows,
      Footprint footprint,
      ObjectRef map,
      ObjectRef preview,
      Map<String, Integer> tilesByModel,
      Instant completedAt,
      Double maskedShare,
      List<String> ingestNotes) {}

  /** The item's JSON bytes. */
  public static byte[] json(Description d) {
    ObjectNode item = JSON.createObjectNode();
    item.put("type", "Feature");
    item.put("stac_version", "1.0.0");
    item.putArray("stac_extensions").add(PROJECTION).add(RASTER).add(CLASSIFICATION);
    item.put("id", d.sceneId() + "-lcz");
    ArrayNode bbox = item.putArray("bbox");
    for (double v : d.footprint().bbox()) {
      bbox.add(v);
    }
    ObjectNode geometry = item.putObject("geometry");
    geometry.put("type", "Polygon");
    ArrayNode ring = geometry.putArray("coordinates").addArray();
    for (double[] p : d.footprint().ring()) {
      ring.addArray().add(p[0]).add(p[1]);
    }
    ObjectNode props = item.putObject("properties");
    props.put("datetime", d.completedAt().toString());
    props.put("created", d.completedAt().toString());
    props.put("title", "Local Climate Zones of scene " + d.sceneId());
    props.put("proj:code", "EPSG:" + d.epsg());
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
    ObjectNode models = props.putObject("lcz:model_versions");
    d.tilesByModel().forEach(models::put);
    if (d.maskedShare() != null) {
      props.put("lcz:masked_share", d.maskedShare());
    }
    if (d.ingestNotes() != null && !d.ingestNotes().isEmpty()) {
      ArrayNode notes = props.putArray("lcz:ingest_notes");
      d.ingestNotes().forEach(notes::add);
    }

    ObjectNode assets = item.putObject("assets");
    ObjectNode map = assets.putObject("map");
    map.put("href", d.map().uri());
    map.put("type", "image/tiff; application=geotiff; profile=cloud-optimized");
    map.put("title", "LCZ map (class, confidence)");
    map.putArray("roles").add("data");
    ArrayNode bands = map.putArray("raster:bands");
    ObjectNode lcz = bands.addObject();
    lcz.put("name", "lcz");
    lcz.put("data_type", "uint8");
    lcz.put("nodata", 0);
    lcz.put("spatial_resolution", Math.abs(g[1]));
    ArrayNode classes = lcz.putArray("classification:classes");
    for (LczClass c : LczCatalog.standard().classes()) {
      ObjectNode k = classes.addObject();
      k.put("value", c.value());
      k.put("name", "lcz_" + c.code().toLowerCase(Locale.ROOT));
      k.put("description", "LCZ " + c.code() + ": " + c.name());
      k.put("color_hint", c.hex().substring(1));
    }
    ObjectNode none = classes.addObject();
    none.put("value", 0);
    none.put("name", "nodata");
    none.put("description", "not mapped");
    none.put("nodata", true);
    ObjectNode confidence = bands.addObject();
    confidence.put("name", "confidence");
    confidence.put("data_type", "uint8");
    confidence.put("nodata", 0);
    confidence.put("scale", 0.01);
    confidence.put("offset", 0);
    confidence.put("description", "probability of the mapped class, in percent");
    ObjectNode preview = assets.putObject("preview");
    preview.put("href", d.preview().uri());
    preview.put("type", "image/png");
    preview.put("title", "Preview in LCZ colours with legend");
    preview.putArray("roles").add("overview");
    item.putArray("links");
    try {
      return JSON.writeValueAsBytes(item);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
