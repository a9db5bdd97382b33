package org.lcz.stac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lcz.contract.SensorProfile;
import org.lcz.contract.Sensors;
import org.lcz.contract.SpectralBands;
import org.lcz.contract.UnknownSensorException;
import org.lcz.raster.AcquisitionTime;
import org.lcz.raster.RasterException;

/**
 * The parts of a STAC Item (1.0 or 1.1) a scene needs: its id, its properties and its assets, each
 * with the band it holds, its resolution, its scale and offset, its projection and every address it
 * can be read at. Read from the forms of the catalogues in use:
 *
 * <ul>
 *   <li>the band from the asset key (Earth Search's common names such as {@code red}, Planetary
 *       Computer's {@code B04}, the Copernicus Data Space's {@code B04_10m}), else from STAC 1.0's
 *       {@code eo:bands} or STAC 1.1's {@code bands} ({@code name}, {@code common_name}, {@code
 *       eo:common_name});
 *   <li>the resolution from a key's {@code _10m} suffix, else the asset's {@code gsd};
 *   <li>scale and offset from {@code raster:bands[0]} (raster extension 1), else from the asset's
 *       or its first band's {@code raster:scale}/{@code raster:offset} (raster extension 2);
 *   <li>the processing baseline from {@code s2:processing_baseline}, else {@code
 *       processing:version};
 *   <li>the projection ({@code proj:code} or {@code proj:epsg}, {@code proj:transform}, {@code
 *       proj:shape}) from the asset, else from the Item's properties;
 *   <li>addresses: the {@code href}, then each {@code alternate} (the alternate-assets extension),
 *       each with the {@code auth:refs} it needs (the authentication extension).
 * </ul>
 *
 * @param id the Item's id
 * @param properties the Item's properties
 * @param assets by asset key, in document order
 * @param authSchemes the Item's {@code auth:schemes} by name (what each needs, for messages)
 */
public record StacItemDocument(
    String id, JsonNode properties, Map<String, Asset> assets, Map<String, String> authSchemes) {
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  /** A key with a resolution suffix: {@code B02_10m}, {@code SCL_20m}. */
  private static final Pattern WITH_RESOLUTION =
      Pattern.compile("(?i)([a-z0-9]+)_([0-9]+(?:\\.[0-9]+)?)m");

  /** The resolution of the scene classification where its producer makes it. */
  static final double SCL_METRES = 20;

  /**
   * One address of an asset.
   *
   * @param name {@code href} for the asset's own, else the alternate's key ({@code https}, {@code
   *     s3} …)
   * @param href the address: relative to the Item, {@code s3://…} or {@code http(s)://…}
   * @param authRefs the authentication schemes it needs (empty: none declared)
   */
  public record Href(String name, String href, List<String> authRefs) {
    public Href {
      authRefs = List.copyOf(authRefs);
    }
  }

  /**
   * Where an asset's pixels sit: STAC's projection extension.
   *
   * @param code the CRS as {@code EPSG:n} (from {@code proj:code} or {@code proj:epsg}), if given
   * @param transform {@code proj:transform} (GDAL's order: a, b, c, d, e, f), if given
   * @param shape {@code proj:shape} (rows, columns), if given
   */
  public record Projection(String code, double[] transform, int[] shape) {
    /** GDAL's geotransform of the grid (x0, dx, rx, y0, ry, dy), or null without a transform. */
    public double[] geoTransform() {
      return transform == null
          ? null
          : new double[] {
            transform[2], transform[0], transform[1], transform[5], transform[3], transform[4]
          };
    }
  }

  /**
   * One asset.
   *
   * @param key the asset key
   * @param href where it is: relative to the Item, {@code s3://…} or {@code http(s)://…}
   * @param band the platform's name of the Sentinel-2 band it holds ({@code B2} …, {@code SCL}), if
   *     any
   * @param scale the scale of its numbers, if given
   * @param offset the offset of its numbers, if given
   * @param metres its resolution, if given (key suffix or {@code gsd})
   * @param type its media type, if given
   * @param hrefs its own address then its alternates, in document order
   * @param projection its grid as the projection extension gives it
   */
  public record Asset(
      String key,
      String href,
      Optional<String> band,
      Double scale,
      Double offset,
      Double metres,
      String type,
      List<Href> hrefs,
      Projection projection) {
    public Asset {
      hrefs = List.copyOf(hrefs);
    }

    /** An asset with one address and nothing more than a band, a scale and an offset. */
    public Asset(String key, String href, Optional<String> band, Double scale, Double offset) {
      this(
          key,
          href,
          band,
          scale,
          offset,
          null,
          null,
          List.of(new Href("href", href, List.of())),
          new Projection(null, null, null));
    }

    /** Whether it is a JPEG 2000 file (by media type, else by name). */
    public boolean jpeg2000() {
      if (type != null && !type.isBlank()) {
        return type.toLowerCase(Locale.ROOT).startsWith("image/jp2");
      }
      String h = href.toLowerCase(Locale.ROOT);
      int q = h.indexOf('?');
      return (q < 0 ? h : h.substring(0, q)).endsWith(".jp2");
    }
  }

  /**
   * Reads an Item.
   *
   * @throws RasterException if the text is not a STAC Item, or is one of a sensor the platform does
   *     not read
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
    Projection itemProjection = projection(properties, new Projection(null, null, null));
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
      JsonNode firstBand = a.path("bands").path(0);
      Double scale = number(raster, "scale");
      Double offset = number(raster, "offset");
      if (scale == null && offset == null) {
        scale = first(number(a, "raster:scale"), number(firstBand, "raster:scale"));
        offset = first(number(a, "raster:offset"), number(firstBand, "raster:offset"));
      }
      out.put(
          e.getKey(),
          new Asset(
              e.getKey(),
              href,
              band(e.getKey(), a),
              scale,
              offset,
              metres(e.getKey(), a),
              a.path("type").asText(null),
              hrefs(href, a),
              projection(a, itemProjection)));
    }
    Map<String, String> schemes = new LinkedHashMap<>();
    root.path("auth:schemes")
        .fields()
        .forEachRemaining(s -> schemes.put(s.getKey(), describe(s.getValue())));
    properties
        .path("auth:schemes")
        .fields()
        .forEachRemaining(s -> schemes.putIfAbsent(s.getKey(), describe(s.getValue())));
    return new StacItemDocument(root.path("id").asText(name), properties, out, schemes);
  }

  private static Double first(Double a, Double b) {
    return a != null ? a : b;
  }

  private static Double number(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isNumber() ? v.asDouble() : null;
  }

  private static List<Href> hrefs(String href, JsonNode asset) {
    List<Href> out = new ArrayList<>();
    out.add(new Href("href", href, strings(asset.path("auth:refs"))));
    asset
        .path("alternate")
        .fields()
        .forEachRemaining(
            alt -> {
              String h = alt.getValue().path("href").asText(null);
              if (h != null && !h.isBlank()) {
                out.add(new Href(alt.getKey(), h, strings(alt.getValue().path("auth:refs"))));
              }
            });
    return out;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array.isArray()) {
      array.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  private static String describe(JsonNode scheme) {
    String type = scheme.path("type").asText("");
    String where =
        scheme
            .path("openIdConnectUrl")
            .asText(
                scheme
                    .path("flows")
                    .path("authorizationCode")
                    .path("tokenUrl")
                    .asText(scheme.path("description").asText("")));
    return where.isBlank() ? type : type + ", " + where;
  }

  private static Projection projection(JsonNode node, Projection fallback) {
    String code = node.path("proj:code").asText(null);
    if ((code == null || code.isBlank()) && node.path("proj:epsg").isIntegralNumber()) {
      code = "EPSG:" + node.path("proj:epsg").asInt();
    }
    double[] transform = null;
    JsonNode t = node.path("proj:transform");
    if (t.isArray() && (t.size() == 6 || t.size() == 9)) {
      transform = new double[6];
      for (int i = 0; i < 6; i++) {
        transform[i] = t.get(i).asDouble();
      }
    }
    int[] shape = null;
    JsonNode s = node.path("proj:shape");
    if (s.isArray() && s.size() == 2) {
      shape = new int[] {s.get(0).asInt(), s.get(1).asInt()};
    }
    return new Projection(
        code == null || code.isBlank() ? fallback.code() : code,
        transform == null ? fallback.transform() : transform,
        shape == null ? fallback.shape() : shape);
  }

  /** The resolution an asset states: its key's suffix, else its {@code gsd}. */
  private static Double metres(String key, JsonNode asset) {
    Matcher m = WITH_RESOLUTION.matcher(key);
    if (m.matches()) {
      return Double.parseDouble(m.group(2));
    }
    JsonNode gsd = asset.path("gsd");
    return gsd.isNumber() ? gsd.asDouble() : null;
  }

  private static Optional<String> band(String key, JsonNode asset) {
    Matcher m = WITH_RESOLUTION.matcher(key);
    String bare = m.matches() ? m.group(1) : key;
    if (bare.equalsIgnoreCase("scl")) {
      return Optional.of("SCL");
    }
    Optional<String> byKey = SpectralBands.canonical(bare);
    if (byKey.isPresent()) {
      return byKey;
    }
    for (String array : List.of("eo:bands", "bands")) {
      JsonNode described = asset.path(array);
      if (described.isArray() && described.size() == 1) {
        JsonNode b = described.get(0);
        for (String field : List.of("name", "common_name", "eo:common_name")) {
          Optional<String> n = SpectralBands.canonical(b.path(field).asText(""));
          if (n.isPresent()) {
            return n;
          }
        }
        if (b.path("name").asText("").equalsIgnoreCase("scl")) {
          return Optional.of("SCL");
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The asset holding {@code band} (platform name, or {@code SCL}) at the band's native resolution
   * (Sentinel-2's 10, 20 or 60 m; 20 m for SCL) when the Item offers it at several: the native one,
   * else one whose resolution is not stated, else the nearest; among equals a GeoTIFF before a JPEG
   * 2000 copy (read in place), then document order.
   */
  public Optional<Asset> asset(String band) {
    double nativeMetres =
        band.equalsIgnoreCase("SCL")
            ? SCL_METRES
            : Sensors.SENTINEL_2
                .band(band)
                .map(SensorProfile.Band::metres)
                .map(Integer::doubleValue)
                .orElse(Double.NaN);
    return assets.values().stream()
        .filter(a -> a.band().map(b -> b.equalsIgnoreCase(band)).orElse(false))
        .min(
            Comparator.comparingDouble((Asset a) -> distance(a.metres(), nativeMetres))
                .thenComparing(Asset::jpeg2000));
  }

  private static double distance(Double metres, double nativeMetres) {
    if (metres == null || Double.isNaN(nativeMetres)) {
      return 0.5; // unstated: after the native one, before any other resolution
    }
    double d = Math.abs(Math.log(metres / nativeMetres));
    return d < 1e-9 ? 0 : 1 + d;
  }

  /** Whether {@code asset} is at {@code band}'s native resolution, or says nothing of it. */
  public static boolean isNative(Asset asset, String band) {
    return distance(
            asset.metres(),
            band.equalsIgnoreCase("SCL")
                ? SCL_METRES
                : Sensors.SENTINEL_2.band(band).map(b -> (double) b.metres()).orElse(Double.NaN))
        < 1;
  }

  /**
   * The processing baseline as a number (e.g. 5.09): {@code s2:processing_baseline}, else {@code
   * processing:version} (STAC's processing extension, as the Copernicus Data Space gives it).
   */
  public Optional<Double> processingBaseline() {
    return baseline().map(Map.Entry::getValue);
  }

  /** The property that gave the processing baseline, for messages. */
  public Optional<String> processingBaselineProperty() {
    return baseline().map(Map.Entry::getKey);
  }

  private Optional<Map.Entry<String, Double>> baseline() {
    for (String property : List.of("s2:processing_baseline", "processing:version")) {
      JsonNode b = properties.path(property);
      if (b.isMissingNode() || b.isNull()) {
        continue;
      }
      try {
        return Optional.of(Map.entry(property, Double.parseDouble(b.asText().trim())));
      } catch (NumberFormatException e) {
        // not a baseline number; try the next property
      }
    }
    return Optional.empty();
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
