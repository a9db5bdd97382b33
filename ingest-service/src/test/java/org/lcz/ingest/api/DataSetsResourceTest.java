package org.lcz.ingest.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;

/** {@code GET /datasets} lists what a training run can use from the real store. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class DataSetsResourceTest {
  @Inject ObjectStore store;

  @Test
  void patchSetsAndTrainingAreasAreListedOtherFilesAreNot() {
    String at = "ds-" + UUID.randomUUID() + "/";
    byte[] bytes = "12345678901".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (String key : List.of("train.h5", "areas.kml", "areas.geojson", "readme.txt")) {
      store.put(Buckets.DATASETS, at + key, bytes, "application/octet-stream");
    }
    List<Map<String, Object>> all =
        given().get("/datasets").then().statusCode(200).extract().path("");
    List<Map<String, Object>> mine =
        all.stream().filter(d -> ((String) d.get("key")).startsWith(at)).toList();
    assertThat(mine)
        .extracting(d -> d.get("key") + " " + d.get("kind") + " " + d.get("size"))
        .containsExactlyInAnyOrder(
            at + "train.h5 patches 11", at + "areas.kml areas 11", at + "areas.geojson areas 11");
    assertThat(mine.get(0).get("uri")).isEqualTo("s3://lcz-datasets/" + mine.get(0).get("key"));
  }
}
