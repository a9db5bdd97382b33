package org.lcz.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.deploy.testing.StacValidator;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.events.SceneMapCompleted;
import org.lcz.messaging.EventPublisher;
import org.lcz.stac.StacCatalogue;
import org.lcz.stac.StaticCatalog;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * {@code /stac} against the real broker and S3 server: scene map Items written to the store as the
 * inference worker writes them and announced by SceneMapCompleted, a ModelPublished; every declared
 * conformance class's requests with known answers (bbox, intersects, datetime, ids, collections,
 * paging through next links by GET and POST), asset hrefs a client can fetch, and bad parameters
 * refused with a reason.
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StacResourceTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Five scenes in a row on a stretch of ocean no other test uses, one a month of 2025. */
  private static final double WEST = 160.0;

  private static final double SOUTH = -47.0;

  @Inject EventPublisher publisher;
  @Inject ObjectStore store;

  private final String tag = "stac" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> ids = new ArrayList<>();
  private final byte[] map = "II*\0 a map's bytes, 32 of them.".getBytes(StandardCharsets.UTF_8);
  private long publishedAt;

  private String sceneId(int i) {
    return tag + "-" + i;
  }

  /** A scene map's Item as the inference worker writes it (STAC 1.0, assets as s3:// hrefs). */
  private ObjectNode item(int i) {
    ObjectNode item = JSON.createObjectNode();
    item.put("type", "Feature").put("stac_version", "1.0.0").put("id", sceneId(i) + "-lcz");
    double w = WEST + i * 0.2;
    double e = w + 0.1;
    ArrayNode bbox = item.putArray("bbox").add(w).add(SOUTH).add(e).add(SOUTH + 0.1);
    ObjectNode g = item.putObject("geometry").put("type", "Polygon");
    ArrayNode ring = g.putArray("coordinates").addArray();
    ring.addArray().add(w).add(SOUTH);
    ring.addArray().add(e).add(SOUTH);
    ring.addArray().add(e).add(SOUTH + 0.1);
    ring.addArray().add(w).add(SOUTH + 0.1);
    ring.addArray().add(w).add(SOUTH);
    ObjectNode p = item.putObject("properties");
    if (i == 4) { // acquisition unknown: the honest range
      p.putNull("datetime");
      p.put("start_datetime", "1970-01-01T00:00:00Z");
      p.put("end_datetime", "2026-12-01T00:00:00Z");
    } else {
      p.put("datetime", "2025-0" + (i + 1) + "-15T10:00:00Z");
    }
    p.put("created", "2026-12-01T00:00:00Z");
    item.putObject("assets")
        .putObject("map")
        .put("href", "s3://" + Buckets.MAPS + "/scenes/" + sceneId(i) + "/lcz.tif")
        .put("type", "image/tiff; application=geotiff; profile=cloud-optimized")
        .putArray("roles")
        .add("data");
    item.putArray("links")
        .addObject()
        .put("rel", "self")
        .put("href", "s3://" + Buckets.MAPS + "/scenes/" + sceneId(i) + "/item.json");
    assertThat(bbox).hasSize(4);
    return item;
  }

  @BeforeAll
  void mapFiveScenes() throws Exception {
    for (int i = 0; i < 5; i++) {
      String id = sceneId(i);
      ObjectRef itemRef = ObjectRef.of(Buckets.MAPS, "scenes/" + id + "/item.json");
      ObjectRef cog = ObjectRef.of(Buckets.MAPS, "scenes/" + id + "/lcz.tif");
      store.put(Buckets.MAPS, cog.key(), map, "image/tiff");
      store.put(Buckets.MAPS, itemRef.key(), JSON.writeValueAsBytes(item(i)), "application/json");
      ids.add(id + "-lcz");
    }
    publishedAt = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      String id = sceneId(i);
      publisher
          .publish(
              new SceneMapCompleted(
                  id,
                  ObjectRef.of(Buckets.MAPS, "scenes/" + id + "/lcz.tif"),
                  ObjectRef.of(Buckets.MAPS, "scenes/" + id + "/preview.png"),
                  ObjectRef.of(Buckets.MAPS, "scenes/" + id + "/item.json"),
                  "v1",
                  4,
                  Instant.now()))
          .get(10, TimeUnit.SECONDS);
    }
  }

  private static JsonPath search(String query) {
    return given()
        .get("/stac/search?" + query)
        .then()
        .statusCode(200)
        .contentType(containsString("application/geo+json"))
        .extract()
        .jsonPath();
  }

  private String all() {
    return String.join(",", ids);
  }

  private String everyBox() {
    return WEST + "," + SOUTH + "," + (WEST + 1) + "," + (SOUTH + 0.1);
  }

  @Test
  void eachMappedSceneIsSearchableWithinTenSecondsOfItsEvent() throws Exception {
    JsonPath found;
    do {
      found = search("ids=" + all() + "&limit=100");
      if (found.getInt("numberMatched") == 5) {
        break;
      }
      Thread.sleep(100);
    } while (System.nanoTime() - publishedAt < TimeUnit.SECONDS.toNanos(10));
    assertThat(found.getList("features.id", String.class)).containsExactlyInAnyOrderElementsOf(ids);
    assertThat(found.getList("features.collection", String.class)).containsOnly("lcz-scene-maps");
  }

  private void awaitAll() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (search("ids=" + all()).getInt("numberMatched") < 5) {
      assertThat(System.nanoTime()).as("the five Items arrive").isLessThan(deadline);
      Thread.sleep(100);
    }
  }

  @Test
  void bboxIntersectsAndDatetimeSelectKnownItems() throws Exception {
    awaitAll();
    // the first three footprints (west edges at +0, +0.2, +0.4)
    assertThat(
            search("bbox=" + WEST + "," + SOUTH + "," + (WEST + 0.45) + "," + (SOUTH + 0.05))
                .getList("features.id", String.class))
        .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
    String point =
        "{\"type\":\"Point\",\"coordinates\":[" + (WEST + 0.65) + "," + (SOUTH + 0.05) + "]}";
    assertThat(
            given()
                .queryParam("intersects", point)
                .get("/stac/search")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("features.id", String.class))
        .containsExactly(ids.get(3));
    // February and March 2025: scenes 1 and 2, newest first, and the scene whose acquisition is
    // unknown (its honest range, 1970 until it was mapped, meets every interval, as STAC says)
    assertThat(
            search("bbox=" + everyBox() + "&datetime=2025-02-01T00:00:00Z/2025-03-31T23:59:59Z")
                .getList("features.id", String.class))
        .containsExactly(ids.get(2), ids.get(1), ids.get(4));
    // an open start: only the scene whose acquisition is unknown may be that old
    assertThat(
            search("bbox=" + everyBox() + "&datetime=../1980-01-01T00:00:00Z")
                .getList("features.id", String.class))
        .containsExactly(ids.get(4));
    // one instant (and again the scene of unknown time)
    assertThat(
            search("bbox=" + everyBox() + "&datetime=2025-01-15T10:00:00Z")
                .getList("features.id", String.class))
        .containsExactly(ids.get(0), ids.get(4));
    assertThat(search("bbox=" + everyBox() + "&collections=lcz-models").getInt("numberMatched"))
        .isZero();
  }

  @Test
  void pagesAreFollowedThroughNextLinksByGetAndByPost() throws Exception {
    awaitAll();
    List<String> seen = new ArrayList<>();
    String next = "/stac/search?bbox=" + everyBox() + "&limit=2";
    int pages = 0;
    while (next != null) {
      JsonPath page =
          given().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().jsonPath();
      assertThat(page.getInt("numberMatched")).isEqualTo(5);
      seen.addAll(page.getList("features.id", String.class));
      List<Map<String, Object>> links = page.getList("links");
      next =
          links.stream()
              .filter(l -> "next".equals(l.get("rel")))
              .map(l -> (String) l.get("href"))
              .findFirst()
              .orElse(null);
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();

    List<String> posted = new ArrayList<>();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("bbox", List.of(WEST, SOUTH, WEST + 1, SOUTH + 0.1));
    body.put("collections", List.of("lcz-scene-maps"));
    body.put("limit", 2);
    pages = 0;
    while (body != null) {
      JsonPath page =
          given()
              .contentType("application/json")
              .body(body)
              .post("/stac/search")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      posted.addAll(page.getList("features.id", String.class));
      List<Map<String, Object>> links = page.getList("links");
      Map<String, Object> nextLink =
          links.stream().filter(l -> "next".equals(l.get("rel"))).findFirst().orElse(null);
      if (nextLink != null) {
        assertThat(nextLink.get("method")).isEqualTo("POST");
        @SuppressWarnings("unchecked")
        Map<String, Object> b = (Map<String, Object>) nextLink.get("body");
        body = b;
      } else {
        body = null;
      }
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(posted).containsExactlyElementsOf(seen);
  }

  @Test
  void theLandingPageConformanceCollectionsAndItemsLinkEachOther() throws Exception {
    awaitAll();
    given()
        .get("/stac")
        .then()
        .statusCode(200)
        .body("type", equalTo("Catalog"))
        .body("conformsTo", hasItem("https://api.stacspec.org/v1.0.0/item-search"))
        .body("links.rel", hasItem("search"))
        .body("links.href", hasItem(containsString("/stac/collections/lcz-scene-maps")));
    given()
        .get("/stac/conformance")
        .then()
        .statusCode(200)
        .body("conformsTo", hasItem("https://api.stacspec.org/v1.0.0/collections"));
    given()
        .get("/stac/collections")
        .then()
        .statusCode(200)
        .body("collections.id", hasItem("lcz-scene-maps"))
        .body("collections.id", hasItem("lcz-models"));
    JsonPath c =
        given().get("/stac/collections/lcz-scene-maps").then().statusCode(200).extract().jsonPath();
    List<Float> extent = c.getList("extent.spatial.bbox[0]", Float.class);
    assertThat(extent.get(0)).isLessThanOrEqualTo((float) WEST);
    assertThat(extent.get(2)).isGreaterThanOrEqualTo((float) (WEST + 0.9));
    assertThat(c.getString("extent.temporal.interval[0][0]")).isEqualTo("1970-01-01T00:00:00Z");

    JsonPath items =
        given()
            .get("/stac/collections/lcz-scene-maps/items?bbox=" + everyBox() + "&limit=100")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(items.getList("features.id", String.class)).containsExactlyInAnyOrderElementsOf(ids);

    JsonPath item =
        given()
            .get("/stac/collections/lcz-scene-maps/items/" + ids.get(0))
            .then()
            .statusCode(200)
            .body("collection", equalTo("lcz-scene-maps"))
            .extract()
            .jsonPath();
    List<Map<String, String>> links = item.getList("links");
    assertThat(links)
        .anyMatch(
            l ->
                l.get("rel").equals("self")
                    && l.get("href")
                        .endsWith("/stac/collections/lcz-scene-maps/items/" + ids.get(0)))
        .noneMatch(l -> l.get("href").startsWith("s3://"));
    String href = item.getString("assets.map.href");
    assertThat(href).endsWith("/stac/files/lcz-maps/scenes/" + sceneId(0) + "/lcz.tif");
    assertThat(item.getString("assets.map.alternate.s3.href"))
        .isEqualTo("s3://lcz-maps/scenes/" + sceneId(0) + "/lcz.tif");
    assertThat(given().get(href).then().statusCode(200).extract().asByteArray()).isEqualTo(map);
    // one byte range at a time, as GDAL's /vsicurl/ reads a COG
    io.restassured.response.Response part = given().header("Range", "bytes=2-5").get(href);
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.header("Content-Range")).isEqualTo("bytes 2-5/" + map.length);
    assertThat(part.asByteArray()).isEqualTo(java.util.Arrays.copyOfRange(map, 2, 6));
    assertThat(given().header("Range", "bytes=-4").get(href).asByteArray())
        .isEqualTo(java.util.Arrays.copyOfRange(map, map.length - 4, map.length));
    given().header("Range", "bytes=" + map.length + "-").get(href).then().statusCode(416);
    given().head(href).then().statusCode(200).header("Accept-Ranges", "bytes");
  }

  @Test
  void aPublishedModelIsAnItemOfTheModelsCollection() throws Exception {
    String version = "v" + System.currentTimeMillis();
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    publisher
        .publish(
            new ModelPublished(
                ModelPublished.CURRENT_SCHEMA_VERSION,
                "msmla",
                version,
                ObjectRef.of(Buckets.MODELS, "msmla/" + version + "/model.onnx"),
                ObjectRef.of(Buckets.MODELS, "msmla/" + version + "/model.json"),
                new ModelContract(
                    "MSMLA-18",
                    List.of("B2", "B3"),
                    48,
                    10,
                    Radiometry.CANONICAL,
                    List.of(0.1, 0.2),
                    List.of(1.0, 2.0),
                    List.of(1, 17),
                    List.of("1", "G"),
                    ObjectRef.of(Buckets.DATASETS, "train.h5"),
                    Map.of("oa", 0.9),
                    version,
                    t),
                true,
                "promoted",
                0.93,
                null,
                t))
        .get(10, TimeUnit.SECONDS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    JsonPath found;
    do {
      found = search("collections=lcz-models&ids=model-" + version);
      if (found.getInt("numberMatched") == 1) {
        break;
      }
      Thread.sleep(100);
    } while (System.nanoTime() < deadline);
    assertThat(found.getInt("numberMatched")).isEqualTo(1);
    assertThat(found.getString("features[0].properties.'mlm:architecture'")).isEqualTo("MSMLA-18");
    assertThat(found.getList("features[0].properties.'mlm:input'[0].input.shape", Integer.class))
        .containsExactly(-1, 2, 48, 48);
    assertThat(
            found.getList(
                "features[0].properties.'mlm:output'[0].'classification:classes'.name",
                String.class))
        .containsExactly("1", "G");
    assertThat(found.getString("features[0].assets.model.href"))
        .endsWith("/stac/files/lcz-models/msmla/" + version + "/model.onnx");
    assertThat(found.getString("features[0].properties.datetime"))
        .isEqualTo("2026-11-28T10:00:00Z");
  }

  @Test
  void everyCatalogCollectionItemAndPageServedIsValidStac(@TempDir Path dir) throws Exception {
    awaitAll();
    aPublishedModelIsAnItemOfTheModelsCollection();
    Map<String, String> served = new LinkedHashMap<>();
    served.put("landing.json", "/stac");
    served.put("scene-maps.json", "/stac/collections/lcz-scene-maps");
    served.put("models.json", "/stac/collections/lcz-models");
    served.put("scene.json", "/stac/collections/lcz-scene-maps/items/" + ids.get(0));
    served.put("unknown-time.json", "/stac/collections/lcz-scene-maps/items/" + ids.get(4));
    String model = search("collections=lcz-models&limit=1").getString("features[0].id");
    served.put("model.json", "/stac/collections/lcz-models/items/" + model);
    for (var e : served.entrySet()) {
      Files.write(
          dir.resolve(e.getKey()),
          given()
              .urlEncodingEnabled(false)
              .get(e.getValue())
              .then()
              .statusCode(200)
              .extract()
              .asByteArray());
    }
    // a search page is a GeoJSON FeatureCollection, not a STAC object: its Items are checked
    List<Map<String, Object>> page = search("bbox=" + everyBox() + "&limit=3").getList("features");
    for (int i = 0; i < page.size(); i++) {
      Files.write(dir.resolve("page-" + i + ".json"), JSON.writeValueAsBytes(page.get(i)));
    }
    StacValidator.assertValid(dir, served.size() + page.size());
  }

  @Test
  void theStaticCatalogInTheBucketLinksEveryItemBothWaysAndIsValidStac(@TempDir Path dir)
      throws Exception {
    awaitAll();
    String collection = StaticCatalog.collectionKey(StacCatalogue.SCENE_MAPS);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    for (String id : ids) {
      String key = StaticCatalog.itemKey(StacCatalogue.SCENE_MAPS, id);
      while (!store.exists(Buckets.MAPS, key)) {
        assertThat(System.nanoTime()).as(key + " written").isLessThan(deadline);
        Thread.sleep(100);
      }
    }
    JsonNode root = JSON.readTree(store.read(ObjectRef.of(Buckets.MAPS, StaticCatalog.ROOT)));
    assertThat(root.get("type").asText()).isEqualTo("Catalog");
    assertThat(root.get("links").findValuesAsText("href")).contains("./" + collection);
    JsonNode maps = JSON.readTree(store.read(ObjectRef.of(Buckets.MAPS, collection)));
    assertThat(maps.get("links").findValuesAsText("href"))
        .contains("../../catalog.json", "./items/" + ids.get(0) + ".json");
    JsonNode item =
        JSON.readTree(
            store.read(
                ObjectRef.of(
                    Buckets.MAPS, StaticCatalog.itemKey(StacCatalogue.SCENE_MAPS, ids.get(0)))));
    assertThat(item.get("collection").asText()).isEqualTo(StacCatalogue.SCENE_MAPS);
    assertThat(item.get("links").findValuesAsText("href"))
        .contains("../../../catalog.json", "../collection.json")
        .noneMatch(h -> h.startsWith("s3://lcz-maps/scenes/")); // its own self link is dropped
    assertThat(item.at("/assets/map/href").asText())
        .isEqualTo("s3://lcz-maps/scenes/" + sceneId(0) + "/lcz.tif");
    // an unchanged catalog is not rewritten: the same object, written no later, after a
    // redelivered event (S3's Last-Modified has whole seconds: the event comes 1.5 s after)
    Instant written = store.stat(Buckets.MAPS, collection).lastModified();
    Thread.sleep(1500);
    publisher
        .publish(
            new SceneMapCompleted(
                sceneId(0),
                ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId(0) + "/lcz.tif"),
                ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId(0) + "/preview.png"),
                ObjectRef.of(Buckets.MAPS, "scenes/" + sceneId(0) + "/item.json"),
                "v1",
                4,
                Instant.now()))
        .get(10, TimeUnit.SECONDS);
    Thread.sleep(2000);
    assertThat(store.stat(Buckets.MAPS, collection).lastModified()).isEqualTo(written);

    store.download(ObjectRef.of(Buckets.MAPS, StaticCatalog.ROOT), dir.resolve("catalog.json"));
    store.download(ObjectRef.of(Buckets.MAPS, collection), dir.resolve("collection.json"));
    for (String id : ids) {
      store.download(
          ObjectRef.of(Buckets.MAPS, StaticCatalog.itemKey(StacCatalogue.SCENE_MAPS, id)),
          dir.resolve(id + ".json"));
    }
    StacValidator.assertValid(dir, 2 + ids.size());
  }

  @Test
  void badParametersAndUnknownNamesAreRefusedWithAReason() {
    given()
        .get("/stac/search?bbox=1,2,3")
        .then()
        .statusCode(400)
        .body("detail", containsString("bbox must have 4 or 6 numbers"));
    given()
        .get("/stac/search?datetime=yesterday")
        .then()
        .statusCode(400)
        .body("detail", containsString("datetime must be RFC 3339"));
    given()
        .get("/stac/search?limit=0")
        .then()
        .statusCode(400)
        .body("detail", containsString("limit must be within 1..10000"));
    given()
        .contentType("application/json")
        .body(
            "{\"bbox\": [0, 0, 1, 1], \"intersects\": {\"type\": \"Point\", \"coordinates\": [0, 0]}}")
        .post("/stac/search")
        .then()
        .statusCode(400)
        .body("detail", containsString("bbox or intersects, not both"));
    given()
        .get("/stac/collections/nothing-here")
        .then()
        .statusCode(404)
        .body("detail", containsString("no collection nothing-here"));
    given().get("/stac/files/" + Buckets.INBOX + "/anything.tif").then().statusCode(404);
  }
}
