package org.lcz.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.common.preprocess.Radiometry;
import org.lcz.common.raster.Georeferencing;
import org.lcz.common.raster.HarmonisedScene;
import org.lcz.common.raster.RasterException;
import org.lcz.common.raster.RasterSource;
import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.ObjectInfo;
import org.lcz.common.storage.ObjectRef;
import org.lcz.common.storage.ObjectStore;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.ingest.tiling.SceneTiler;

/**
 * The real Sentinel-2 crop as it is (EPSG:4326, reflectance fraction with the BOA offset) and as an
 * L2A product in STAC form made from it by GDAL (UInt16 DN, 20 m bands at 20 m, SCL): both reach
 * the same UTM grid with the same canonical values. Skipped when {@code ../shared} is absent.
 */
@ExtendWith(LocalStackExtension.class)
class StacItemFormatTest {
  private static final List<String> BANDS =
      List.of("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12");

  @TempDir static Path dir;
  static Path product;

  @BeforeAll
  static void writeProduct() throws Exception {
    Path sen2 = RealData.sen2();
    product = dir.resolve("product");
    Path script = Path.of(StacItemFormatTest.class.getResource("make_l2a_stac.py").toURI());
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3", script.toString(), sen2.toString(), product.toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).as("make_l2a_stac.py (python3-gdal)").isZero();
  }

  private static String upload(ObjectStore store) throws Exception {
    String folder = "stac/" + UUID.randomUUID() + "/";
    try (var files = Files.list(product)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        store.put(
            Buckets.INBOX, folder + n, f, n.endsWith(".json") ? "application/json" : "image/tiff");
      }
    }
    return folder;
  }

  private static SceneSource open(ObjectStore store, String key, Path work) {
    ObjectInfo item = store.stat(Buckets.INBOX, key);
    SceneFormat.Plan plan = new StacItemFormat(BANDS).plan(item, store);
    Map<ObjectRef, Path> local = new LinkedHashMap<>();
    int n = 0;
    for (ObjectRef part : plan.parts()) {
      Path f = work.resolve("part-" + n++ + ".tif");
      store.download(part, f);
      local.put(part, f);
    }
    return plan.open(local, work);
  }

  @Test
  void theSceneAsItIsAndItsL2aProductReachTheSameGridWithTheSameValues(LocalStack stack)
      throws Exception {
    SceneTiler tiler =
        new SceneTiler(stack.newObjectStore(), new SceneTiler.Settings(BANDS, 10, 128, 24));
    try (ObjectStore store = stack.newObjectStore();
        SceneSource asIs = org.lcz.ingest.source.GeoTiffFormat.open(RealData.sen2())) {
      String folder = upload(store);
      Path work = Files.createDirectories(dir.resolve("work-es"));
      SceneTiler.Prepared a = tiler.prepare(asIs);
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
          SceneTiler.Prepared b = tiler.prepare(stac);
          assertThat(b.notes()).anyMatch(n -> n.startsWith("masked: 0.3 %") && n.contains("cloud"));
          assertThat(b.notes()).noneMatch(n -> n.contains("reprojected"));
          compare(itemName, a.raster(), b.raster());
        }
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
      double mean = sum / n;
      // 10 m bands: the same bilinear warp, then rounding to whole DN; 20 m bands went to 20 m and
      // back, which smooths them but adds no bias. A radiometry error would be 1000 (the offset)
      // or thousands (a fraction read as DN).
      assertThat(mean)
          .as(what + " " + BANDS.get(band) + " mean |as is − STAC| in reflectance × 10000")
          .isLessThan(tenMetres ? 1.5 : 100);
      assertThat(Math.abs(signed / n))
          .as(what + " " + BANDS.get(band) + " |mean (as is − STAC)|")
          .isLessThan(tenMetres ? 0.5 : 10);
    }
  }

  @Test
  void aMissingAssetAndAHrefOutsideTheBucketAreClearErrors(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String folder = "stac/" + UUID.randomUUID() + "/";
      var json = new com.fasterxml.jackson.databind.ObjectMapper();
      var tree =
          (com.fasterxml.jackson.databind.node.ObjectNode)
              json.readTree(product.resolve("earth-search.json").toFile());
      ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("assets")).remove("nir08");
      String item = json.writeValueAsString(tree);
      store.put(Buckets.INBOX, folder + "a.json", item.getBytes(), "application/json");
      assertThatThrownBy(
              () ->
                  new StacItemFormat(BANDS)
                      .plan(store.stat(Buckets.INBOX, folder + "a.json"), store))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("a.json: the STAC Item has no asset for [B8A]");
      String escaping =
          Files.readString(product.resolve("earth-search.json"))
              .replace("./B2_10m.tif", "../../../lcz-models/x.tif");
      store.put(Buckets.INBOX, folder + "b.json", escaping.getBytes(), "application/json");
      assertThatThrownBy(
              () ->
                  new StacItemFormat(BANDS)
                      .plan(store.stat(Buckets.INBOX, folder + "b.json"), store))
          .hasMessageContaining("leaves the inbox bucket");
      store.put(
          Buckets.INBOX,
          folder + "c.json",
          "{\"type\": \"Feature\"}".getBytes(),
          "application/json");
      assertThatThrownBy(
              () ->
                  new StacItemFormat(BANDS)
                      .plan(store.stat(Buckets.INBOX, folder + "c.json"), store))
          .hasMessageContaining("not a STAC Item");
    }
  }
}
