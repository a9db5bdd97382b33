package org.lcz.service.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

/**
 * What every service must show once it runs against the local stack: ready with both checks up, and
 * Prometheus metrics. Each service's test extends this with {@code @QuarkusTest} and
 * {@code @WithTestResource(LocalStackTestResource.class)}.
 */
public abstract class ServiceHealthContract {
  @Test
  void readyWhenKafkaAndTheObjectStoreAnswer() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(200)
        .body("status", equalTo("UP"))
        .body("checks.name", hasItem(ObjectStoreReadiness.NAME))
        .body("checks.name", hasItem(KafkaReadiness.NAME));
  }

  @Test
  void exposesPrometheusMetrics() {
    given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
  }
}
