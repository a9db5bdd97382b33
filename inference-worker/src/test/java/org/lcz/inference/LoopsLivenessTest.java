package org.lcz.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.service.health.LiveEndpoint;

/**
 * {@code /q/health/live} seen DOWN: the tile loop of a running worker ends, and liveness answers
 * 503 naming that loop while the others still run (Kubernetes restarts such a worker through the
 * probe; {@code ./lcz up}'s supervisor restarts a service that exits). An application of its own,
 * so that the stopped loop is no other test's.
 */
@QuarkusTest
@Tag("quarkus")
@TestProfile(LoopsLivenessTest.OwnApplication.class)
@WithTestResource(LocalStackTestResource.class)
class LoopsLivenessTest {
  /** A profile of its own: Quarkus starts this test its own application. */
  public static class OwnApplication implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("lcz.inference.tiles-group", "liveness-down-tiles");
    }
  }

  @Inject InferenceWorker worker;

  @Test
  void aTileLoopThatEndedTurnsLivenessDownNamingIt() throws Exception {
    String check = "checks.find { it.name == '" + LoopsLiveness.NAME + "' }";
    assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);

    worker.loops().tiles().stop();
    Response live = LiveEndpoint.awaitStatus(503, Duration.ofSeconds(30));
    assertThat(live.statusCode())
        .as("/q/health/live within 30 s of the tile loop's end")
        .isEqualTo(503);
    assertThat(live.jsonPath().getString(check + ".status")).isEqualTo("DOWN");
    assertThat(live.jsonPath().getString(check + ".data.tiles")).isEqualTo("stuck or stopped");
    assertThat(live.jsonPath().getString(check + ".data.assembly")).isEqualTo("running");
  }
}
