package org.lcz.inference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;

/** The service started against the local stack's real broker and S3 server. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class InferenceHealthTest {
  @Test
  void readyWhenKafkaAndTheObjectStoreAnswer() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", org.hamcrest.Matchers.equalTo("UP"))
        .body("checks.name", hasItem("object-store"))
        .body("checks.name", hasItem("kafka"));
  }

  @Test
  void exposesPrometheusMetrics() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }
}
