package org.lcz.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When a consumer loop last went round: it beats at every poll (and while it waits for something it
 * needs), so a loop whose beat is older than its limit is stuck — in a call that does not return,
 * or a dead thread — and the service's liveness says so, for a supervisor or Kubernetes to restart
 * it.
 */
public final class LoopHeartbeat {
  private final String name;
  private final Clock clock;
  private volatile Instant last;

  /** A heartbeat of the loop {@code name}, counted as beating now. */
  public LoopHeartbeat(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
    this.last = clock.instant();
  }

  /** On the system clock. */
  public LoopHeartbeat(String name) {
    this(name, Clock.systemUTC());
  }

  /** The loop went round. */
  public void beat() {
    last = clock.instant();
  }

  /** The loop's name, e.g. {@code tiles}. */
  public String name() {
    return name;
  }

  /** How long ago the loop last went round. */
  public Duration silence() {
    return Duration.between(last, clock.instant());
  }

  /** Whether the loop has been silent for longer than {@code limit}. */
  public boolean stuck(Duration limit) {
    return silence().compareTo(limit) > 0;
  }
}
