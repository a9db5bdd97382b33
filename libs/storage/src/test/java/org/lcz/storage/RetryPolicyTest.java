package org.lcz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
  private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(4));

  @Test
  void retriesTransientFailuresUntilSuccess() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    String result =
        policy.call(
            () -> {
              if (calls.incrementAndGet() < 3) {
                throw new IOException("connection reset");
              }
              return "ok";
            },
            e -> e instanceof IOException);
    assertThat(result).isEqualTo("ok");
    assertThat(calls).hasValue(3);
  }

  @Test
  void givesUpAfterMaxAttemptsWithEarlierErrorsSuppressed() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.call(
                    () -> {
                      throw new IOException("attempt " + calls.incrementAndGet());
                    },
                    e -> true))
        .hasMessage("attempt 4")
        .satisfies(e -> assertThat(e.getSuppressed()).hasSize(3));
    assertThat(calls).hasValue(4);
  }

  @Test
  void doesNotRetryPermanentFailures() {
    AtomicInteger calls = new AtomicInteger();
    assertThatThrownBy(
            () ->
                policy.call(
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException("no such bucket");
                    },
                    e -> e instanceof IOException))
        .hasMessage("no such bucket");
    assertThat(calls).hasValue(1);
  }

  @Test
  void refusesNonsenseSettings() {
    assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> new RetryPolicy(2, Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .hasMessageContaining("initial <= max");
  }
}
