package org.lcz.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.LczEvent;
import org.lcz.events.SceneRejected;
import org.lcz.ingest.inbox.SceneIngestion;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.raster.Georeferencing;
import org.lcz.raster.HarmonisedScene;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.raster.RealData;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * STAC Items in the Earth Search and Planetary Computer shapes over per-band COGs written by GDAL
 * (make_l2a_stac.py), through the real S3 server and a local HTTP server that honours range
 * requests: hrefs relative, {@code s3://} and {@code http://}; radiometry from raster:bands or the
 * processing baseline, wrong flags corrected by the values; SCL masking; every bad Item refused
 * with its reason. The real Sentinel-2 crop is compared as it is and in STAC form when {@code
 * ../shared} is present.
 */
@ExtendWith(LocalStackExtension.class)
class StacItemFormatTest {
  private static final List<String> BANDS =
      List.of("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;

  /** A synthetic L2A product whose numbers carry no offset (reflectance × 10000). */
  static Path product;

  @BeforeAll
  static void writeProduct() throws Exception {
    // a reflectance fraction in EPSG:4326 (no offset), water in the lower left
    run(
        List.of(
            "/usr/bin/python3",
            "-c",
            String.join(
                "\n",
                "import numpy as np",
                "from osgeo import gdal",
                "w, h = 200, 160",
                "ds = gdal.GetDriverByName('GTiff').Create('"
                    + dir
                    + "/synthetic.tif', w, h, 10,"
                    + " gdal.GDT_Float32)",
                "ds.SetGeoTransform([-56.40, 8.98e-05, 0, -1.45, 0, -8.98e-05])",
                "ds.SetProjection('EPSG:4326')",
                "y, x = np.mgrid[0:h, 0:w]",
                "names = ['B2','B3','B4','B5','B6','B7','B8','B8A','B11','B12']",
                "for i, n in enumerate(names):",
                "    a = 0.03 + 0.01 * i + 0.1 * (np.sin(x / 13.0 + i) * np.cos(y / 17.0) + 1)",
                "    a[100:, :60] = 0.01 + 0.001 * i",
                "    b = ds.GetRasterBand(i + 1)",
                "    b.WriteArray(a.astype('float32'))",
                "    b.SetDescription(n)",
                "ds = None")));
    product = dir.resolve("product");
    cdse = dir.resolve("cdse");
    // the Copernicus form's numbers carry the BOA offset (+1000), as baseline ≥ 04.00's do
    stac(dir.resolve("synthetic.tif"), product, cdse, 1000);
  }

  /** The same product in the Copernicus Data Space's form (JPEG 2000, STAC 1.1). */
  static Path cdse;

  private static void stac(Path source, Path out) throws Exception {
    Path script = Path.of(StacItemFormatTest.class.getResource("make_l2a_stac.py").toURI());
    run(List.of("/usr/bin/python3", script.toString(), source.toString(), out.toString()));
  }

  private static void stac(Path source, Path out, Path cdseOut, int extraDn) throws Exception {
    Path script = Path.of(StacItemFormatTest.class.getResource("make_l2a_stac.py").toURI());
    run(
        List.of(
            "/usr/bin/python3",
            script.toString(),
            source.toString(),
            out.toString(),
            cdseOut.toString(),
            Integer.toString(extraDn)));
  }

  private static void run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor()).as(command.get(1) + " (python3-gdal)").isZero();
  }

  /** Uploads the product's files under a fresh inbox folder; returns the folder. */
  private static String upload(ObjectStore store, Path from) throws Exception {
    String folder = "stac/" + UUID.randomUUID() + "/";
    try (var files = Files.list(from)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        store.put(
            Buckets.INBOX, folder + n, f, n.endsWith(".json") ? "application/json" : "image/tiff");
      }
    }
    return folder;
  }

  /** The Item {@code name} of the product, changed by {@code edit}, stored as {@code key}. */
  private static void putItem(ObjectStore store, String key, String name, Consumer<ObjectNode> edit)
      throws Exception {
    ObjectNode item = (ObjectNode) JSON.readTree(product.resolve(name).toFile());
    edit.accept(item);
    store.put(Buckets.INBOX, key, JSON.writeValueAsBytes(item), "application/json");
  }

  private static ObjectNode asset(ObjectNode item, String key) {
    return (ObjectNode) item.get("assets").get(key);
  }

  private static SceneSource open(ObjectStore store, String key, Path work) throws Exception {
    return Plans.open(store, new StacItemFormat(BANDS), key, work);
  }

  private static SceneTiler tiler(ObjectStore store) {
    return new SceneTiler(store, new SceneTiler.Settings(BANDS, 10, 128, 24));
  }

  private static Raster prepared(ObjectStore store, SceneSource s) {
    RasterSource r = tiler(store).prepare(s).raster();
    return r.read(0, 0, r.width(), r.height());
  }

  @Test
  void bothShapesAndEveryBaselineReachTheSameCanonicalValues(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String folder = upload(store, product);
      Path work = dir.resolve("w-shapes");
      Raster reference;
      try (SceneSource old = open(store, folder + "planetary-computer-0301.json", work)) {
        assertThat(old.radiometry()).hasValue(Radiometry.CANONICAL);
        assertThat(old.declaredBy()).isEqualTo("the STAC Item's s2:processing_baseline 03.01");
        assertThat(old.acquiredAt()).isEqualTo(Instant.parse("2023-01-01T14:00:00Z"));
        SceneTiler.Prepared p = tiler(store).prepare(old);
        assertThat(p.notes())
            .anyMatch(n -> n.startsWith("radiometry: surface reflectance × 10000, as"));
        assertThat(p.notes()).anyMatch(n -> n.startsWith("masked: 0.6 %"));
        reference = p.raster().read(0, 0, p.raster().width(), p.raster().height());
        // the cloud of SCL (rows 2..7, columns 2..9 of the 20 m grid) is nodata in every band
        double[] g = p.raster().geoTransform();
        assertThat(reference.getSampleDouble(5, 5, 0)).isEqualTo(0.0);
      }
      // baseline 05.00 and raster:bands offset −0.1 both claim an offset these numbers do not
      // carry (water at 100–200): the values correct both flags, and the result is the same
      for (String name : List.of("planetary-computer.json", "earth-search.json")) {
        try (SceneSource s = open(store, folder + name, work)) {
          assertThat(s.radiometry()).hasValue(Radiometry.L2A_WITH_OFFSET);
          SceneTiler.Prepared p = tiler(store).prepare(s);
          assertThat(p.notes()).anyMatch(n -> n.contains("the offset was already removed"));
          Raster r = p.raster().read(0, 0, p.raster().width(), p.raster().height());
          assertSame(name, reference, r);
        }
      }
    }
  }

  @Test
  void aCopernicusDataSpaceItemIsReadAtEachBandsOwnResolutionWithItsOffsetRemoved(LocalStack stack)
      throws Exception {
    // CDSE's form: STAC 1.1, JPEG 2000 at 10/20/60 m, keys B02_10m …, "bands", raster:scale and
    // raster:offset on the asset, processing:version; its numbers carry the offset. The primary
    // hrefs are s3://eodata/… (an S3 source played by a local range server), the https alternates
    // need an OpenID login.
    try (ObjectStore store = stack.newObjectStore();
        RangeServer http = new RangeServer(cdse);
        RemoteBuckets remote =
            new RemoteBuckets(
                List.of(
                    new RemoteBuckets.Source(
                        "cdse",
                        java.net.URI.create(http.base()),
                        List.of("eodata"),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        "default")))) {
      String folder = upload(store, product);
      Path work = Files.createDirectories(dir.resolve("w-cdse"));
      Raster reference;
      try (SceneSource old = open(store, folder + "planetary-computer-0301.json", work)) {
        reference = prepared(store, old);
      }
      store.put(Buckets.INBOX, folder + "cdse.json", cdse.resolve("cdse.json"), "application/json");
      StacItemFormat format = new StacItemFormat(BANDS, remote);
      SceneFormat.Plan plan = format.plan(store.stat(Buckets.INBOX, folder + "cdse.json"), store);
      assertThat(plan.parts()).as("nothing of the store but the Item's folder").isEmpty();
      try (SceneSource s = Plans.open(store, format, folder + "cdse.json", work)) {
        assertThat(s.radiometry()).hasValue(Radiometry.L2A_WITH_OFFSET);
        assertThat(s.declaredBy())
            .isEqualTo("the STAC Item's raster:bands (scale 1.0E-4, offset -0.1)");
        assertThat(s.acquiredAt()).isEqualTo(Instant.parse("2023-01-01T14:00:00Z"));
        SceneTiler.Prepared p = tiler(store).prepare(s);
        assertThat(p.notes())
            .anyMatch(n -> n.startsWith("masked: 0.6 %"))
            .noneMatch(n -> n.contains("already removed"))
            .noneMatch(n -> n.contains("own resolution"));
        assertSame(
            "CDSE (offset removed) vs the same numbers without offset",
            reference,
            p.raster().read(0, 0, p.raster().width(), p.raster().height()));
      }
      List<String> fetched = http.requests.stream().map(RangeServer.Request::path).toList();
      assertThat(fetched)
          .as("each band at its own resolution: 10 m for B2, B3, B4, B8, 20 m for the rest")
          .anyMatch(f -> f.endsWith("_B02_10m.jp2"))
          .anyMatch(f -> f.endsWith("_B08_10m.jp2"))
          .anyMatch(f -> f.endsWith("_B05_20m.jp2"))
          .anyMatch(f -> f.endsWith("_SCL_20m.jp2"))
          .noneMatch(f -> f.endsWith("_B02_20m.jp2") || f.endsWith("_B04_20m.jp2"))
          .noneMatch(f -> f.endsWith("_60m.jp2"))
          .allMatch(f -> f.startsWith("/eodata/Sentinel-2/MSI/L2A/"));
      // the same files next to the Item, with relative hrefs: the same values
      String local = upload(store, cdse.resolve("local"));
      try (SceneSource s = open(store, local + "cdse-local.json", work)) {
        SceneTiler.Prepared p = tiler(store).prepare(s);
        assertSame(
            "CDSE, files beside the Item",
            reference,
            p.raster().read(0, 0, p.raster().width(), p.raster().height()));
      }
      assertThat(work.resolve("B2.jp2")).as("a remote JPEG 2000 band is fetched whole").exists();
    }
  }

  @Test
  void aRemoteJpeg2000AssetThatTheServerRefusesIsPermanentAndOneItCannotServeIsRetried(
      LocalStack stack) throws Exception {
    com.sun.net.httpserver.HttpServer server =
        com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
    int[] status = {404};
    server.createContext(
        "/",
        exchange -> {
          exchange.sendResponseHeaders(status[0], -1);
          exchange.close();
        });
    server.start();
    try (ObjectStore store = stack.newObjectStore();
        RemoteBuckets remote =
            new RemoteBuckets(
                List.of(
                    new RemoteBuckets.Source(
                        "cdse",
                        java.net.URI.create(
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/"),
                        List.of("eodata"),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        "default")))) {
      String folder = "stac/" + UUID.randomUUID() + "/";
      store.put(Buckets.INBOX, folder + "cdse.json", cdse.resolve("cdse.json"), "application/json");
      StacItemFormat format = new StacItemFormat(BANDS, remote);
      Path work = Files.createDirectories(dir.resolve("w-refused"));
      assertThatThrownBy(() -> Plans.open(store, format, folder + "cdse.json", work))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("cdse.json: asset B02_10m could not be fetched from http://")
          .hasMessageContaining("(HTTP 404)");
      status[0] = 503;
      assertThatThrownBy(() -> Plans.open(store, format, folder + "cdse.json", work))
          .isInstanceOfSatisfying(
              org.lcz.storage.ObjectStoreException.class,
              e -> assertThat(e.permanent()).as("a server that is down: tried again").isFalse())
          .hasMessageContaining("(HTTP 503)");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aCopernicusItemWhoseAddressesNeedCredentialsIsRefusedNamingThem(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String folder = "stac/" + UUID.randomUUID() + "/";
      store.put(Buckets.INBOX, folder + "cdse.json", cdse.resolve("cdse.json"), "application/json");
      List<LczEvent> events = new ArrayList<>();
      SceneIngestion ingestion =
          new SceneIngestion(
              store,
              tiler(store),
              events::add,
              dir.resolve("work-auth"),
              Clock.systemUTC(),
              Duration.ZERO);
      assertThat(ingestion.ingest(store.stat(Buckets.INBOX, folder + "cdse.json")))
          .isEqualTo(SceneIngestion.Outcome.REJECTED);
      assertThat(((SceneRejected) events.get(events.size() - 1)).reason())
          .contains("asset B02_10m (B2) cannot be read without credentials")
          .contains("s3://eodata/Sentinel-2/MSI/L2A/2023/01/01/")
          .contains("is on no configured S3 source; needs authentication \"s3\" (s3)")
          .contains(
              "needs authentication \"oidc\" (openIdConnect,"
                  + " https://identity.dataspace.copernicus.eu/")
          .contains("lcz.ingest.s3-sources");
      // a JPEG 2000 asset the Item does not place is refused before anything is read
      String local = upload(store, cdse.resolve("local"));
      ObjectNode item = (ObjectNode) JSON.readTree(cdse.resolve("local/cdse-local.json").toFile());
      asset(item, "B03_10m").remove("proj:transform");
      store.put(
          Buckets.INBOX, local + "bad.json", JSON.writeValueAsBytes(item), "application/json");
      assertThatThrownBy(
              () ->
                  new StacItemFormat(BANDS)
                      .plan(store.stat(Buckets.INBOX, local + "bad.json"), store))
          .hasMessageContaining(
              "bad.json: asset B03_10m is JPEG 2000 and the Item gives no proj:transform");
    }
  }

  private static void assertSame(String what, Raster a, Raster b) {
    assertThat(b.getWidth()).isEqualTo(a.getWidth());
    for (int band = 0; band < a.getNumBands(); band++) {
      for (int y = 0; y < a.getHeight(); y++) {
        for (int x = 0; x < a.getWidth(); x++) {
          double va = a.getSampleDouble(x, y, band);
          double vb = b.getSampleDouble(x, y, band);
          boolean na = va == 0 || va == HarmonisedScene.NODATA;
          boolean nb = vb == 0 || vb == HarmonisedScene.NODATA;
          if (na != nb || (!na && va != vb)) {
            throw new AssertionError(
                what + " band " + band + " (" + x + ", " + y + "): " + va + " vs " + vb);
          }
        }
      }
    }
  }

  @Test
  void theItemsDatetimeOrTheStartOfItsRangeIsTheAcquisitionElseItIsUnknown(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String folder = upload(store, product);
      Path work = dir.resolve("w-dates");
      putItem(
          store,
          folder + "range.json",
          "earth-search.json",
          i -> {
            ((ObjectNode) i.get("properties")).putNull("datetime");
            ((ObjectNode) i.get("properties")).put("start_datetime", "2023-01-01T13:59:00Z");
            ((ObjectNode) i.get("properties")).put("end_datetime", "2023-01-01T14:01:00Z");
          });
      putItem(
          store,
          folder + "undated.json",
          "earth-search.json",
          i -> ((ObjectNode) i.get("properties")).remove("datetime"));
      try (SceneSource s = open(store, folder + "earth-search.json", work)) {
        assertThat(s.acquiredAt()).isEqualTo(Instant.parse("2023-01-01T14:00:00Z"));
      }
      try (SceneSource s = open(store, folder + "range.json", work)) {
        assertThat(s.acquiredAt()).isEqualTo(Instant.parse("2023-01-01T13:59:00Z"));
      }
      try (SceneSource s = open(store, folder + "undated.json", work)) {
        assertThat(s.acquiredAt()).isNull();
      }
    }
  }

  @Test
  void httpAndS3HrefsAreReadLikeRelativeOnesHttpByRanges(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore();
        RangeServer http = new RangeServer(product)) {
      String folder = upload(store, product);
      Path work = dir.resolve("w-hrefs");
      Raster relative;
      try (SceneSource s = open(store, folder + "earth-search.json", work)) {
        relative = prepared(store, s);
      }
      String other = "elsewhere/" + UUID.randomUUID() + "/";
      store.put(
          Buckets.DATASETS, other + "B3_10m.tif", product.resolve("B3_10m.tif"), "image/tiff");
      putItem(
          store,
          folder + "mixed.json",
          "earth-search.json",
          item -> {
            asset(item, "red").put("href", http.base() + "B4_10m.tif");
            asset(item, "swir16").put("href", http.base() + "B11_20m.tif");
            asset(item, "green")
                .put("href", "s3://" + Buckets.DATASETS + "/" + other + "B3_10m.tif");
          });
      try (SceneSource s = open(store, folder + "mixed.json", work)) {
        assertSame("mixed hrefs", relative, prepared(store, s));
      }
      assertThat(http.requests).anyMatch(r -> r.path().endsWith("B4_10m.tif"));
    }
  }

  @Test
  void s3HrefsIntoOtherConfiguredEndpointsAreReadInPlace(LocalStack stack) throws Exception {
    // a public endpoint (Earth Search's sentinel-cogs on AWS, played by a local range server) and
    // an archive that needs credentials (a bucket of the local S3 server, read at presigned
    // addresses); neither object is downloaded
    Path publicRoot = dir.resolve("public-s3");
    Path cogs = Files.createDirectories(publicRoot.resolve("sentinel-cogs/prod"));
    Files.copy(product.resolve("B4_10m.tif"), cogs.resolve("B4_10m.tif"));
    Files.copy(product.resolve("B11_20m.tif"), cogs.resolve("B11_20m.tif"));
    try (ObjectStore store = stack.newObjectStore();
        RangeServer http = new RangeServer(publicRoot)) {
      String folder = upload(store, product);
      Path work = dir.resolve("w-remote");
      Raster relative;
      try (SceneSource s = open(store, folder + "earth-search.json", work)) {
        relative = prepared(store, s);
      }
      String archive = "other-archive";
      store.ensureBuckets(List.of(archive));
      store.put(archive, "2024/B3_10m.tif", product.resolve("B3_10m.tif"), "image/tiff");
      putItem(
          store,
          folder + "remote.json",
          "earth-search.json",
          item -> {
            asset(item, "red").put("href", "s3://sentinel-cogs/prod/B4_10m.tif");
            asset(item, "swir16").put("href", "s3://sentinel-cogs/prod/B11_20m.tif");
            asset(item, "green").put("href", "s3://" + archive + "/2024/B3_10m.tif");
          });
      var settings = stack.s3Settings();
      try (RemoteBuckets remote =
          new RemoteBuckets(
              List.of(
                  new RemoteBuckets.Source(
                      "earth-search",
                      java.net.URI.create(http.base()),
                      List.of("sentinel-cogs"),
                      java.util.Optional.empty(),
                      java.util.Optional.empty(),
                      "us-west-2"),
                  new RemoteBuckets.Source(
                      "archive",
                      settings.endpoint(),
                      List.of(archive),
                      java.util.Optional.of(settings.accessKey()),
                      java.util.Optional.of(settings.secretKey()),
                      settings.region())))) {
        StacItemFormat format = new StacItemFormat(BANDS, remote);
        SceneFormat.Plan plan =
            format.plan(store.stat(Buckets.INBOX, folder + "remote.json"), store);
        assertThat(plan.parts())
            .extracting(ObjectRef::bucket)
            .as("only the Item's own folder is downloaded")
            .containsOnly(Buckets.INBOX);
        try (SceneSource s = Plans.open(store, format, folder + "remote.json", work)) {
          assertSame("remote s3 hrefs", relative, prepared(store, s));
        }
      }
      // read at the endpoint's path-style address (small files come whole; large ones by ranges,
      // see aLargeRemoteCogIsReadByRangesNotWhole)
      assertThat(http.requests).anyMatch(r -> r.path().equals("/sentinel-cogs/prod/B4_10m.tif"));
    }
  }

  @Test
  void aLargeRemoteCogIsReadByRangesNotWhole() throws Exception {
    Path big = dir.resolve("remote");
    Files.createDirectories(big);
    run(
        List.of(
            "/usr/bin/python3",
            "-c",
            String.join(
                "\n",
                "import numpy as np",
                "from osgeo import gdal",
                "n = 4096",
                "m = gdal.GetDriverByName('MEM').Create('', n, n, 1, gdal.GDT_UInt16)",
                "m.SetGeoTransform([400000, 10, 0, 5000000, 0, -10])",
                "m.SetProjection('EPSG:32633')",
                "m.GetRasterBand(1).WriteArray(np.random.default_rng(3).integers(0, 60000, (n, n),"
                    + " dtype='uint16'))",
                "gdal.Translate('"
                    + big
                    + "/big.tif', m, format='COG',"
                    + " creationOptions=['COMPRESS=DEFLATE', 'BLOCKSIZE=512'])")));
    long size = Files.size(big.resolve("big.tif"));
    try (RangeServer http = new RangeServer(big);
        var raster =
            org.lcz.raster.SceneRaster.open(java.net.URI.create(http.base() + "big.tif"))) {
      assertThat(raster.width()).isEqualTo(4096);
      Raster window = raster.read(3800, 3800, 200, 200);
      assertThat(window.getWidth()).isEqualTo(200);
      long sent = http.requests.stream().mapToLong(RangeServer.Request::bytes).sum();
      assertThat(http.requests).anyMatch(r -> r.range() != null);
      assertThat(sent).as("bytes served of a %d-byte file", size).isLessThan(size / 4);
    }
  }

  @Test
  void badItemsAreRefusedWithTheirReason(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String folder = upload(store, product);
      StacItemFormat format = new StacItemFormat(BANDS);
      putItem(
          store,
          folder + "a.json",
          "earth-search.json",
          i -> ((ObjectNode) i.get("assets")).remove("nir08"));
      assertThatThrownBy(() -> format.plan(store.stat(Buckets.INBOX, folder + "a.json"), store))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("a.json: the STAC Item has no asset for [B8A]");
      putItem(
          store,
          folder + "b.json",
          "earth-search.json",
          i -> asset(i, "blue").put("href", "../../../x.tif"));
      assertThatThrownBy(() -> format.plan(store.stat(Buckets.INBOX, folder + "b.json"), store))
          .hasMessageContaining("asset blue href ../../../x.tif leaves the inbox bucket");
      putItem(
          store,
          folder + "c.json",
          "earth-search.json",
          i -> asset(i, "blue").put("href", "file:///etc/passwd"));
      assertThatThrownBy(() -> format.plan(store.stat(Buckets.INBOX, folder + "c.json"), store))
          .hasMessageContaining("is neither relative to the Item nor s3:// nor http(s)://");
      store.put(
          Buckets.INBOX,
          folder + "d.json",
          "{\"type\": \"Feature\"}".getBytes(),
          "application/json");
      assertThatThrownBy(() -> format.plan(store.stat(Buckets.INBOX, folder + "d.json"), store))
          .hasMessageContaining("not a STAC Item");
      putItem(
          store,
          folder + "e.json",
          "earth-search.json",
          i -> {
            ObjectNode rb = (ObjectNode) asset(i, "red").get("raster:bands").get(0);
            rb.put("scale", 0.001);
          });
      assertThatThrownBy(() -> format.plan(store.stat(Buckets.INBOX, folder + "e.json"), store))
          .hasMessageContaining("raster:bands scale/offset differ between assets");
      putItem(
          store,
          folder + "f.json",
          "earth-search.json",
          i -> ((ObjectNode) i.get("properties")).put("platform", "landsat-8"));
      assertThatThrownBy(() -> format.plan(store.stat(Buckets.INBOX, folder + "f.json"), store))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining(
              "f.json: a scene of Landsat (platform landsat-8): the platform reads Sentinel-2"
                  + " only");
    }
  }

  @Test
  void anUnreachableHrefAndAnAssetOnAnotherGridEndTheSceneRejectedNamingThem(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String folder = upload(store, product);
      run(
          List.of(
              "gdalwarp",
              "-q",
              "-t_srs",
              "EPSG:32722",
              "-tr",
              "10",
              "10",
              product.resolve("B3_10m.tif").toString(),
              dir.resolve("B3_other_crs.tif").toString()));
      store.put(
          Buckets.INBOX,
          folder + "B3_other_crs.tif",
          dir.resolve("B3_other_crs.tif"),
          "image/tiff");
      putItem(
          store,
          folder + "gone.json",
          "earth-search.json",
          i -> asset(i, "red").put("href", "http://127.0.0.1:1/B4.tif"));
      putItem(
          store,
          folder + "grid.json",
          "earth-search.json",
          i -> asset(i, "green").put("href", "B3_other_crs.tif"));
      List<LczEvent> events = new ArrayList<>();
      SceneIngestion ingestion =
          new SceneIngestion(
              store,
              tiler(store),
              events::add,
              dir.resolve("work"),
              Clock.systemUTC(),
              Duration.ZERO);
      assertThat(ingestion.ingest(store.stat(Buckets.INBOX, folder + "gone.json")))
          .isEqualTo(SceneIngestion.Outcome.REJECTED);
      assertThat(((SceneRejected) events.get(events.size() - 1)).reason())
          .contains("http://127.0.0.1:1/B4.tif");
      assertThat(ingestion.ingest(store.stat(Buckets.INBOX, folder + "grid.json")))
          .isEqualTo(SceneIngestion.Outcome.REJECTED);
      assertThat(((SceneRejected) events.get(events.size() - 1)).reason())
          .contains("B3: its coordinate reference system (EPSG:32722) differs")
          .contains("gdalwarp -t_srs EPSG:32721");
    }
  }

  @Test
  void theRealSceneAsItIsAndItsL2aProductReachTheSameGridWithTheSameValues(LocalStack stack)
      throws Exception {
    Path sen2 = RealData.sen2();
    Path real = dir.resolve("real");
    Path realCdse = dir.resolve("real-cdse");
    stac(sen2, real, realCdse, 0);
    try (ObjectStore store = stack.newObjectStore();
        SceneSource asIs = GeoTiffFormat.open(sen2)) {
      String folder = upload(store, real);
      Path work = Files.createDirectories(dir.resolve("work-real"));
      SceneTiler.Prepared a = tiler(store).prepare(asIs);
      assertThat(a.notes())
          .anyMatch(
              n -> n.contains("radiometry detected as surface reflectance as a fraction + 0.1"))
          .anyMatch(
              n ->
                  n.contains("reprojected from sen2.tif (")
                      && n.contains("8.983153E-5 × 8.983153E-5 °")
                      && n.contains("onto EPSG:32721 at 10.0 m"));
      for (String itemName : List.of("earth-search.json", "planetary-computer.json")) {
        try (SceneSource stac = open(store, folder + itemName, work)) {
          assertThat(stac.radiometry()).hasValue(Radiometry.L2A_WITH_OFFSET);
          SceneTiler.Prepared b = tiler(store).prepare(stac);
          assertThat(b.notes()).anyMatch(x -> x.startsWith("masked: 0.3 %") && x.contains("cloud"));
          assertThat(b.notes()).noneMatch(x -> x.contains("reprojected"));
          compare(itemName, a.raster(), b.raster());
        }
      }
      // the Copernicus Data Space's form of the same product (JPEG 2000, STAC 1.1)
      String local = upload(store, realCdse.resolve("local"));
      try (SceneSource stac = open(store, local + "cdse-local.json", work)) {
        assertThat(stac.radiometry()).hasValue(Radiometry.L2A_WITH_OFFSET);
        SceneTiler.Prepared b = tiler(store).prepare(stac);
        assertThat(b.notes()).anyMatch(x -> x.startsWith("masked: 0.3 %") && x.contains("cloud"));
        compare("cdse-local.json", a.raster(), b.raster());
      }
    }
  }

  /** Same CRS, aligned grids; on common pixels the canonical values agree. */
  private static void compare(String what, RasterSource a, RasterSource b) {
    assertThat(Georeferencing.code(a.crs())).isEqualTo(Georeferencing.code(b.crs()));
    double[] ga = a.geoTransform();
    double[] gb = b.geoTransform();
    assertThat(ga[1]).isEqualTo(gb[1]);
    int dx = (int) Math.round((gb[0] - ga[0]) / 10);
    int dy = (int) Math.round((ga[3] - gb[3]) / 10);
    assertThat(Math.abs(gb[0] - ga[0] - 10 * dx)).as("aligned columns").isLessThan(1e-6);
    Raster ra = a.read(0, 0, a.width(), a.height());
    Raster rb = b.read(0, 0, b.width(), b.height());
    for (int band = 0; band < BANDS.size(); band++) {
      boolean tenMetres = List.of("B2", "B3", "B4", "B8").contains(BANDS.get(band));
      double sum = 0;
      double signed = 0;
      int n = 0;
      for (int y = 0; y < b.height(); y++) {
        for (int x = 0; x < b.width(); x++) {
          int xa = x + dx;
          int ya = y + dy;
          if (xa < 0 || ya < 0 || xa >= a.width() || ya >= a.height()) {
            continue;
          }
          double va = ra.getSampleDouble(xa, ya, band);
          double vb = rb.getSampleDouble(x, y, band);
          if (va == HarmonisedScene.NODATA || vb == HarmonisedScene.NODATA) {
            continue;
          }
          sum += Math.abs(va - vb);
          signed += va - vb;
          n++;
        }
      }
      assertThat(n).as(what + " " + BANDS.get(band) + " pixels compared").isGreaterThan(40_000);
      // 10 m bands: the same bilinear warp, then rounding to whole DN; 20 m bands went to 20 m and
      // back, which smooths them but adds no bias. A radiometry error would be 1000 (the offset)
      // or thousands (a fraction read as DN).
      assertThat(sum / n)
          .as(what + " " + BANDS.get(band) + " mean |as is − STAC| in reflectance × 10000")
          .isLessThan(tenMetres ? 1.5 : 100);
      assertThat(Math.abs(signed / n))
          .as(what + " " + BANDS.get(band) + " |mean (as is − STAC)|")
          .isLessThan(tenMetres ? 0.5 : 10);
    }
  }
}
