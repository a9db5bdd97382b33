package org.lcz.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RestartPolicyTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void theBackoffDoublesUpToItsLongestThenTheServiceIsGivenUp() {
    RestartPolicy p =
        new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(4), 4, Duration.ofMinutes(10));
    assertThat(p.exited("w", T)).contains(T.plusSeconds(1));
    assertThat(p.exited("w", T.plusSeconds(10))).contains(T.plusSeconds(12));
    assertThat(p.exited("w", T.plusSeconds(20))).contains(T.plusSeconds(24));
    assertThat(p.exited("w", T.plusSeconds(30))).contains(T.plusSeconds(34)); // 8 s capped at 4
    assertThat(p.recentRestarts("w", T.plusSeconds(40))).isEqualTo(4);
    assertThat(p.exited("w", T.plusSeconds(40))).isEmpty();
    // another service is counted apart
    assertThat(p.exited("other", T.plusSeconds(40))).contains(T.plusSeconds(41));
  }

  @Test
  void restartsOutsideTheWindowAreForgotten() {
    RestartPolicy p =
        new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 2, Duration.ofMinutes(10));
    p.exited("w", T);
    p.exited("w", T.plusSeconds(60));
    assertThat(p.exited("w", T.plusSeconds(120))).isEmpty();
    // eleven minutes after the first: one restart left in the window, backoff from 2 s
    assertThat(p.exited("w", T.plusSeconds(660))).contains(T.plusSeconds(662));
  }

  /**
   * What {@code ./lcz up} runs with: 1 s doubling, 5 restarts in 10 minutes — so the 30 s cap is
   * never reached (the fifth restart waits 16 s, a sixth is refused).
   */
  @Test
  void theStandardPolicyWaitsOneTwoFourEightSixteenSecondsThenStopsThePlatform() {
    RestartPolicy p = RestartPolicy.standard();
    assertThat(p.window()).isEqualTo(Duration.ofMinutes(10));
    long[] waits = {1, 2, 4, 8, 16};
    Instant at = T;
    for (long wait : waits) {
      assertThat(p.exited("ingest-service", at)).contains(at.plusSeconds(wait));
      at = at.plusSeconds(60);
    }
    assertThat(p.recentRestarts("ingest-service", at)).isEqualTo(5);
    assertThat(p.exited("ingest-service", at)).as("the sixth within 10 minutes").isEmpty();
    // the first restart leaves the window ten minutes later: one more, after the 16 s backoff
    // of the four restarts still in it
    Instant later = T.plus(Duration.ofMinutes(10)).plusSeconds(1);
    assertThat(p.exited("ingest-service", later)).contains(later.plusSeconds(16));
  }
}
