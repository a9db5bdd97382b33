package org.lcz.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lcz.messaging.KafkaClients;

/**
 * A kill trial's handover: how long the tiles of the killed worker's partitions waited — from the
 * moment the worker was gone to the first of those tiles mapped by a live worker (the survivor, or
 * the killed one started again). The broker gives a silent member's partitions away after the
 * session timeout; the margin is the rebalance — a second one when the killed worker, started
 * again, joins — and the tile a worker has in hand. Measured: 17–19 s alone, 16.6–28.3 s in the
 * suite with {@code DemoIT} beside the drills; Kafka's default session timeout (45 s) would fail
 * it.
 */
final class Handover {
  /** What a handover may take beyond the session timeout. */
  static final Duration MARGIN = Duration.ofSeconds(30);

  /** The most a handover may take: the session timeout plus {@link #MARGIN}. */
  static final Duration LIMIT = Duration.ofMillis(KafkaClients.SESSION_TIMEOUT_MS).plus(MARGIN);

  private Handover() {}

  /**
   * The killed member: the first member of the group before the kill that is no longer in it.
   *
   * @param before each member's tile partitions before the kill
   * @param now the members now
   */
  static Optional<String> gone(Map<String, Set<Integer>> before, Set<String> now) {
    return before.keySet().stream().filter(m -> !now.contains(m)).sorted().findFirst();
  }

  /**
   * The handover time.
   *
   * @param killed when the killed worker's process had ended
   * @param partitions the killed member's tile partitions
   * @param partitionOfTile each tile's partition on the tiles topic
   * @param mapped each tile's first MapTileWritten after {@code killed}, with its time
   * @return the time from {@code killed} to the first tile of {@code partitions} mapped after it;
   *     empty when none was
   */
  static Optional<Duration> time(
      Instant killed,
      Set<Integer> partitions,
      Map<String, Integer> partitionOfTile,
      Map<String, Instant> mapped) {
    return mapped.entrySet().stream()
        .filter(e -> e.getValue().isAfter(killed))
        .filter(e -> partitions.contains(partitionOfTile.getOrDefault(e.getKey(), -1)))
        .map(Map.Entry::getValue)
        .min(Instant::compareTo)
        .map(first -> Duration.between(killed, first));
  }

  /** What is wrong with a kill trial's handover of {@code seconds} (-1: not seen), or empty. */
  static String problem(double seconds) {
    if (seconds < 0) {
      return "no tile of the killed worker's partitions was seen mapped after the kill";
    }
    if (seconds > LIMIT.toMillis() / 1000.0) {
      return String.format(
          "the killed worker's tiles waited %.1f s (limit %d s: the session timeout and %d s)",
          seconds, LIMIT.toSeconds(), MARGIN.toSeconds());
    }
    return "";
  }
}
