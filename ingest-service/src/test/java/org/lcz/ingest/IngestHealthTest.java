package org.lcz.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.service.health.ServiceHealthContract;

/** The service started against the local stack's real broker and S3 server. */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class IngestHealthTest extends ServiceHealthContract {
  @Test
  void liveWhileItsEventLoopsRun() {
    String check = "checks.find { it.name == '" + IngestLiveness.NAME + "' }";
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem(IngestLiveness.NAME))
        .body(check + ".data.inbox-notifications", equalTo("running"))
        .body(check + ".data.training-areas", equalTo("running"))
        .body(check + ".data.platform-events", equalTo("running"));
  }
}
