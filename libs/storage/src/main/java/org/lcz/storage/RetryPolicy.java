package org.lcz.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Retries an operation on transient failures with exponential backoff.
 *
 * @param maxAttempts attempts in all, at least 1
 * @param initialBackoff wait after the first failure
 * @param maxBackoff the longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff must satisfy 0 <= initial <= max, was " + initialBackoff + ", " + maxBackoff);
    }
  }

  /** Five attempts, waiting 200 ms, 400 ms, 800 ms, 1.6 s between them. */
  public static RetryPolicy standard() {
    return new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  /** One attempt: no retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }

  /**
   * Calls {@code operation} until it succeeds, fails with a non-transient error, or the attempts
   * are used up; the last error is thrown with the earlier ones suppressed.
   */
  public <T> T call(Callable<T> operation, Predicate<Exception> isTransient) throws Exception {
    Duration backoff = initialBackoff;
    List<Exception> earlier = new ArrayList<>();
    for (int attempt = 1; ; attempt++) {
      try {
        return operation.call();
      } catch (Exception e) {
        if (attempt >= maxAttempts || !isTransient.test(e)) {
          earlier.stream().filter(x -> x != e).forEach(e::addSuppressed);
          throw e;
        }
        earlier.add(e);
        sleep(backoff);
        backoff = backoff.multipliedBy(2);
        if (backoff.compareTo(maxBackoff) > 0) {
          backoff = maxBackoff;
        }
      }
    }
  }

  private static void sleep(Duration d) throws InterruptedException {
    if (!d.isZero()) {
      Thread.sleep(d.toMillis());
    }
  }
}
