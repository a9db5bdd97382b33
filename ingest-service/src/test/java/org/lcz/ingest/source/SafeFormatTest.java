package org.lcz.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.LczEvent;
import org.lcz.events.SceneTiled;
import org.lcz.ingest.inbox.SceneIngestion;
import org.lcz.ingest.inbox.SceneStatus;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.SceneRaster;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectStore;

/**
 * SAFE products written by GDAL's JP2OpenJPEG driver (make_safe.py), as a zip and as a folder,
 * through the real S3 server: band files decoded, placed by MTD_TL.xml, offset removed as
 * MTD_MSIL2A.xml says, clouds masked.
 */
@ExtendWith(LocalStackExtension.class)
class SafeFormatTest {
  private static final List<String> BANDS =
      List.of("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12");
  private static final String NEW =
      "S2B_MSIL2A_20230601T100000_N0509_R122_T33TUN_20230601T120000.SAFE";

  @TempDir static Path dir;

  @BeforeAll
  static void writeProducts() throws Exception {
    Path script = Path.of(SafeFormatTest.class.getResource("make_safe.py").toURI());
    Process p =
        new ProcessBuilder("/usr/bin/python3", script.toString(), dir.toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).as("make_safe.py (python3-gdal, JP2OpenJPEG)").isZero();
  }

  private static SceneTiler tiler(ObjectStore store) {
    return new SceneTiler(store, new SceneTiler.Settings(BANDS, 10, 128, 24));
  }

  /** Uploads a .SAFE folder under a fresh prefix; returns its MTD_MSIL2A.xml key. */
  private static String uploadFolder(ObjectStore store, String name) throws Exception {
    String prefix = "safe/" + UUID.randomUUID() + "/";
    Path root = dir.resolve(name);
    try (var files = Files.walk(root)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String rel = dir.relativize(f).toString().replace('\\', '/');
        store.put(Buckets.INBOX, prefix + rel, f, "application/octet-stream");
      }
    }
    return prefix + name + "/MTD_MSIL2A.xml";
  }

  private static SceneSource open(ObjectStore store, String key, Path work) throws Exception {
    return Plans.open(store, new SafeFormat(BANDS), key, work);
  }

  @Test
  void aZippedProductIsIngestedWithItsOffsetRemovedAndCloudsMasked(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String key = "safe/" + UUID.randomUUID() + "/" + NEW + ".zip";
      store.put(Buckets.INBOX, key, dir.resolve("product.zip"), "application/zip");
      List<LczEvent> events = new ArrayList<>();
      SceneIngestion ingestion =
          new SceneIngestion(
              store,
              tiler(store),
              events::add,
              dir.resolve("work"),
              Clock.systemUTC(),
              Duration.ZERO);
      ObjectInfo object = store.stat(Buckets.INBOX, key);
      assertThat(ingestion.ingest(object)).isEqualTo(SceneIngestion.Outcome.TILED);
      SceneTiled tiled = (SceneTiled) events.get(events.size() - 1);
      SceneManifest manifest = SceneManifest.read(store.read(tiled.manifest()));
      assertThat(manifest.epsg()).isEqualTo(32633);
      assertThat(manifest.width()).isEqualTo(240);
      assertThat(manifest.height()).isEqualTo(200);
      assertThat(manifest.radiometry()).isEqualTo(Radiometry.CANONICAL);
      assertThat(manifest.sampleType()).isEqualTo("Float32");
      // acquired when the product says it started (PRODUCT_START_TIME), not the granule's time
      assertThat(manifest.acquiredAt()).isEqualTo(Instant.parse("2023-06-01T10:00:00.024Z"));
      assertThat(tiled.acquiredAt()).isEqualTo(manifest.acquiredAt());
      assertThat(manifest.maskedShare())
          .isCloseTo(80.0 / 12_000, org.assertj.core.data.Offset.offset(1e-9));
      assertThat(manifest.notes()).anyMatch(n -> n.startsWith("masked: 0.7 %"));
      SceneStatus status = ingestion.status(SceneIngestion.sceneId(object)).orElseThrow();
      assertThat(status.notes())
          .anyMatch(n -> n.startsWith("masked: 0.7 %"))
          .anyMatch(
              n ->
                  n.contains("MTD_MSIL2A.xml (processing baseline 05.09")
                      && n.contains("BOA_ADD_OFFSET -1000"));
      assertThat(Files.list(dir.resolve("work")).toList()).as("work folder cleaned").isEmpty();
    }
  }

  @Test
  void zipAndFolderGiveTheCanonicalValuesOfTheTruth(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore();
        SceneRaster truth = SceneRaster.open(dir.resolve("truth.tif"))) {
      String zipKey = "safe/" + UUID.randomUUID() + "/product.zip";
      store.put(Buckets.INBOX, zipKey, dir.resolve("product.zip"), "application/zip");
      String folderKey = uploadFolder(store, NEW);
      try (SceneSource zip = open(store, zipKey, dir.resolve("w1"));
          SceneSource folder = open(store, folderKey, dir.resolve("w2"))) {
        assertThat(folder.acquiredAt()).isEqualTo(zip.acquiredAt()).isNotNull();
        RasterSource a = tiler(store).prepare(zip).raster();
        RasterSource b = tiler(store).prepare(folder).raster();
        Raster ra = a.read(0, 0, 240, 200);
        Raster rb = b.read(0, 0, 240, 200);
        Raster rt = truth.read(0, 0, 240, 200);
        int[] tenMetre = {0, 1, 2, 6}; // B2 B3 B4 B8 in the platform's order
        int masked = 0;
        for (int t = 0; t < 4; t++) {
          for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 240; x++) {
              double va = ra.getSampleDouble(x, y, tenMetre[t]);
              assertThat(rb.getSampleDouble(x, y, tenMetre[t])).isEqualTo(va);
              boolean cloud = y / 2 >= 10 && y / 2 < 18 && x / 2 >= 20 && x / 2 < 30;
              if (cloud) {
                assertThat(va).isEqualTo(-9999.0);
                masked++;
              } else if (va != rt.getSampleDouble(x, y, t)) {
                throw new AssertionError(
                    "band "
                        + t
                        + " ("
                        + x
                        + ", "
                        + y
                        + "): "
                        + va
                        + " != "
                        + rt.getSampleDouble(x, y, t));
              }
            }
          }
        }
        assertThat(masked).isEqualTo(4 * 16 * 20);
      }
    }
  }

  @Test
  void aProductBeforeBaseline0400HasNoOffsetToRemove(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String key = uploadFolder(store, "old.SAFE");
      try (SceneSource old = open(store, key, dir.resolve("w3"))) {
        assertThat(old.radiometry()).hasValue(Radiometry.CANONICAL);
        // no PRODUCT_START_TIME in this one: the granule's SENSING_TIME
        assertThat(old.acquiredAt()).isEqualTo(Instant.parse("2023-06-01T10:07:43.456Z"));
        SceneTiler.Prepared p = tiler(store).prepare(old);
        assertThat(p.raster().dataType())
            .as("nothing to convert")
            .isEqualTo(java.awt.image.DataBuffer.TYPE_USHORT);
        assertThat(p.notes()).anyMatch(n -> n.contains("processing baseline 03.01"));
      }
    }
  }

  @Test
  void aZipThatIsNoSafeProductIsRefusedWithTheReason(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      Path zip = dir.resolve("other.zip");
      try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
        out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
        out.write("hello".getBytes());
        out.closeEntry();
      }
      String key = "safe/" + UUID.randomUUID() + "/other.zip";
      store.put(Buckets.INBOX, key, zip, "application/zip");
      assertThatThrownBy(() -> open(store, key, dir.resolve("w4")))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining(
              "other.zip: holds no MTD_MSIL2A.xml: not a Sentinel-2 L2A SAFE product");
    }
  }

  @Test
  void anUploadedZipIsCheckedWithoutDecodingABand() throws Exception {
    SafeFormat format = new SafeFormat(BANDS);
    format.check(NEW + ".zip", dir.resolve("product.zip")); // the whole product: passes
    Path notZip = Files.writeString(dir.resolve("fake.zip"), "PK not really");
    assertThatThrownBy(() -> format.check("fake.zip", notZip))
        .isInstanceOf(RasterException.class)
        .hasMessageStartingWith("fake.zip: not a readable zip");
    Path other = dir.resolve("readme.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(other))) {
      out.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
      out.write("hello".getBytes());
      out.closeEntry();
    }
    assertThatThrownBy(() -> format.check("readme.zip", other))
        .hasMessageContaining("readme.zip: holds no MTD_MSIL2A.xml");
    Path bandless = dir.resolve("bandless.zip");
    try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(bandless))) {
      out.putNextEntry(new java.util.zip.ZipEntry("S2.SAFE/MTD_MSIL2A.xml"));
      out.write("<x/>".getBytes());
      out.closeEntry();
    }
    assertThatThrownBy(() -> format.check("bandless.zip", bandless))
        .isInstanceOf(RasterException.class);
  }
}
