package org.lcz.deploy.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When to restart a service that exited by itself: after a backoff that doubles with each restart
 * inside the window ({@code first}, 2 × {@code first}, … up to {@code longest}), and not at all
 * once it has been restarted {@code maxRestarts} times within {@code window} — a service that keeps
 * crashing stops the platform instead of crashing forever.
 */
public final class RestartPolicy {
  private final Duration first;
  private final Duration longest;
  private final int maxRestarts;
  private final Duration window;
  private final Map<String, Deque<Instant>> restarts = new HashMap<>();

  public RestartPolicy(Duration first, Duration longest, int maxRestarts, Duration window) {
    this.first = first;
    this.longest = longest;
    this.maxRestarts = maxRestarts;
    this.window = window;
  }

  /**
   * 1 s doubling (capped at 30 s); at most 5 restarts in 10 minutes — so the waits are 1, 2, 4, 8
   * and 16 s, and a sixth exit within the window stops the platform.
   */
  public static RestartPolicy standard() {
    return new RestartPolicy(
        Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10));
  }

  /**
   * Service {@code name} exited at {@code now}: when to start it again, or empty if it has been
   * restarted too often and should not be.
   */
  public Optional<Instant> exited(String name, Instant now) {
    Deque<Instant> recent = restarts.computeIfAbsent(name, k -> new ArrayDeque<>());
    while (!recent.isEmpty() && recent.peekFirst().isBefore(now.minus(window))) {
      recent.removeFirst();
    }
    if (recent.size() >= maxRestarts) {
      return Optional.empty();
    }
    Duration wait = first.multipliedBy(1L << Math.min(recent.size(), 20));
    if (wait.compareTo(longest) > 0) {
      wait = longest;
    }
    recent.addLast(now);
    return Optional.of(now.plus(wait));
  }

  /** How many times {@code name} was restarted within the window before {@code now}. */
  public int recentRestarts(String name, Instant now) {
    Deque<Instant> recent = restarts.get(name);
    return recent == null
        ? 0
        : (int) recent.stream().filter(t -> !t.isBefore(now.minus(window))).count();
  }

  /** The window restarts are counted in. */
  public Duration window() {
    return window;
  }
}
