package org.lcz.ingest.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lcz.contract.Radiometry;
import org.lcz.contract.RadiometryCheck;
import org.lcz.contract.RadiometryException;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.raster.SceneRaster;
import org.lcz.stac.StacItemDocument;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;

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

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(30))
          .followRedirects(HttpClient.Redirect.NORMAL)
          .build();

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

  /**
   * Where an asset is: an object of the store, or an address read in place (a JPEG 2000 file there
   * is downloaded first).
   *
   * @param asset the asset, for its format and projection
   */
  record Location(ObjectRef object, URI remote, StacItemDocument.Asset asset) {
    Location(ObjectRef object, URI remote) {
      this(object, remote, null);
    }

    Location of(StacItemDocument.Asset a) {
      return new Location(object, remote, a);
    }
  }

  @Override
  public Plan plan(ObjectInfo object, ObjectStore store) {
    String name = object.ref().fileName();
    if (object.size() > MAX_ITEM_BYTES) {
      throw new RasterException(name + ": " + object.size() + " bytes is not a STAC Item");
    }
    StacItemDocument item = StacItemDocument.parse(name, store.read(object.ref()));
    Map<String, Location> where = locations(name, item, object.ref(), store);
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
        SceneSource source =
            StacItemFormat.open(name, where, local, workDir, declared)
                .acquiredAt(item.acquiredAt().orElse(null));
        for (String note : resolutionNotes(where)) {
          source = source.withNote(note);
        }
        return source;
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
    locations(name, item, ObjectRef.of(Buckets.INBOX, "uploads/" + name), null);
    declared(name, item, spectral(item));
  }

  private List<StacItemDocument.Asset> spectral(StacItemDocument item) {
    return bands.stream().map(item::asset).flatMap(Optional::stream).toList();
  }

  /** Where each wanted band (and SCL, if the Item has it) is. */
  private Map<String, Location> locations(
      String name, StacItemDocument item, ObjectRef itemRef, ObjectStore store) {
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
      where.put(e.getKey(), reachable(name, item, e.getKey(), e.getValue(), itemRef, store));
    }
    scl.ifPresent(a -> where.put("SCL", reachable(name, item, "SCL", a, itemRef, store)));
    return where;
  }

  private record Declared(Radiometry radiometry, String by) {}

  private static SceneSource open(
      String name,
      Map<String, Location> where,
      Map<ObjectRef, Path> local,
      Path workDir,
      Optional<Declared> declared) {
    Map<String, RasterSource> open = new LinkedHashMap<>();
    List<AutoCloseable> resources = new ArrayList<>();
    try {
      for (var e : where.entrySet()) {
        Location l = e.getValue();
        RasterSource band;
        if (l.asset() != null && l.asset().jpeg2000()) {
          Path file =
              l.remote() != null
                  ? download(name, l, workDir.resolve(e.getKey() + ".jp2"))
                  : local.get(l.object());
          band = Jp2Assets.open(name, e.getKey(), l.asset(), file);
        } else {
          band =
              l.remote() != null
                  ? SceneRaster.open(l.remote())
                  : SceneRaster.open(local.get(l.object()));
        }
        open.put(e.getKey(), band);
        resources.add((AutoCloseable) band);
      }
      ProductBands product = ProductBands.of(name, open);
      return new SceneSource(
          product.raster(),
          product.resampling(),
          declared.map(Declared::radiometry),
          declared.map(Declared::by).orElse(null),
          RadiometryCheck.Trust.PROVIDER,
          product.notes(),
          resources,
          product.maskedShare());
    } catch (RuntimeException e) {
      for (AutoCloseable c : resources) {
        try {
          c.close();
        } catch (Exception ignored) {
          // a file handle; nothing more to release
        }
      }
      throw e;
    }
  }

  /**
   * A remote JPEG 2000 asset fetched whole into the work folder (the decoder reads files).
   *
   * @throws RasterException when the server refuses it (4xx: no retry mends that)
   * @throws ObjectStoreException (not permanent) when the server is down, busy (5xx, 429) or
   *     unreachable: the scene is tried again
   */
  private static Path download(String name, Location l, Path to) {
    try {
      HttpResponse<Path> r =
          HTTP.send(
              HttpRequest.newBuilder(l.remote()).timeout(Duration.ofMinutes(10)).GET().build(),
              HttpResponse.BodyHandlers.ofFile(to));
      if (r.statusCode() / 100 != 2) {
        Files.deleteIfExists(to);
        RasterException why = notFetched(name, l, "HTTP " + r.statusCode(), null);
        if (r.statusCode() >= 500 || r.statusCode() == 429) {
          // the server is down or busy: worth another attempt, like a store that is
          throw new ObjectStoreException(why.getMessage(), why);
        }
        throw why;
      }
      return to;
    } catch (IOException e) {
      throw new ObjectStoreException(notFetched(name, l, e.getMessage(), e).getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RasterException(name + ": interrupted while fetching " + l.asset().key(), e);
    }
  }

  private static RasterException notFetched(String name, Location l, String why, Exception e) {
    return new RasterException(
        name
            + ": asset "
            + l.asset().key()
            + " could not be fetched from "
            + shown(l.remote())
            + " ("
            + why
            + ")",
        e);
  }

  /** An address without its query (a presigned address's signature stays out of messages). */
  private static String shown(URI uri) {
    String s = uri.toString();
    int q = s.indexOf('?');
    return q < 0 ? s : s.substring(0, q);
  }

  /** Which bands were taken at another resolution than their own, for the scene's notes. */
  private static List<String> resolutionNotes(Map<String, Location> where) {
    List<String> out = new ArrayList<>();
    for (var e : where.entrySet()) {
      StacItemDocument.Asset a = e.getValue().asset();
      if (a != null && !StacItemDocument.isNative(a, e.getKey())) {
        out.add(
            String.format(
                Locale.ROOT,
                "%s: the Item has no asset at the band's own resolution; %s (%s m) was used",
                e.getKey(),
                a.key(),
                a.metres()));
      }
    }
    return out;
  }

  /**
   * The first address of {@code asset} the platform can read, in this order: an {@code s3://}
   * address on a configured S3 source, an address relative to the Item, an {@code s3://} address
   * into this platform's store (that holds the object, when the store is at hand), an {@code
   * http(s)://} address that declares no authentication. An asset with one address is taken as it
   * is (its failures are met when it is read).
   *
   * @throws RasterException naming the asset and the authentication its addresses need when none is
   *     readable
   */
  private Location reachable(
      String name,
      StacItemDocument item,
      String band,
      StacItemDocument.Asset asset,
      ObjectRef itemRef,
      ObjectStore store) {
    if (asset.jpeg2000()) {
      Jp2Assets.requirePlaced(name, asset);
    }
    if (asset.hrefs().size() <= 1) {
      return locate(name, asset.key(), asset.href(), itemRef).of(asset);
    }
    List<StacItemDocument.Href> ordered =
        asset.hrefs().stream().sorted(Comparator.comparingInt(this::rank)).toList(); // stable
    List<String> refused = new ArrayList<>();
    for (StacItemDocument.Href h : ordered) {
      String lower = h.href().toLowerCase(Locale.ROOT);
      if (lower.startsWith("s3://")) {
        Location l = locate(name, asset.key(), h.href(), itemRef);
        if (l.remote() != null
            || (store == null
                ? Buckets.all().contains(l.object().bucket())
                : exists(store, l.object()))) {
          return l.of(asset);
        }
        refused.add(h.href() + needs(item, h, "is on no configured S3 source"));
      } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
        if (h.authRefs().isEmpty()) {
          return locate(name, asset.key(), h.href(), itemRef).of(asset);
        }
        refused.add(h.href() + needs(item, h, "needs authentication"));
      } else {
        Location l = locate(name, asset.key(), h.href(), itemRef);
        if (store == null || exists(store, l.object())) {
          return l.of(asset);
        }
        refused.add(h.href() + " (not in the inbox)");
      }
    }
    throw new RasterException(
        name
            + ": asset "
            + asset.key()
            + " ("
            + band
            + ") cannot be read without credentials the platform does not hold: "
            + String.join("; ", refused)
            + ". Configure an S3 source for its bucket (lcz.ingest.s3-sources.<name>.endpoint,"
            + " .buckets, .access-key, .secret-key), or put the band files next to the Item with"
            + " relative hrefs");
  }

  /** 0: a configured S3 source, 1: relative, 2: the platform's store, 3: http(s). */
  private int rank(StacItemDocument.Href h) {
    String lower = h.href().toLowerCase(Locale.ROOT);
    if (lower.startsWith("s3://")) {
      String rest = h.href().substring(5);
      int slash = rest.indexOf('/');
      String bucket = slash < 0 ? rest : rest.substring(0, slash);
      return remote.holds(bucket) ? 0 : 2;
    }
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      return 3;
    }
    return 1;
  }

  private static boolean exists(ObjectStore store, ObjectRef ref) {
    try {
      return store.exists(ref.bucket(), ref.key());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** What an address needs, from its {@code auth:refs} and the Item's {@code auth:schemes}. */
  private static String needs(StacItemDocument item, StacItemDocument.Href h, String otherwise) {
    if (h.authRefs().isEmpty()) {
      return " (" + otherwise + ")";
    }
    List<String> described = new ArrayList<>();
    for (String ref : h.authRefs()) {
      String scheme = item.authSchemes().get(ref);
      described.add(
          "\"" + ref + "\"" + (scheme == null || scheme.isBlank() ? "" : " (" + scheme + ")"));
    }
    return " (" + otherwise + "; needs authentication " + String.join(", ", described) + ")";
  }

  private Location locate(String name, String assetKey, String rawHref, ObjectRef item) {
    String href = rawHref.trim();
    String lower = href.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      try {
        return new Location(null, URI.create(href));
      } catch (IllegalArgumentException e) {
        throw new RasterException(name + ": asset " + assetKey + " has a malformed href " + href);
      }
    }
    if (lower.startsWith("s3://")) {
      String rest = href.substring(5);
      int slash = rest.indexOf('/');
      if (slash <= 0 || slash == rest.length() - 1) {
        throw new RasterException(
            name + ": asset " + assetKey + " href " + href + " is not s3://bucket/key");
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
              + assetKey
              + " href "
              + href
              + " is neither relative to the Item nor s3:// nor http(s)://");
    }
    String folder = item.key().substring(0, item.key().lastIndexOf('/') + 1);
    String key = normalise(folder + (href.startsWith("./") ? href.substring(2) : href));
    if (key == null) {
      throw new RasterException(
          name + ": asset " + assetKey + " href " + href + " leaves the inbox bucket");
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
                    Locale.ROOT,
                    "the STAC Item's %s %05.2f",
                    item.processingBaselineProperty().orElseThrow(),
                    baseline.get())
                + applied.map(a -> " with earthsearch:boa_offset_applied " + a).orElse("")));
  }
}
