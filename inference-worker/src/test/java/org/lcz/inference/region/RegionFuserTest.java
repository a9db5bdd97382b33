package org.lcz.inference.region;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.EventCodec;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.RegionMemberMapped;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.Topics;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.raster.Gdal;
import org.lcz.raster.SceneRaster;
import org.lcz.scheme.regions.RegionOutline;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * The region loops against the real broker and S3 server, with scene maps written by GDAL: a region
 * defined after two scene maps were made is given both; a redelivered map makes no version; a third
 * scene, in the neighbouring UTM zone, makes exactly one more; a scene mapped again replaces its
 * member.
 */
@ExtendWith(LocalStackExtension.class)
class RegionFuserTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final URI SOURCE = URI.create("/lcz/it/regions");

  @TempDir Path dir;

  /**
   * Writes scene map {@code name}'s probabilities.tif (class {@code c} at {@code pc} %, LCZ G the
   * rest, 255 in the cloud columns {@code [cx0, cx1)}) on a 100 m grid in EPSG:{@code epsg} from
   * ({@code x0}, {@code y0}), and its item.json with the footprint GDAL computes; stores both.
   */
  private Map<String, ObjectRef> sceneMap(
      ObjectStore store,
      String name,
      int epsg,
      double x0,
      double y0,
      int cols,
      int rows,
      int c,
      int pc,
      int cx0,
      int cx1)
      throws Exception {
    Gdal.python(
        dir,
        String.format(
            java.util.Locale.ROOT,
            """
            import json
            import numpy as np
            from osgeo import gdal, osr
            srs = osr.SpatialReference(); srs.ImportFromEPSG(%d)
            ll = osr.SpatialReference(); ll.ImportFromEPSG(4326)
            for s in (srs, ll): s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            cols, rows, x0, y0 = %d, %d, %f, %f
            d = gdal.GetDriverByName('GTiff').Create('%s.tif', cols, rows, 17, gdal.GDT_Byte)
            d.SetGeoTransform([x0, 100, 0, y0, 0, -100]); d.SetProjection(srs.ExportToWkt())
            for k in range(17):
                a = np.zeros((rows, cols), np.uint8)
                if k == %d - 1: a[:] = %d
                if k == 16: a[:] += 100 - %d
                a[:, %d:%d] = 255
                b = d.GetRasterBand(k + 1); b.SetNoDataValue(255); b.WriteArray(a)
            d = None
            m = gdal.GetDriverByName('GTiff').Create('%s-lcz.tif', cols, rows, 1, gdal.GDT_Byte)
            m.SetGeoTransform([x0, 100, 0, y0, 0, -100]); m.SetProjection(srs.ExportToWkt())
            a = np.full((rows, cols), %d, np.uint8); a[:, %d:%d] = 0
            b = m.GetRasterBand(1); b.SetNoDataValue(0); b.SetDescription('lcz'); b.WriteArray(a)
            m = None
            ct = osr.CoordinateTransformation(srs, ll)
            ring = [list(ct.TransformPoint(x, y)[:2]) for x, y in
                    [(x0, y0), (x0 + cols * 100, y0), (x0 + cols * 100, y0 - rows * 100),
                     (x0, y0 - rows * 100), (x0, y0)]]
            json.dump({'type': 'Feature', 'geometry': {'type': 'Polygon', 'coordinates': [ring]}},
                      open('%s.json', 'w'))
            """,
            epsg,
            cols,
            rows,
            x0,
            y0,
            name,
            c,
            pc,
            pc,
            cx0,
            cx1,
            name,
            c,
            cx0,
            cx1,
            name));
    Map<String, ObjectRef> products = new LinkedHashMap<>();
    products.put(
        "map",
        store.put(
            Buckets.MAPS,
            "scenes/" + name + "/lcz.tif",
            dir.resolve(name + "-lcz.tif"),
            "image/tiff"));
    products.put(
        "probabilities",
        store.put(
            Buckets.MAPS,
            "scenes/" + name + "/probabilities.tif",
            dir.resolve(name + ".tif"),
            "image/tiff"));
    products.put(
        "stac-item",
        store.put(
            Buckets.MAPS,
            "scenes/" + name + "/item.json",
            dir.resolve(name + ".json"),
            "application/geo+json"));
    return products;
  }

  private static SceneMapCompleted completed(
      String scene, Map<String, ObjectRef> products, Instant at, Instant acquired) {
    return new SceneMapCompleted(
        scene,
        products.get("map"),
        products.get("map"),
        products.get("stac-item"),
        "v1",
        1,
        at,
        products,
        acquired);
  }

  private static List<RegionMapUpdated> versions(String bootstrap, String region) {
    InboundEvents in = new InboundEvents(new EventCodec());
    List<RegionMapUpdated> out = new ArrayList<>();
    for (var r :
        TopicSnapshot.read(bootstrap, Topics.REGION_MAPS, region, Duration.ofSeconds(30))) {
      if (in.decode(r) instanceof RegionMapUpdated u) {
        out.add(u);
      }
    }
    return out;
  }

  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("not reached within " + timeout);
      }
      Thread.sleep(200);
    }
  }

  @Test
  void aRegionIsKeptCurrentOnceForEachNewMemberSet(LocalStack stack) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    String region = "r-" + UUID.randomUUID().toString().substring(0, 8);
    String run = UUID.randomUUID().toString().substring(0, 8);
    RegionOutline outline = RegionOutline.bbox(9.0, 45.0, 9.05, 45.03);
    try (ObjectStore store = stack.newObjectStore();
        EventPublisher events = new EventPublisher(bootstrap, SOURCE)) {
      // the region's grid in UTM 32N starts at a multiple of 100 m; two scene maps on it, one
      // cloudy in columns 0..9 (of its own grid, which starts where the region's does)
      var grid = org.lcz.scheme.regions.RegionGrid.of(outline, 32632, 100);
      double[] g = grid.geoTransform();
      String a = "a-" + run;
      String b = "b-" + run;
      Instant t = Instant.parse("2025-06-01T10:00:00Z");
      events
          .publish(
              completed(
                  a,
                  sceneMap(store, a, 32632, g[0], g[3], grid.cols(), grid.rows(), 6, 70, 0, 10),
                  t,
                  t))
          .get();
      events
          .publish(
              completed(
                  b,
                  sceneMap(store, b, 32632, g[0], g[3], grid.cols(), grid.rows(), 2, 60, 20, 30),
                  t,
                  t.plusSeconds(86_400)))
          .get();

      RegionCatalogue catalogue = new RegionCatalogue(bootstrap);
      RegionRouter router = new RegionRouter(bootstrap, "router-" + run, catalogue, store, events);
      RegionFuser fuser =
          new RegionFuser(
              bootstrap,
              "fuser-" + run,
              catalogue,
              new RegionAssembler(store, 32, dir.resolve("work")),
              Optional::empty,
              SOURCE,
              Clock.systemUTC());
      List<Thread> threads = List.of(new Thread(catalogue), new Thread(router), new Thread(fuser));
      threads.forEach(Thread::start);
      try {
        // defined after both maps were made: both become members of version 1
        events
            .publish(
                new RegionDefined(
                    region, outline.toGeoJson(), null, null, 32632, 100, "any", Instant.now()))
            .get();
        // the members may arrive one poll apart: a version per member set, the last with both
        await(
            () -> {
              List<RegionMapUpdated> v = versions(bootstrap, region);
              return !v.isEmpty() && v.get(v.size() - 1).members().size() == 2;
            },
            Duration.ofMinutes(2));
        List<RegionMapUpdated> made = versions(bootstrap, region);
        RegionMapUpdated v1 = made.get(made.size() - 1);
        assertThat(made)
            .extracting(RegionMapUpdated::version)
            .startsWith(1)
            .doesNotHaveDuplicates();
        int n = made.size();
        assertThat(v1.version()).isEqualTo(n);
        assertThat(v1.members()).extracting(RegionMapUpdated.Member::sceneId).containsExactly(a, b);
        assertThat(v1.coverage()).isEqualTo(1.0);
        Path cog = store.download(v1.products().get("map"), dir.resolve("v1.tif"));
        try (SceneRaster r = SceneRaster.open(cog)) {
          assertThat(r.bandNames())
              .containsExactly("lcz", "lczFilter", "classProbability", "observations", "agreement");
          var px = r.read(0, 0, r.width(), r.height());
          for (int y = 0; y < r.height(); y++) {
            for (int x = 0; x < r.width(); x++) {
              if (!grid.inside(y * grid.cols() + x)) {
                continue;
              }
              int expected = x < 10 || x >= 20 && x < 30 ? 1 : 2;
              assertThat(px.getSample(x, y, 3))
                  .as("observations at (%d, %d)", x, y)
                  .isEqualTo(expected);
              assertThat(px.getSample(x, y, 0)).isEqualTo(x < 10 ? 2 : 6);
            }
          }
        }
        // the web page's layers: the region's observations and agreement among them
        JsonNode web = JSON.readTree(store.read(v1.products().get("web-layers")));
        assertThat(web.get("layers").findValuesAsText("name"))
            .containsExactly("lczFilter", "lcz", "confidence", "observations", "agreement");
        assertThat(web.at("/epsg").asInt()).isEqualTo(grid.epsg());
        for (String layer : List.of("observations", "agreement")) {
          assertThat(v1.products().get("web-" + layer).key())
              .isEqualTo("regions/" + region + "/v" + n + "/web-" + layer + ".png");
        }
        JsonNode collection = JSON.readTree(store.read(v1.products().get("collection")));
        assertThat(collection.get("lcz:latest_version").asInt()).isEqualTo(n);
        JsonNode item = JSON.readTree(store.read(v1.products().get("stac-item")));
        assertThat(item.at("/properties/start_datetime").asText())
            .isEqualTo("2025-06-01T10:00:00Z");
        assertThat(item.at("/properties/end_datetime").asText()).isEqualTo("2025-06-02T10:00:00Z");
        assertThat(item.get("links").findValuesAsText("rel"))
            .contains("derived_from", "collection");
        Path stac = java.nio.file.Files.createDirectories(dir.resolve("stac"));
        store.download(v1.products().get("collection"), stac.resolve("collection.json"));
        store.download(v1.products().get("stac-item"), stac.resolve("item.json"));
        org.lcz.deploy.testing.StacValidator.assertValid(stac, 2);

        // a redelivered scene map: routed again, no new version
        events.publish(completed(a, v1Products(store, a), t, t)).get();
        await(
            () ->
                TopicSnapshot.read(bootstrap, Topics.REGION_MAPS, region, Duration.ofSeconds(30))
                        .stream()
                        .filter(
                            r ->
                                new InboundEvents(new EventCodec()).decode(r)
                                    instanceof RegionMemberMapped)
                        .count()
                    >= 3,
            Duration.ofMinutes(1));
        Thread.sleep(6000); // beyond the fuser's recheck
        assertThat(versions(bootstrap, region)).hasSize(n);

        // a third scene, in UTM 33N over the whole region: exactly one new version
        double[] corner = {9.0, 45.03};
        var toUtm33 =
            org.apache
                .sis
                .referencing
                .CRS
                .findOperation(
                    org.apache.sis.referencing.CommonCRS.WGS84.normalizedGeographic(),
                    org.apache.sis.referencing.CRS.forCode("EPSG:32633"),
                    null)
                .getMathTransform();
        toUtm33.transform(corner, 0, corner, 0, 1);
        String c = "c-" + run;
        Instant sent = Instant.now();
        events
            .publish(
                completed(
                    c,
                    sceneMap(
                        store,
                        c,
                        32633,
                        Math.floor(corner[0] / 100) * 100 - 1000,
                        Math.ceil(corner[1] / 100) * 100 + 1000,
                        80,
                        60,
                        11,
                        90,
                        0,
                        0),
                    t,
                    t.plusSeconds(2 * 86_400)))
            .get();
        await(() -> versions(bootstrap, region).size() == n + 1, Duration.ofSeconds(60));
        assertThat(Duration.between(sent, Instant.now())).isLessThan(Duration.ofSeconds(60));
        RegionMapUpdated v2 = versions(bootstrap, region).get(n);
        assertThat(v2.members()).hasSize(3);
        Path cog2 = store.download(v2.products().get("map"), dir.resolve("v2.tif"));
        try (SceneRaster r = SceneRaster.open(cog2)) {
          var px = r.read(0, 0, r.width(), r.height());
          int y = grid.rows() / 2;
          assertThat(px.getSample(15, y, 3)).isEqualTo(3); // a, b and c
          assertThat(px.getSample(5, y, 3)).isEqualTo(2); // b and c: a's cloud
        }

        // scene a mapped again (later): its member is replaced, one more version, still 3 members
        Map<String, ObjectRef> again =
            sceneMap(store, a, 32632, g[0], g[3], grid.cols(), grid.rows(), 8, 80, 0, 0);
        events.publish(completed(a, again, t.plusSeconds(3600), t)).get();
        await(() -> versions(bootstrap, region).size() == n + 2, Duration.ofSeconds(60));
        RegionMapUpdated v3 = versions(bootstrap, region).get(n + 1);
        assertThat(v3.members()).hasSize(3);
        assertThat(v3.members())
            .filteredOn(m -> m.sceneId().equals(a))
            .singleElement()
            .satisfies(m -> assertThat(m.map().sha256()).isEqualTo(again.get("map").sha256()));
        Thread.sleep(6000);
        assertThat(versions(bootstrap, region))
            .extracting(RegionMapUpdated::version)
            .doesNotHaveDuplicates()
            .hasSize(n + 2)
            .endsWith(n + 2);
      } finally {
        fuser.stop();
        router.stop();
        catalogue.stop();
        for (Thread th : threads) {
          th.join(30_000);
        }
      }
    }
  }

  @Test
  void aVersionCountsEachScenesMapByTheCurrentModelOrItsLatestMapAsTheRuleSays() {
    Instant defined = Instant.parse("2026-12-01T00:00:00Z");
    RegionDefined current =
        new RegionDefined(
            "r", JSON.createObjectNode(), null, null, 32632, 100, RegionDefined.CURRENT, defined);
    RegionDefined any =
        new RegionDefined(
            "r", JSON.createObjectNode(), null, null, 32632, 100, RegionDefined.ANY, defined);
    RegionMemberMapped aByV1 = member("a", "v1", 1, defined);
    RegionMemberMapped aByV2 = member("a", "v2", 2, defined); // a re-mapped by v2
    RegionMemberMapped aByV1Again = member("a", "v1", 3, defined); // and again by v1, later
    RegionMemberMapped bByV1 = member("b", "v1", 1, defined);
    RegionMemberMapped cBefore =
        member("c", "v2", 1, defined.minusSeconds(60)); // an old definition
    List<RegionMemberMapped> all = List.of(aByV1, aByV2, aByV1Again, bByV1, cBefore);
    assertThat(RegionFuser.due(current, all, Optional.of("v2")))
        .as("the current model's maps only: a's by v2, though a later v1 map exists")
        .containsExactly(aByV2.member());
    assertThat(RegionFuser.due(current, all, Optional.of("v1")))
        .containsExactly(aByV1Again.member(), bByV1.member());
    assertThat(RegionFuser.due(any, all, Optional.of("v2")))
        .as("each scene's latest map")
        .containsExactly(aByV1Again.member(), bByV1.member());
    assertThat(RegionFuser.due(current, all, Optional.empty()))
        .as("no current model known: the latest maps")
        .containsExactly(aByV1Again.member(), bByV1.member());
  }

  private static RegionMemberMapped member(
      String scene, String version, int minute, Instant definedAt) {
    ObjectRef ref = ObjectRef.of(Buckets.MAPS, "scenes/" + scene + "/" + version + "/lcz.tif");
    return new RegionMemberMapped(
        "r",
        scene,
        version,
        null,
        ref,
        ref,
        ref,
        Instant.parse("2026-12-02T00:00:00Z").plusSeconds(60L * minute),
        definedAt);
  }

  private static Map<String, ObjectRef> v1Products(ObjectStore store, String scene) {
    Map<String, ObjectRef> p = new LinkedHashMap<>();
    p.put("map", store.stat(Buckets.MAPS, "scenes/" + scene + "/lcz.tif").ref());
    p.put(
        "probabilities", store.stat(Buckets.MAPS, "scenes/" + scene + "/probabilities.tif").ref());
    p.put("stac-item", store.stat(Buckets.MAPS, "scenes/" + scene + "/item.json").ref());
    return p;
  }
}
