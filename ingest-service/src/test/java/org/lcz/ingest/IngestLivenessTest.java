package org.lcz.ingest;

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
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.ingest.notify.NotificationListener;
import org.lcz.service.health.LiveEndpoint;

/**
 * {@code /q/health/live} seen DOWN: the inbox-notification loop of a running ingest service ends,
 * and liveness answers 503 naming that loop while the others still run. An application of its own,
 * so that the stopped loop is no other test's.
 */
@QuarkusTest
@TestProfile(IngestLivenessTest.OwnApplication.class)
@WithTestResource(LocalStackTestResource.class)
class IngestLivenessTest {
  /** A profile of its own: Quarkus starts this test its own application. */
  public static class OwnApplication implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("lcz.ingest.notifications-group", "liveness-down-notifications");
    }
  }

  @Inject NotificationListener notifications;

  @Test
  void aNotificationLoopThatEndedTurnsLivenessDownNamingIt() throws Exception {
    String check = "checks.find { it.name == '" + IngestLiveness.NAME + "' }";
    assertThat(given().get("/q/health/live").statusCode()).isEqualTo(200);

    notifications.stop();
    Response live = LiveEndpoint.awaitStatus(503, Duration.ofSeconds(30));
    assertThat(live.statusCode())
        .as("/q/health/live within 30 s of the notification loop's end")
        .isEqualTo(503);
    assertThat(live.jsonPath().getString(check + ".status")).isEqualTo("DOWN");
    assertThat(live.jsonPath().getString(check + ".data.inbox-notifications"))
        .isEqualTo("stuck or stopped");
    assertThat(live.jsonPath().getString(check + ".data.training-areas")).isEqualTo("running");
    assertThat(live.jsonPath().getString(check + ".data.platform-events")).isEqualTo("running");
  }
}
