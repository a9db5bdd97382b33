package org.lcz.deploy.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides when a running service whose liveness check fails is to be restarted: once it has failed
 * at every probe for {@code grace}, as Kubernetes does through the probe's failure threshold. A
 * probe fails when it is answered DOWN (HTTP 503 on {@code /q/health/live} — a loop stopped, or
 * silent beyond its limit) or, once the service has answered at all, not answered (a hung process:
 * Kubernetes counts a probe's timeout as a failure too). Before its first answer a service is
 * starting, and no answer changes nothing; an UP answer starts the count again.
 */
public final class LivenessWatch {
  /** What {@code ./lcz up} allows: three probes 10 s apart, as the Kubernetes manifests do. */
  public static final Duration STANDARD_GRACE = Duration.ofSeconds(30);

  private final Duration grace;
  private final Map<String, Instant> downSince = new HashMap<>();
  private final Set<String> answered = new HashSet<>();

  public LivenessWatch(Duration grace) {
    this.grace = grace;
  }

  /**
   * Takes in what service {@code name} answered at {@code now} (an HTTP status, or empty when it
   * did not answer); true when it has failed every probe for at least the grace and is to be
   * restarted.
   */
  public boolean observe(String name, Optional<Integer> status, Instant now) {
    if (status.isPresent()) {
      answered.add(name);
    }
    boolean failed = status.map(code -> code == 503).orElse(answered.contains(name));
    if (failed) {
      Instant since = downSince.computeIfAbsent(name, k -> now);
      return !now.isBefore(since.plus(grace));
    }
    if (status.isPresent() && status.get() == 200) {
      downSince.remove(name);
    }
    return false;
  }

  /** How long {@code name} has failed its probes, if it does. */
  public Optional<Duration> downFor(String name, Instant now) {
    return Optional.ofNullable(downSince.get(name)).map(since -> Duration.between(since, now));
  }

  /** Forgets {@code name}: a new process of it starts (its first answer is awaited again). */
  public void forget(String name) {
    downSince.remove(name);
    answered.remove(name);
  }
}
