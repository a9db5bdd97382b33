package org.lcz.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lcz.contract.Radiometry;
import org.lcz.contract.RadiometryCheck;
import org.lcz.contract.RadiometryException;
import org.lcz.raster.RasterException;
import org.lcz.raster.SceneRaster;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * A STAC Item ({@code *.json} in the inbox, other than {@code scene.json}) naming one COG per band:
 * Earth Search's {@code sentinel-2-l2a} (assets {@code blue}, {@code red}, {@code nir08}, {@code
 * scl} …), Microsoft Planetary Computer's (assets {@code B02} … {@code B12}, {@code SCL}), or any
 * Item whose assets carry {@code eo:bands}. Hrefs relative to the Item and {@code s3://} hrefs into
 * this platform's store are downloaded; {@code s3://} hrefs into a bucket of another configured
 * endpoint ({@link RemoteBuckets}) and {@code http(s)://} hrefs are read in place by range
 * requests. Bands at 20 m are resampled onto the finest band's grid (bilinear), the scene
 * classification ({@code SCL}) by nearest neighbour, and pixels it classes as no data, saturated,
 * cloud shadow, cloud or cirrus ({@link MaskedScene#SCL_MASKED}) become nodata. The radiometry is
 * declared by {@code raster:bands} scale and offset, else by {@code s2:processing_baseline} (≥
 * 04.00: the BOA offset of 1,000 is in the numbers unless {@code earthsearch:boa_offset_applied}
 * says it was applied); the tiler holds either against the values.
 */
public final class StacItemFormat implements SceneFormat {
  /** The largest Item read. */
  static final long MAX_ITEM_BYTES = 4 << 20;

  private static final ManifestFormat MANIFEST = new ManifestFormat();

  private final List<String> bands;
  private final RemoteBuckets remote;

  /**
   * @param bands the bands the platform takes from an Item (its band specification)
   */
  public StacItemFormat(List<String> bands) {
    this(bands, RemoteBuckets.none());
  }

  /**
   * @param remote the other S3 endpoints {@code s3://} hrefs may point to
   */
  public StacItemFormat(List<String> bands, RemoteBuckets remote) {
    this.bands = List.copyOf(bands);
    this.remote = remote;
  }

  @Override
  public String name() {
    return "STAC Item (*.json)";
  }

  @Override
  public boolean claims(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith(".json") && !MANIFEST.claims(key);
  }

  @Override
  public boolean ownsFolder() {
    return true;
  }

  /** Where an asset is: an object of the store, or an address read in place. */
  record Location(ObjectRef object, URI remote) {}

  @Override
  public Plan plan(ObjectInfo object, ObjectStore store) {
    String name = object.ref().fileName();
    if (object.size() > MAX_ITEM_BYTES) {
      throw new RasterException(name + ": " + object.size() + " bytes is not a STAC Item");
    }
    StacItemDocument item = StacItemDocument.parse(name, store.read(object.ref()));
    Map<String, Location> where = locations(name, item, object.ref());
    Optional<Declared> declared = declared(name, item, spectral(item));
    List<ObjectRef> parts =
        where.values().stream().map(Location::object).filter(o -> o != null).toList();
    return new Plan() {
      @Override
      public List<ObjectRef> parts() {
        return parts;
      }

      @Override
      public SceneSource open(Map<ObjectRef, Path> local, Path workDir) {
        return StacItemFormat.open(name, where, local, declared)
            .acquiredAt(item.acquiredAt().orElse(null));
      }
    };
  }

  @Override
  public void check(String name, Path file) {
    byte[] json;
    try {
      if (Files.size(file) > MAX_ITEM_BYTES) {
        throw new RasterException(name + ": larger than a STAC Item");
      }
      json = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RasterException(name + ": cannot be read (" + e.getMessage() + ")");
    }
    StacItemDocument item = StacItemDocument.parse(name, json);
    locations(name, item, ObjectRef.of(Buckets.INBOX, "uploads/" + name));
    declared(name, item, spectral(item));
  }

  private List<StacItemDocument.Asset> spectral(StacItemDocument item) {
    return bands.stream().map(item::asset).flatMap(Optional::stream).toList();
  }

  /** Where each wanted band (and SCL, if the Item has it) is. */
  private Map<String, Location> locations(String name, StacItemDocument item, ObjectRef itemRef) {
    Map<String, StacItemDocument.Asset> chosen = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String band : bands) {
      Optional<StacItemDocument.Asset> a = item.asset(band);
      if (a.isPresent()) {
        chosen.put(band, a.get());
      } else {
        missing.add(band);
      }
    }
    if (!missing.isEmpty()) {
      throw new RasterException(
          name
              + ": the STAC Item has no asset for "
              + missing
              + " (looked for common names such as red or nir08, keys such as B04, and eo:bands);"
              + " its assets are "
              + item.keys());
    }
    Optional<StacItemDocument.Asset> scl = item.asset("SCL");
    Map<String, Location> where = new LinkedHashMap<>();
    for (var e : chosen.entrySet()) {
      where.put(e.getKey(), locate(name, e.getValue(), itemRef));
    }
    scl.ifPresent(a -> where.put("SCL", locate(name, a, itemRef)));
    return where;
  }

  private record Declared(Radiometry radiometry, String by) {}

  private static SceneSource open(
      String name,
      Map<String, Location> where,
      Map<ObjectRef, Path> local,
      Optional<Declared> declared) {
    Map<String, SceneRaster> open = new LinkedHashMap<>();
    try {
      for (var e : where.entrySet()) {
        Location l = e.getValue();
        open.put(
            e.getKey(),
            l.remote() != null
                ? SceneRaster.open(l.remote())
                : SceneRaster.open(local.get(l.object())));
      }
      ProductBands product = ProductBands.of(name, open);
      return new SceneSource(
          product.raster(),
          product.resampling(),
          declared.map(Declared::radiometry),
          declared.map(Declared::by).orElse(null),
          RadiometryCheck.Trust.PROVIDER,
          product.notes(),
          new ArrayList<>(open.values()),
          product.maskedShare());
    } catch (RuntimeException e) {
      open.values().forEach(SceneRaster::close);
      throw e;
    }
  }

  private Location locate(String name, StacItemDocument.Asset asset, ObjectRef item) {
    String href = asset.href().trim();
    String lower = href.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return new Location(null, URI.create(href));
      } catch (IllegalArgumentException e) {
        throw new RasterException(
            name + ": asset " + asset.key() + " has a malformed href " + href);
      }
    }
    if (lower.startsWith("s3://")) {
      String rest = href.substring(5);
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw new RasterException(
            name + ": asset " + asset.key() + " href " + href + " is not s3://bucket/key");
      }
      String bucket = rest.substring(0, slash);
      String key = rest.substring(slash + 1);
      return remote
          .locate(bucket, key)
          .map(uri -> new Location(null, uri))
          .orElseGet(() -> new Location(ObjectRef.of(bucket, key), null));
    }
    if (href.contains("://") || href.startsWith("/") || href.contains("\\")) {
      throw new RasterException(
          name
              + ": asset "
              + asset.key()
              + " href "
              + href
              + " is neither relative to the Item nor s3:// nor http(s)://");
    }
    String folder = item.key().substring(0, item.key().lastIndexOf('/') + 1);
    String key = normalise(folder + (href.startsWith("./") ? href.substring(2) : href));
    if (key == null) {
      throw new RasterException(
          name + ": asset " + asset.key() + " href " + href + " leaves the inbox bucket");
    }
    return new Location(ObjectRef.of(item.bucket(), key), null);
  }

  /** {@code a/b/../c} as {@code a/c}; null when it climbs above the bucket. */
  static String normalise(String key) {
    List<String> out = new ArrayList<>();
    for (String part : key.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (out.isEmpty()) {
          return null;
        }
        out.remove(out.size() - 1);
      } else {
        out.add(part);
      }
    }
    return out.isEmpty() ? null : String.join("/", out);
  }

  /** What the Item says of its numbers: {@code raster:bands}, else the processing baseline. */
  private static Optional<Declared> declared(
      String name, StacItemDocument item, List<StacItemDocument.Asset> spectral) {
    List<StacItemDocument.Asset> scaled =
        spectral.stream().filter(a -> a.scale() != null && a.scale() > 0).toList();
    if (!scaled.isEmpty()) {
      StacItemDocument.Asset first = scaled.get(0);
      double s = first.scale();
      double o = first.offset() == null ? 0 : first.offset();
      for (StacItemDocument.Asset a : scaled) {
        double ao = a.offset() == null ? 0 : a.offset();
        if (Math.abs(a.scale() - s) > 1e-12 || Math.abs(ao - o) > 1e-12) {
          throw new RasterException(
              name
                  + ": raster:bands scale/offset differ between assets ("
                  + first.key()
                  + ": "
                  + s
                  + "/"
                  + o
                  + ", "
                  + a.key()
                  + ": "
                  + a.scale()
                  + "/"
                  + ao
                  + "); the platform needs one radiometry for all reflectance bands");
        }
      }
      try {
        Radiometry r = Radiometry.ofScaleAndOffset(s, o);
        return Optional.of(
            new Declared(
                r,
                String.format(
                    Locale.ROOT, "the STAC Item's raster:bands (scale %s, offset %s)", s, o)));
      } catch (RadiometryException e) {
        throw new RasterException(name + ": raster:bands: " + e.getMessage());
      }
    }
    Optional<Double> baseline = item.processingBaseline();
    if (baseline.isEmpty()) {
      return Optional.empty();
    }
    Optional<Boolean> applied = item.boaOffsetApplied();
    boolean offsetInNumbers = baseline.get() >= 4.0 && !applied.orElse(false);
    return Optional.of(
        new Declared(
            offsetInNumbers ? Radiometry.L2A_WITH_OFFSET : Radiometry.CANONICAL,
            String.format(
                    Locale.ROOT, "the STAC Item's s2:processing_baseline %05.2f", baseline.get())
                + applied.map(a -> " with earthsearch:boa_offset_applied " + a).orElse("")));
  }
}
