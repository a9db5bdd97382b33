package org.lcz.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.Topics;
import org.lcz.ingest.TopicEvents;
import org.lcz.messaging.EventPublisher;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** {@code /regions} against the real broker and S3 server. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class RegionsResourceTest {
  private static final String PORTO =
      "{\"type\": \"Polygon\", \"coordinates\": [[[-8.70, 41.10], [-8.50, 41.10], [-8.50, 41.20],"
          + " [-8.70, 41.20], [-8.70, 41.10]]]}";

  @Inject EventPublisher publisher;
  @Inject ObjectStore store;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  private static Response define(String body) {
    return given().contentType("application/json").body(body).post("/regions");
  }

  @Test
  void aRegionIsDefinedAnnouncedShownAndDeleted() throws Exception {
    String name = "porto-" + UUID.randomUUID().toString().substring(0, 8);
    define(
            "{\"name\": \""
                + name
                + "\", \"outline\": "
                + PORTO
                + ", \"from\": \"2025-01-01\", \"to\": \"2025-12-31\"}")
        .then()
        .statusCode(201)
        .header("Location", containsString("/regions/" + name))
        .body("epsg", equalTo(32629)) // the UTM zone of Porto
        .body("models", equalTo("current"))
        .body("to", equalTo("2026-01-01T00:00:00Z")); // the whole last day
    RegionDefined sent =
        (RegionDefined)
            new TopicEvents(bootstrap)
                .await(
                    Topics.REGIONS,
                    e -> e instanceof RegionDefined d && d.name().equals(name),
                    l -> !l.isEmpty())
                .get(0);
    assertThat(sent.cellSize()).isEqualTo(100);
    assertThat(sent.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    given().get("/regions/" + name).then().statusCode(200).body("crs", equalTo("EPSG:32629"));
    given().get("/regions").then().statusCode(200).body("name", hasItem(name));

    given().delete("/regions/" + name).then().statusCode(204);
    new TopicEvents(bootstrap)
        .await(
            Topics.REGIONS,
            e -> e instanceof RegionDeleted d && d.name().equals(name),
            l -> !l.isEmpty());
    given().get("/regions/" + name).then().statusCode(404);
    given().delete("/regions/" + name).then().statusCode(404);
  }

  @Test
  void badDefinitionsAreProblemsAPersonCanActOn() {
    define("{\"name\": \"Porto City\", \"outline\": " + PORTO + "}")
        .then()
        .statusCode(400)
        .body("detail", containsString("1–64 of a-z, 0-9"));
    define("{\"name\": \"x\"}").then().statusCode(400).body("detail", containsString("outline"));
    define("{\"name\": \"x\", \"outline\": " + PORTO + ", \"crs\": \"EPSG:4326\"}")
        .then()
        .statusCode(400)
        .body("detail", containsString("not a projected CRS"));
    define("{\"name\": \"x\", \"outline\": [-10, 35, 5, 45]}")
        .then()
        .statusCode(400)
        .body("detail", containsString("split it"));
    define(
            "{\"name\": \"x\", \"outline\": "
                + PORTO
                + ", \"from\": \"2025-06-01\", \"to\": \"2025-01-01\"}")
        .then()
        .statusCode(400)
        .body("detail", containsString("ends"));
    define("{\"name\": \"x\", \"outline\": " + PORTO + ", \"models\": \"newest\"}")
        .then()
        .statusCode(400)
        .body("detail", containsString("'current' or 'any'"));
    define("{\"name\": \"x\", \"outline\": " + PORTO + ", \"from\": \"spring\"}")
        .then()
        .statusCode(400)
        .body("detail", containsString("from is 'spring', not an acquisition time"));
  }

  /** An LCZ map COG-like GeoTIFF (bands lcz, lczFilter) of 4 × 2 cells of 100 m in UTM 29N. */
  private ObjectRef map(String key, byte[] classes) {
    DataBufferByte data = new DataBufferByte(new byte[][] {classes, classes}, classes.length);
    Raster r =
        Raster.createRaster(new BandedSampleModel(DataBuffer.TYPE_BYTE, 4, 2, 2), data, null);
    byte[] tiff =
        GeoTiffWriter.write(
            r,
            new GeoTiffWriter.Georeference(
                new double[] {520000, 100, 0, 4550000, 0, -100}, 32629, true),
            List.of("lcz", "lczFilter"),
            0.0);
    return store.put(Buckets.MAPS, key, tiff, "image/tiff");
  }

  @Test
  void theChangeBetweenTwoVersionsIsItsTransitionMatrixInSquareKilometres() throws Exception {
    String name = "change-" + UUID.randomUUID().toString().substring(0, 8);
    define("{\"name\": \"" + name + "\", \"outline\": " + PORTO + ", \"models\": \"any\"}")
        .then()
        .statusCode(201);
    ObjectRef v1 = map("regions/" + name + "/v1/lcz.tif", new byte[] {6, 6, 6, 14, 2, 2, 0, 17});
    ObjectRef v2 = map("regions/" + name + "/v2/lcz.tif", new byte[] {6, 2, 2, 8, 2, 2, 5, 17});
    Instant t = Instant.now();
    for (int v = 1; v <= 2; v++) {
      publisher
          .publish(
              new RegionMapUpdated(
                  name, v, List.of(), Map.of("map", v == 1 ? v1 : v2), 1.0, 8, 8, t))
          .get(10, TimeUnit.SECONDS);
    }
    for (int i = 0; i < 100; i++) {
      if (given().get("/regions/" + name).then().extract().path("latestVersion") != null
          && (int) given().get("/regions/" + name).then().extract().path("latestVersion") == 2) {
        break;
      }
      Thread.sleep(100);
    }
    given()
        .get("/regions/" + name)
        .then()
        .body("versions.version", equalTo(List.of(1, 2)))
        .body("latest.map", equalTo(v2.uri()));
    given()
        .queryParam("from", "v1")
        .queryParam("to", "2")
        .get("/regions/" + name + "/change")
        .then()
        .statusCode(200)
        .body("transitions.comparedCells", equalTo(7))
        .body("transitions.changedCells", equalTo(3))
        .body("transitions.cells[5][1]", equalTo(2)) // 6 -> 2 twice
        .body("transitions.cells[13][7]", equalTo(1)) // 14 -> 8
        .body("transitions.km2[5][1]", equalTo(0.02f))
        .body("products.'transitions.csv'", containsString("/change/v1-v2/"));
    given()
        .queryParam("from", "v1")
        .queryParam("to", "v9")
        .get("/regions/" + name + "/change")
        .then()
        .statusCode(404)
        .body("detail", equalTo("region " + name + " has no version 9"));
    given()
        .queryParam("from", "first")
        .queryParam("to", "v2")
        .get("/regions/" + name + "/change")
        .then()
        .statusCode(400);
  }
}
