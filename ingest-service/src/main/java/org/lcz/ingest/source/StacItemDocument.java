package org.lcz.ingest.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lcz.contract.Sensors;
import org.lcz.contract.SpectralBands;
import org.lcz.contract.UnknownSensorException;
import org.lcz.raster.AcquisitionTime;
import org.lcz.raster.RasterException;

/**
 * The parts of a STAC Item (1.0) a scene needs: its id, its properties and its assets, each with
 * the band it holds (from the asset key — Earth Search's common names such as {@code red},
 * Planetary Computer's {@code B04} — or from {@code eo:bands}) and the {@code raster:bands} scale
 * and offset.
 *
 * @param id the Item's id
 * @param properties the Item's properties
 * @param assets by asset key, in document order
 */
public record StacItemDocument(String id, JsonNode properties, Map<String, Asset> assets) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /**
   * One asset.
   *
   * @param key the asset key
   * @param href where it is: relative to the Item, {@code s3://…} or {@code http(s)://…}
   * @param band the platform's name of the Sentinel-2 band it holds ({@code B2} …, {@code SCL}), if
   *     any
   * @param scale {@code raster:bands[0].scale}, if given
   * @param offset {@code raster:bands[0].offset}, if given
   */
  public record Asset(
      String key, String href, Optional<String> band, Double scale, Double offset) {}

  /**
   * Reads an Item.
   *
   * @throws RasterException if the text is not a STAC Item
   */
  public static StacItemDocument parse(String name, byte[] json) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (IOException e) {
      throw new RasterException(name + ": not JSON (" + e.getMessage() + ")");
    }
    if (root == null
        || !root.isObject()
        || !"Feature".equals(root.path("type").asText())
        || !root.hasNonNull("stac_version")) {
      throw new RasterException(
          name
              + ": not a STAC Item (a GeoJSON Feature with \"stac_version\"); JSON files in the"
              + " inbox are read as STAC Items, except scene.json manifests");
    }
    JsonNode properties = root.path("properties");
    try {
      Sensors.forPlatform(
          properties.path("platform").asText(null), properties.path("constellation").asText(null));
    } catch (UnknownSensorException e) {
      throw new RasterException(name + ": " + e.getMessage());
    }
    JsonNode assets = root.path("assets");
    if (!assets.isObject() || assets.isEmpty()) {
      throw new RasterException(name + ": the STAC Item has no assets");
    }
    Map<String, Asset> out = new LinkedHashMap<>();
    var fields = assets.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      JsonNode a = e.getValue();
      String href = a.path("href").asText(null);
      if (href == null || href.isBlank()) {
        continue;
      }
      JsonNode raster = a.path("raster:bands").path(0);
      out.put(
          e.getKey(),
          new Asset(
              e.getKey(),
              href,
              band(e.getKey(), a),
              raster.has("scale") ? raster.get("scale").asDouble() : null,
              raster.has("offset") ? raster.get("offset").asDouble() : null));
    }
    return new StacItemDocument(root.path("id").asText(name), root.path("properties"), out);
  }

  private static Optional<String> band(String key, JsonNode asset) {
    if (key.equalsIgnoreCase("scl")) {
      return Optional.of("SCL");
    }
    Optional<String> byKey = SpectralBands.canonical(key);
    if (byKey.isPresent()) {
      return byKey;
    }
    JsonNode eo = asset.path("eo:bands");
    if (eo.isArray() && eo.size() == 1) {
      JsonNode b = eo.get(0);
      for (String field : List.of("name", "common_name")) {
        Optional<String> n = SpectralBands.canonical(b.path(field).asText(""));
        if (n.isPresent()) {
          return n;
        }
      }
      if (b.path("name").asText("").equalsIgnoreCase("scl")) {
        return Optional.of("SCL");
      }
    }
    return Optional.empty();
  }

  /** The asset holding {@code band} (platform name, or {@code SCL}), if any. */
  public Optional<Asset> asset(String band) {
    return assets.values().stream()
        .filter(a -> a.band().map(b -> b.equalsIgnoreCase(band)).orElse(false))
        .findFirst();
  }

  /** {@code s2:processing_baseline} as a number (e.g. 5.09), if given. */
  public Optional<Double> processingBaseline() {
    JsonNode b = properties.path("s2:processing_baseline");
    if (b.isMissingNode() || b.isNull()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Double.parseDouble(b.asText().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * When the imagery was acquired: {@code datetime}, or {@code start_datetime} when {@code
   * datetime} is null (STAC's way for a range); empty when neither is a time.
   */
  public Optional<Instant> acquiredAt() {
    Optional<Instant> at = AcquisitionTime.parse(properties.path("datetime").asText(null));
    return at.isPresent()
        ? at
        : AcquisitionTime.parse(properties.path("start_datetime").asText(null));
  }

  /** {@code earthsearch:boa_offset_applied}, if given. */
  public Optional<Boolean> boaOffsetApplied() {
    JsonNode b = properties.path("earthsearch:boa_offset_applied");
    return b.isBoolean() ? Optional.of(b.asBoolean()) : Optional.empty();
  }

  /** The bands the Item has assets for, for messages. */
  public List<String> bands() {
    List<String> out = new ArrayList<>();
    assets.values().forEach(a -> a.band().ifPresent(out::add));
    return out;
  }

  /** The asset keys, for messages. */
  public List<String> keys() {
    return List.copyOf(assets.keySet());
  }
}
