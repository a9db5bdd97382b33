package org.lcz.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoopHeartbeatTest {
  private Instant now = Instant.parse("2026-11-28T10:00:00Z");

  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now;
        }
      };

  @Test
  void aLoopIsStuckOnlyWhenSilentForLongerThanTheLimit() {
    LoopHeartbeat beat = new LoopHeartbeat("tiles", clock);
    assertThat(beat.name()).isEqualTo("tiles");
    assertThat(beat.stuck(Duration.ofMinutes(10))).as("new: counted as beating").isFalse();

    now = now.plus(Duration.ofMinutes(10));
    assertThat(beat.silence()).isEqualTo(Duration.ofMinutes(10));
    assertThat(beat.stuck(Duration.ofMinutes(10))).as("exactly at the limit").isFalse();
    now = now.plusMillis(1);
    assertThat(beat.stuck(Duration.ofMinutes(10))).isTrue();

    beat.beat();
    assertThat(beat.silence()).isZero();
    assertThat(beat.stuck(Duration.ofMinutes(10))).isFalse();
  }
}
