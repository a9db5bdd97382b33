package org.lcz.service.health;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;

/** {@code /q/health/live} of the service under test, asked until it answers a status. */
public final class LiveEndpoint {
  private LiveEndpoint() {}

  /**
   * Asks {@code /q/health/live} every 200 ms until it answers {@code status} or {@code within}
   * passes; returns the last answer (the caller asserts its status, naming the wait).
   */
  public static Response awaitStatus(int status, Duration within) throws InterruptedException {
    Instant end = Instant.now().plus(within);
    Response live = given().get("/q/health/live");
    while (live.statusCode() != status && Instant.now().isBefore(end)) {
      Thread.sleep(200);
      live = given().get("/q/health/live");
    }
    return live;
  }
}
