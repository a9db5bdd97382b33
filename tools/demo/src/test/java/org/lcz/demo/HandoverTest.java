package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoverTest {
  private static final Instant KILLED = Instant.parse("2026-12-06T10:00:00Z");

  @Test
  void theLimitIsTheSessionTimeoutAndTheMargin() {
    assertThat(Handover.LIMIT).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  void theKilledMemberIsTheOneNoLongerInTheGroup() {
    Map<String, Set<Integer>> before = Map.of("a", Set.of(0, 1), "b", Set.of(2, 3));
    assertThat(Handover.gone(before, Set.of("a", "b"))).isEmpty();
    assertThat(Handover.gone(before, Set.of("a", "c"))).contains("b");
    assertThat(Handover.gone(before, Set.of("b"))).contains("a");
  }

  @Test
  void theHandoverEndsWithTheFirstTileOfTheKilledPartitionsMappedAfterTheKill() {
    Map<String, Integer> partitionOf = Map.of("t1", 0, "t2", 2, "t3", 3, "t4", 2);
    Map<String, Instant> mapped =
        Map.of(
            "t1", KILLED.plusSeconds(1), // the survivor's own partition: not a handover
            "t2", KILLED.minusSeconds(1), // before the kill (the killed worker's last tile)
            "t3", KILLED.plusSeconds(18),
            "t4", KILLED.plusSeconds(17));
    assertThat(Handover.time(KILLED, Set.of(2, 3), partitionOf, mapped))
        .contains(Duration.ofSeconds(17));
    assertThat(Handover.time(KILLED, Set.of(5), partitionOf, mapped)).isEmpty();
    assertThat(Handover.time(KILLED, Set.of(0), partitionOf, Map.of("t9", KILLED.plusSeconds(2))))
        .isEmpty();
  }

  @Test
  void aHandoverOverTheLimitOrNotSeenIsAProblem() {
    assertThat(Handover.problem(17.5)).isEmpty();
    assertThat(Handover.problem(45.0)).isEmpty();
    assertThat(Handover.problem(45.1))
        .isEqualTo(
            "the killed worker's tiles waited 45.1 s (limit 45 s: the session timeout and 30 s)");
    assertThat(Handover.problem(-1))
        .isEqualTo("no tile of the killed worker's partitions was seen mapped after the kill");
  }
}
