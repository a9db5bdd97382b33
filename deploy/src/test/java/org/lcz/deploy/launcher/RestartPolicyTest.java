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
}
