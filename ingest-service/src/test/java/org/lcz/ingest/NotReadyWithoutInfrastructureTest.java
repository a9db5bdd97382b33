package org.lcz.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With neither broker nor object store reachable, the service runs but says it is not ready. */
@QuarkusTest
@TestProfile(NotReadyWithoutInfrastructureTest.NothingReachable.class)
class NotReadyWithoutInfrastructureTest {
  /** Points Kafka and S3 at a port where nothing listens. */
  public static class NothingReachable implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kafka.bootstrap.servers", "127.0.0.1:1",
          "lcz.s3.endpoint", "http://127.0.0.1:1");
    }
  }

  @Test
  void readinessIsDownNamingWhatIsMissing() {
    given()
        .get("/q/health/ready")
        .then()
        .statusCode(503)
        .body("status", equalTo("DOWN"))
        .body("checks.find { it.name == 'object-store' }.status", equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'object-store' }.data.endpoint",
            equalTo("http://127.0.0.1:1"))
        .body("checks.find { it.name == 'kafka' }.status", equalTo("DOWN"))
        .body(
            "checks.find { it.name == 'kafka' }.data.'bootstrap.servers'", equalTo("127.0.0.1:1"));
  }

  @Test
  void livenessStaysUp() {
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.name", org.hamcrest.Matchers.not(hasItem("object-store")));
  }
}
