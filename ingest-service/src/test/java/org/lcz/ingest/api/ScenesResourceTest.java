package org.lcz.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneRejected;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.ingest.SampleModels;
import org.lcz.ingest.TopicEvents;
import org.lcz.ingest.inbox.SmallTiles;
import org.lcz.messaging.EventPublisher;
import org.lcz.raster.Gdal;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.Scenes;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** The scenes API against the real broker and S3 server, with GDAL-written scenes. */
@QuarkusTest
@TestProfile(SmallTiles.class)
@WithTestResource(LocalStackTestResource.class)
class ScenesResourceTest {
  private static Path fixtures;

  @Inject ObjectStore store;
  @Inject EventPublisher publisher;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @BeforeAll
  static void writeFixtures() throws Exception {
    fixtures = Files.createTempDirectory("scenes");
    Scenes.write(fixtures);
  }

  private static Response upload(String fixture, String name) throws Exception {
    return given()
        .contentType("image/tiff")
        .queryParam("name", name)
        .body(Files.readAllBytes(fixtures.resolve(fixture)))
        .post("/scenes");
  }

  private static String awaitState(String sceneId, String state) throws Exception {
    Instant deadline = Instant.now().plusSeconds(60);
    String now;
    do {
      now = given().get("/scenes/" + sceneId).then().statusCode(200).extract().path("state");
      if (state.equals(now)) {
        return now;
      }
      Thread.sleep(200);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(sceneId + " stayed " + now + ", expected " + state);
  }

  @Test
  void anUploadedSceneIsTiledAndFollowedToItsMapOverRest() throws Exception {
    String name = "up-" + UUID.randomUUID() + ".tif";
    Response accepted = upload("tiled_deflate_pred2.tif", name);
    accepted.then().statusCode(202).body("state", equalTo("received"));
    String sceneId = accepted.path("sceneId");
    assertThat(accepted.header("Location")).endsWith("/scenes/" + sceneId);
    assertThat(store.exists(Buckets.INBOX, "uploads/" + name)).isTrue();

    awaitState(sceneId, "tiled");
    given()
        .get("/scenes/" + sceneId)
        .then()
        .body("tiles.total", equalTo(6))
        .body("tiles.mapped", equalTo(0))
        .body("manifest", equalTo("s3://lcz-tiles/scenes/" + sceneId + "/manifest.json"))
        .body("source", equalTo("s3://lcz-inbox/uploads/" + name));
    assertThat(
            new TopicEvents(bootstrap)
                .read(Topics.TILES, e -> e instanceof TileReady t && t.sceneId().equals(sceneId)))
        .hasSize(6);

    // inference reports two tiles (one of them twice: a redelivery counts once), then the map
    ObjectRef tile = ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId + "/tiles/0_0.tif");
    for (String t : new String[] {"0_0", "0_1", "0_0"}) {
      publisher
          .publish(new MapTileWritten(sceneId, sceneId + "-" + t, 0, 0, 6, tile, "v1"))
          .get(10, TimeUnit.SECONDS);
    }
    awaitState(sceneId, "mapping");
    given().get("/scenes/" + sceneId).then().body("tiles.mapped", equalTo(2));
    ObjectRef cog = ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId + "/lcz.tif");
    publisher
        .publish(
            new SceneMapCompleted(
                sceneId,
                cog,
                ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId + "/preview.png"),
                ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId + "/item.json"),
                "v1",
                6,
                Instant.now()))
        .get(10, TimeUnit.SECONDS);
    awaitState(sceneId, "done");
    given()
        .get("/scenes/" + sceneId)
        .then()
        .body("tiles.mapped", equalTo(6))
        .body("map.cog", equalTo(cog.uri()))
        .body("map.modelVersion", equalTo("v1"));

    // the list shows it
    given()
        .queryParam("limit", 1000)
        .get("/scenes")
        .then()
        .statusCode(200)
        .body("find { it.sceneId == '" + sceneId + "' }.state", equalTo("done"));
  }

  @Test
  void aMappedSceneIsRemappedFromItsStoredTilesAndItsStatusListsBothMaps() throws Exception {
    String sceneId =
        upload("tiled_deflate_pred2.tif", "remap-" + UUID.randomUUID() + ".tif")
            .then()
            .statusCode(202)
            .extract()
            .path("sceneId");
    awaitState(sceneId, "tiled");
    given()
        .post("/scenes/" + sceneId + "/remap")
        .then()
        .statusCode(409)
        .body(
            "detail",
            equalTo(
                "scene "
                    + sceneId
                    + " is tiled: only a mapped scene can be re-mapped (its first map must be"
                    + " done)"))
        .body("sceneId", equalTo(sceneId));
    ObjectRef firstCog = ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId + "/lcz.tif");
    publisher
        .publish(
            new SceneMapCompleted(sceneId, firstCog, firstCog, firstCog, "v1", 6, Instant.now()))
        .get(10, TimeUnit.SECONDS);
    awaitState(sceneId, "done");

    // a version nobody published is a 404; the current version (published here) maps it again
    given()
        .queryParam("model", "no-such-version")
        .post("/scenes/" + sceneId + "/remap")
        .then()
        .statusCode(404)
        .body(
            "detail",
            equalTo(
                "no published version no-such-version of model msmla (GET /models lists them)"));
    String version = "remap-" + UUID.randomUUID();
    promote(version);
    given()
        .post("/scenes/" + sceneId + "/remap")
        .then()
        .statusCode(202)
        .header("Location", org.hamcrest.Matchers.endsWith("/scenes/" + sceneId))
        .body("modelVersion", equalTo(version))
        .body("tiles", equalTo(6))
        .body("map", equalTo("s3://lcz-maps/scenes/" + sceneId + "/models/" + version + "/lcz.tif"))
        .body("scene.state", equalTo("done"));
    List<TileReady> again =
        new TopicEvents(bootstrap)
                .read(
                    Topics.TILES,
                    e -> e instanceof TileReady t && t.sceneId().equals(sceneId) && t.isRemap())
                .stream()
                .map(TileReady.class::cast)
                .toList();
    List<TileReady> first =
        new TopicEvents(bootstrap)
                .read(
                    Topics.TILES,
                    e -> e instanceof TileReady t && t.sceneId().equals(sceneId) && !t.isRemap())
                .stream()
                .map(TileReady.class::cast)
                .toList();
    assertThat(again).hasSize(6).allMatch(t -> t.remapModel().equals(version));
    assertThat(again)
        .as("the same stored tiles, not a new tiling")
        .extracting(TileReady::tileId, TileReady::tile, TileReady::manifest)
        .containsExactlyInAnyOrderElementsOf(
            first.stream()
                .map(t -> org.assertj.core.groups.Tuple.tuple(t.tileId(), t.tile(), t.manifest()))
                .toList());

    // inference reports the re-map: its own tiles and map, beside the first
    ObjectRef remapCog =
        ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId + "/models/" + version + "/lcz.tif");
    publisher
        .publish(new MapTileWritten(sceneId, sceneId + "-0_0", 0, 0, 6, remapCog, version, true))
        .get(10, TimeUnit.SECONDS);
    until(
        "the re-map listed",
        () ->
            given().get("/scenes/" + sceneId).then().extract().jsonPath().getList("maps").size()
                == 2);
    given()
        .get("/scenes/" + sceneId)
        .then()
        .body("state", equalTo("done"))
        .body("tiles.mapped", equalTo(6))
        .body("map.modelVersion", equalTo("v1"))
        .body("maps.modelVersion", equalTo(List.of("v1", version)))
        .body("maps.state", equalTo(List.of("done", "mapping")))
        .body("maps[1].remap", equalTo(true))
        .body("maps[1].tiles.mapped", equalTo(1));
    given()
        .post("/scenes/" + sceneId + "/remap")
        .then()
        .statusCode(409)
        .body(
            "detail", equalTo("scene " + sceneId + " is being mapped by model version " + version));
    publisher
        .publish(
            new SceneMapCompleted(
                sceneId,
                remapCog,
                remapCog,
                remapCog,
                version,
                6,
                Instant.now(),
                java.util.Map.of("map", remapCog),
                null,
                true))
        .get(10, TimeUnit.SECONDS);
    until(
        "the re-map done",
        () ->
            version.equals(
                given().get("/scenes/" + sceneId).then().extract().path("map.modelVersion")));
    given()
        .get("/scenes/" + sceneId)
        .then()
        .body("map.cog", equalTo(remapCog.uri()))
        .body("maps.state", equalTo(List.of("done", "done")))
        .body("maps.outputs.cog", equalTo(List.of(firstCog.uri(), remapCog.uri())));
    given()
        .post("/scenes/" + sceneId + "/remap")
        .then()
        .statusCode(409)
        .body(
            "detail",
            equalTo(
                "scene "
                    + sceneId
                    + " already has a map by model version "
                    + version
                    + " ("
                    + remapCog.uri()
                    + ")"));
    given().post("/scenes/no-such-scene/remap").then().statusCode(404);

    // a tile gone from the store: refused before anything is sent
    String newer = "remap-" + UUID.randomUUID();
    promote(newer);
    ObjectRef gone = ObjectRef.of(Buckets.TILES, "scenes/" + sceneId + "/tiles/1_2.tif");
    store.delete(gone.bucket(), gone.key());
    int before =
        new TopicEvents(bootstrap)
            .read(Topics.TILES, e -> e instanceof TileReady t && t.sceneId().equals(sceneId))
            .size();
    given()
        .post("/scenes/" + sceneId + "/remap")
        .then()
        .statusCode(409)
        .body(
            "detail",
            equalTo(
                gone.uri()
                    + " of scene "
                    + sceneId
                    + " is no longer stored: drop the scene again to map it anew"));
    assertThat(
            new TopicEvents(bootstrap)
                .read(Topics.TILES, e -> e instanceof TileReady t && t.sceneId().equals(sceneId)))
        .as("nothing sent")
        .hasSize(before);
  }

  /** Publishes version {@code version} of msmla, promoted, and waits until it is current. */
  private void promote(String version) throws Exception {
    publisher.publish(SampleModels.published("msmla", version, true)).get(10, TimeUnit.SECONDS);
    until(
        "version " + version + " current",
        () ->
            given()
                .get("/models")
                .then()
                .extract()
                .jsonPath()
                .getList("findAll { it.current }.version")
                .contains(version));
  }

  /** Waits up to 30 s for {@code condition}, checking every 200 ms. */
  private static void until(String what, java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while (!condition.getAsBoolean()) {
      assertThat(Instant.now()).as(what).isBefore(deadline);
      Thread.sleep(200);
    }
  }

  @Test
  void aScenesViewHasItsExtentQuicklookLayersLegendAndFilesAsTheWebPageNeedsThem()
      throws Exception {
    String sceneId =
        upload("tiled_deflate_pred2.tif", "view-" + UUID.randomUUID() + ".tif").path("sceneId");
    awaitState(sceneId, "tiled");
    // GDAL says where the scene lies and how large it is
    String[] gdal =
        Gdal.python(
                fixtures,
                "from osgeo import gdal, osr\n"
                    + "ds = gdal.Open('tiled_deflate_pred2.tif')\n"
                    + "g = ds.GetGeoTransform()\n"
                    + "srs = osr.SpatialReference(wkt=ds.GetProjection())\n"
                    + "print(srs.GetAuthorityCode(None), ds.RasterXSize, ds.RasterYSize,"
                    + " g[0], g[3] + ds.RasterYSize * g[5], g[0] + ds.RasterXSize * g[1], g[3])\n")
            .trim()
            .split(" ");
    Response view = given().get("/scenes/" + sceneId + "/view");
    view.then()
        .statusCode(200)
        .body("epsg", equalTo(Integer.parseInt(gdal[0])))
        .body("report.state", equalTo("tiled"))
        .body("quicklook", equalTo("/scenes/" + sceneId + "/files/quicklook.png"));
    List<Float> extent = view.path("extent");
    for (int i = 0; i < 4; i++) {
      assertThat(extent.get(i).doubleValue()).isEqualTo(Double.parseDouble(gdal[3 + i]));
    }
    byte[] quicklook =
        given()
            .get("/scenes/" + sceneId + "/files/quicklook.png")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .asByteArray();
    java.awt.image.BufferedImage image =
        javax.imageio.ImageIO.read(new ByteArrayInputStream(quicklook));
    assertThat(image.getWidth()).isEqualTo(Integer.parseInt(gdal[1]));
    assertThat(image.getHeight()).isEqualTo(Integer.parseInt(gdal[2]));
    given().get("/scenes/" + sceneId + "/files/lcz.tif").then().statusCode(404);

    // the map's products, as the inference worker stores and announces them
    String prefix = "scenes/" + sceneId + "/";
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    ObjectRef web = store.put(Buckets.MAPS, prefix + "web-lcz.png", png, "image/png");
    ObjectRef layers =
        store.put(
            Buckets.MAPS,
            prefix + "web-layers.json",
            ("{\"epsg\": 32632, \"extent\": [1, 2, 3, 4], \"layers\": [{\"name\": \"lcz\","
                    + " \"file\": \"web-lcz.png\", \"title\": \"LCZ (raw)\"}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/json");
    ObjectRef areas =
        store.put(
            Buckets.MAPS,
            prefix + "areas.json",
            ("{\"cells\": 10, \"cellsWithoutClass\": 2, \"classes\": ["
                    + "{\"value\": 2, \"lcz\": {\"cells\": 6, \"share\": 0.75, \"km2\": 0.06},"
                    + " \"lczFilter\": {\"cells\": 8, \"share\": 1.0, \"km2\": 0.08}},"
                    + "{\"value\": 9, \"lcz\": {\"cells\": 0, \"share\": 0, \"km2\": 0},"
                    + " \"lczFilter\": {\"cells\": 0, \"share\": 0, \"km2\": 0}},"
                    + "{\"value\": 17, \"lcz\": {\"cells\": 2, \"share\": 0.25, \"km2\": 0.02},"
                    + " \"lczFilter\": {\"cells\": 0, \"share\": 0, \"km2\": 0}}]}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/json");
    ObjectRef cog = ObjectRef.of(Buckets.MAPS, prefix + "lcz.tif");
    java.util.Map<String, ObjectRef> products = new java.util.LinkedHashMap<>();
    products.put("map", cog);
    products.put("areas", areas);
    products.put("web-lcz", web);
    products.put("web-layers", layers);
    publisher
        .publish(new SceneMapCompleted(sceneId, cog, web, layers, "v1", 6, Instant.now(), products))
        .get(10, TimeUnit.SECONDS);
    awaitState(sceneId, "done");
    given()
        .get("/scenes/" + sceneId + "/view")
        .then()
        .statusCode(200)
        .body("layers[0].name", equalTo("lcz"))
        .body("layers[0].url", equalTo("/scenes/" + sceneId + "/files/web-lcz.png"))
        .body("layers[0].extent", equalTo(List.of(1.0f, 2.0f, 3.0f, 4.0f)))
        .body("legend.code", equalTo(List.of("2", "G")))
        .body("legend[0].colour", equalTo("#D10000"))
        .body("legend[0].share", equalTo(0.75f))
        .body("legend[0].shareFiltered", equalTo(1.0f))
        .body("legend[1].name", equalTo("Water"))
        .body("unclassifiedShare", equalTo(0.2f))
        .body("products.name", equalTo(List.of("map", "areas", "web-lcz", "web-layers")))
        .body("products[2].url", equalTo("/scenes/" + sceneId + "/files/web-lcz.png"));
    assertThat(
            given()
                .get("/scenes/" + sceneId + "/files/web-lcz.png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray())
        .isEqualTo(png);
    // only what the map announced is served, whatever else lies beside it
    store.put(Buckets.MAPS, prefix + "other.png", png, "image/png");
    given().get("/scenes/" + sceneId + "/files/other.png").then().statusCode(404);
    given().get("/scenes/no-such-scene/view").then().statusCode(404);
  }

  @Test
  void aStacItemIsUploadedAsJsonAndItsS3AssetsAreTiled() throws Exception {
    String prefix = "assets/" + UUID.randomUUID() + "/";
    // in lcz-datasets, so the inbox watcher does not take it for a scene of its own
    store.put(
        Buckets.DATASETS, prefix + "band.tif", fixtures.resolve("strips_uint16.tif"), "image/tiff");
    StringBuilder assets = new StringBuilder();
    for (String key :
        List.of(
            "blue",
            "green",
            "red",
            "rededge1",
            "rededge2",
            "rededge3",
            "nir",
            "nir08",
            "swir16",
            "swir22")) {
      assets
          .append(assets.length() == 0 ? "" : ",")
          .append("\"")
          .append(key)
          .append("\": {\"href\": \"s3://lcz-datasets/")
          .append(prefix)
          .append("band.tif\"}");
    }
    String item =
        "{\"type\": \"Feature\", \"stac_version\": \"1.0.0\", \"id\": \"x\","
            + " \"properties\": {\"s2:processing_baseline\": \"03.01\"}, \"assets\": {"
            + assets
            + "}}";
    String sceneId =
        given()
            .contentType("application/json")
            .queryParam("name", "item-" + UUID.randomUUID() + ".json")
            .body(item)
            .post("/scenes")
            .then()
            .statusCode(202)
            .extract()
            .path("sceneId");
    awaitState(sceneId, "tiled");
    given()
        .get("/scenes/" + sceneId)
        .then()
        .body("notes", hasItem(containsString("has no SCL band")))
        .body("notes", hasItem(containsString("s2:processing_baseline 03.01")));
    given()
        .contentType("application/json")
        .queryParam("name", "item-" + UUID.randomUUID() + ".json")
        .body(item.replace("\"red\"", "\"other\""))
        .post("/scenes")
        .then()
        .statusCode(422)
        .body("detail", containsString("the STAC Item has no asset for [B4]"));
  }

  @Test
  void anUploadThatCannotBeTiledIsA422WithTheReasonAndARejectedScene() throws Exception {
    Response r = upload("no_crs.tif", "bad-" + UUID.randomUUID() + ".tif");
    r.then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("status", equalTo(422))
        .body("detail", containsString("has no coordinate reference system"))
        .body("sceneId", notNullValue());
    String sceneId = r.path("sceneId");
    given()
        .get("/scenes/" + sceneId)
        .then()
        .body("state", equalTo("rejected"))
        .body("reason", containsString("gdal_translate -a_srs"));
    var rejected =
        new TopicEvents(bootstrap)
            .await(
                Topics.SCENES,
                e -> e instanceof SceneRejected s && s.sceneId().equals(sceneId),
                l -> !l.isEmpty());
    assertThat(rejected).hasSize(1);
    assertThat(store.list(Buckets.TILES, "scenes/" + sceneId + "/")).isEmpty();
  }

  @Test
  void aDecompressionBombOrAnAbsurdSizeIsRefusedWithoutReadingIt() throws Exception {
    upload("bomb_one_strip.tif", "bomb-" + UUID.randomUUID() + ".tif")
        .then()
        .statusCode(422)
        .body("detail", containsString("one internal strip decodes to 6866 MB"));
    upload("absurd_size.tif", "huge-" + UUID.randomUUID() + ".tif")
        .then()
        .statusCode(422)
        .body("detail", containsString("100000 × 100000 px is more than the 4000000 pixels"));
  }

  @Test
  void anUploadOverTheLimitIsA413WhetherItsLengthIsDeclaredOrNot() {
    byte[] big = new byte[2_000_001];
    given()
        .contentType("image/tiff")
        .queryParam("name", "big.tif")
        .body(big)
        .post("/scenes")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body("detail", containsString("lcz.ingest.max-upload-bytes"));
    given()
        .contentType("image/tiff")
        .queryParam("name", "big.tif")
        .body(new ByteArrayInputStream(big)) // chunked: no Content-Length
        .post("/scenes")
        .then()
        .statusCode(413)
        .body("detail", containsString("got at least 2000001"));
    assertThat(store.exists(Buckets.INBOX, "uploads/big.tif")).isFalse();
  }

  @Test
  void theAcquiredParameterDatesAnUploadAndIsKeptAsTheObjectsMetadata() throws Exception {
    String name = "dated-" + UUID.randomUUID() + ".tif";
    Response accepted =
        given()
            .contentType("image/tiff")
            .queryParam("name", name)
            .queryParam("acquired", "2024-05-06")
            .body(Files.readAllBytes(fixtures.resolve("tiled_deflate_pred2.tif")))
            .post("/scenes");
    accepted.then().statusCode(202);
    String sceneId = accepted.path("sceneId");
    assertThat(store.stat(Buckets.INBOX, "uploads/" + name).metadata())
        .containsEntry("acquired", "2024-05-06T00:00:00Z");
    awaitState(sceneId, "tiled");
    SceneManifest manifest =
        SceneManifest.read(
            store.read(ObjectRef.of(Buckets.TILES, "scenes/" + sceneId + "/manifest.json")));
    assertThat(manifest.acquiredAt()).isEqualTo(Instant.parse("2024-05-06T00:00:00Z"));

    given()
        .contentType("image/tiff")
        .queryParam("name", "x.tif")
        .queryParam("acquired", "last tuesday")
        .body(new byte[] {1, 2})
        .post("/scenes")
        .then()
        .statusCode(400)
        .body(
            "detail",
            startsWith("acquired is 'last tuesday', not an acquisition time; give a date"));
  }

  @Test
  void badRequestsAreProblemsAPersonCanActOn() {
    given()
        .contentType("image/tiff")
        .body(new byte[] {1, 2})
        .post("/scenes")
        .then()
        .statusCode(400)
        .body("detail", containsString("POST /scenes?name=x.tif"));
    given()
        .contentType("image/tiff")
        .queryParam("name", "notes.txt")
        .body(new byte[] {1, 2})
        .post("/scenes")
        .then()
        .statusCode(400)
        .body("detail", containsString("ending in .tif"))
        .body("detail", containsString(".json for a STAC Item"));
    given()
        .get("/scenes/no-such-scene")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("detail", equalTo("no scene no-such-scene"));
    given().queryParam("limit", 0).get("/scenes").then().statusCode(400);
    // the findings: permanent client errors answered 503 "try again"
    given()
        .get("/scenes/" + "x".repeat(3000))
        .then()
        .statusCode(400)
        .body(
            "detail",
            equalTo(
                "not a scene id (3000 characters): scene ids are 1 to 200 letters, digits, '.', '_'"
                    + " and '-'"));
    given()
        .contentType("image/tiff")
        .queryParam("name", "n".repeat(300) + ".tif")
        .body(new byte[] {1, 2, 3})
        .post("/scenes")
        .then()
        .statusCode(400)
        .body("detail", containsString("at most 200"));
    // the finding: a limit that is not a number was a 404
    given()
        .queryParam("limit", "abc")
        .get("/scenes")
        .then()
        .statusCode(400)
        .body("detail", equalTo("limit must be within 1..1000, not abc"));
  }

  @Test
  void anInboxObjectCanBeRegisteredByKey() throws Exception {
    String key = "reg-" + UUID.randomUUID() + ".tif";
    given()
        .contentType("application/json")
        .body("{\"key\": \"" + key + "\"}")
        .post("/scenes/register")
        .then()
        .statusCode(404)
        .body("detail", equalTo("no object s3://lcz-inbox/" + key));
    given()
        .contentType("application/json")
        .body("{\"key\": \"notes.txt\"}")
        .post("/scenes/register")
        .then()
        .statusCode(400)
        .body("detail", containsString("not a scene"))
        .body("detail", containsString("STAC Item"));
    given()
        .contentType("application/json")
        .body("{\"key\": \"../lcz-models/msmla/x.tif\"}")
        .post("/scenes/register")
        .then()
        .statusCode(400)
        .body("detail", containsString("holds a '..' segment"));
    given()
        .contentType("application/json")
        .body("{\"key\": ")
        .post("/scenes/register")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    store.put(Buckets.INBOX, key, fixtures.resolve("strips_uint16.tif"), "image/tiff");
    String sceneId =
        given()
            .contentType("application/json")
            .body("{\"key\": \"" + key + "\"}")
            .post("/scenes/register")
            .then()
            .statusCode(202)
            .extract()
            .path("sceneId");
    awaitState(sceneId, "tiled");
  }

  @Test
  void theApiIsDescribedByOpenApiAndSwaggerUi() {
    given()
        .get("/q/openapi?format=json")
        .then()
        .statusCode(200)
        .body("paths", org.hamcrest.Matchers.hasKey("/scenes"))
        .body("paths", org.hamcrest.Matchers.hasKey("/scenes/{sceneId}"))
        .body("paths", org.hamcrest.Matchers.hasKey("/training-runs"));
    given().get("/q/swagger-ui/").then().statusCode(200);
  }
}
