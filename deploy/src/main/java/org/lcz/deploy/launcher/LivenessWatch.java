package org.lcz.deploy.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when a running service whose liveness check answers DOWN is to be restarted: once it has
 * answered DOWN (HTTP 503 on {@code /q/health/live} — a loop stopped, or silent beyond its limit)
 * at every probe for {@code grace}, as Kubernetes does through the probe's failure threshold. An UP
 * answer starts the count again; no answer (starting, restarting) changes nothing.
 */
public final class LivenessWatch {
  /** What {@code ./lcz up} allows: three probes 10 s apart, as the Kubernetes manifests do. */
  public static final Duration STANDARD_GRACE = Duration.ofSeconds(30);

  private final Duration grace;
  private final Map<String, Instant> downSince = new HashMap<>();

  public LivenessWatch(Duration grace) {
    this.grace = grace;
  }

  /**
   * Takes in what service {@code name} answered at {@code now} (an HTTP status, or empty when it
   * could not be asked); true when it has been DOWN for at least the grace and is to be restarted.
   */
  public boolean observe(String name, Optional<Integer> status, Instant now) {
    if (status.isEmpty()) {
      return false;
    }
    if (status.get() == 503) {
      Instant since = downSince.computeIfAbsent(name, k -> now);
      return !now.isBefore(since.plus(grace));
    }
    if (status.get() == 200) {
      downSince.remove(name);
    }
    return false;
  }

  /** How long {@code name} has answered DOWN, if it does. */
  public Optional<Duration> downFor(String name, Instant now) {
    return Optional.ofNullable(downSince.get(name)).map(since -> Duration.between(since, now));
  }

  /** Forgets {@code name} (it is being restarted). */
  public void forget(String name) {
    downSince.remove(name);
  }
}
