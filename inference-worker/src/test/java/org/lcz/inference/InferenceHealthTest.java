package org.lcz.inference;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.service.health.ServiceHealthContract;

/** The service started against the local stack's real broker and S3 server. */
@QuarkusTest
@Tag("quarkus")
@WithTestResource(LocalStackTestResource.class)
class InferenceHealthTest extends ServiceHealthContract {
  @Test
  void liveWhileTheTileAndAssemblyLoopsGoRound() {
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem(LoopsLiveness.NAME))
        .body(
            "checks.find { it.name == '" + LoopsLiveness.NAME + "' }.data.tiles",
            equalTo("running"))
        .body(
            "checks.find { it.name == '" + LoopsLiveness.NAME + "' }.data.assembly",
            equalTo("running"));
  }
}
