package org.lcz.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.ingest.SampleModels;
import org.lcz.messaging.EventPublisher;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;

/** {@code /models}: versions as lcz.models tells them, and their files from the real store. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class ModelsResourceTest {
  @Inject ObjectStore store;
  @Inject EventPublisher publisher;

  @Test
  void publishedVersionsAreListedWithTheCurrentOneAndTheirCardAndPlotsAreServed() throws Exception {
    String name = "m" + UUID.randomUUID().toString().substring(0, 8);
    String first = "20261128T100000Z-a";
    String second = "20261128T110000Z-b";
    byte[] card = "{\"version\": \"20261128T100000Z-a\"}".getBytes(StandardCharsets.UTF_8);
    byte[] plot = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    store.put(Buckets.MODELS, name + "/" + first + "/model.json", card, "application/json");
    store.put(Buckets.MODELS, name + "/" + first + "/training-curves.png", plot, "image/png");
    publisher.publish(SampleModels.published(name, first, true)).get(10, TimeUnit.SECONDS);
    publisher.publish(SampleModels.published(name, second, false)).get(10, TimeUnit.SECONDS);

    List<Map<String, Object>> mine = awaitModels(name, 2);
    assertThat(mine)
        .extracting(m -> m.get("version") + " " + m.get("promoted") + " " + m.get("current"))
        .containsExactly(second + " false false", first + " true true");
    assertThat(mine.get(1).get("card"))
        .isEqualTo("s3://lcz-models/" + name + "/" + first + "/model.json");

    assertThat(
            given()
                .get("/models/" + first + "/files/model.json")
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asByteArray())
        .isEqualTo(card);
    assertThat(
            given()
                .get("/models/" + first + "/files/training-curves.png")
                .then()
                .statusCode(200)
                .contentType("image/png")
                .extract()
                .asByteArray())
        .isEqualTo(plot);
    given()
        .get("/models/" + first + "/files/factsheet.json")
        .then()
        .statusCode(404)
        .body("detail", equalTo("model version " + first + " has no file factsheet.json"));
    given().get("/models/" + first + "/files/..").then().statusCode(404);
    given().get("/models/no-such-version/files/model.json").then().statusCode(404);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> awaitModels(String name, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<Map<String, Object>> mine;
    do {
      List<Map<String, Object>> all =
          given().get("/models").then().statusCode(200).extract().path("");
      mine = all.stream().filter(m -> name.equals(m.get("modelName"))).toList();
      if (mine.size() >= n) {
        return mine;
      }
      Thread.sleep(200);
    } while (System.nanoTime() < deadline);
    throw new AssertionError("the models of " + name + " did not arrive: " + mine);
  }
}
