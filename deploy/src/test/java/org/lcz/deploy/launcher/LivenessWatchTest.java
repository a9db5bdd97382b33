package org.lcz.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LivenessWatchTest {
  private static final Instant T = Instant.parse("2026-12-06T10:00:00Z");
  private static final Optional<Integer> DOWN = Optional.of(503);
  private static final Optional<Integer> UP = Optional.of(200);

  @Test
  void aServiceDownAtEveryProbeForTheGraceIsToBeRestarted() {
    LivenessWatch w = new LivenessWatch(Duration.ofSeconds(30));
    assertThat(w.observe("inference-worker", DOWN, T)).isFalse();
    assertThat(w.observe("inference-worker", DOWN, T.plusSeconds(10))).isFalse();
    assertThat(w.observe("inference-worker", DOWN, T.plusSeconds(20))).isFalse();
    assertThat(w.downFor("inference-worker", T.plusSeconds(20))).contains(Duration.ofSeconds(20));
    assertThat(w.observe("inference-worker", DOWN, T.plusSeconds(30))).isTrue();
    // another service is counted apart
    assertThat(w.observe("ingest-service", DOWN, T.plusSeconds(30))).isFalse();
    w.forget("inference-worker");
    assertThat(w.downFor("inference-worker", T.plusSeconds(31))).isEmpty();
    assertThat(w.observe("inference-worker", DOWN, T.plusSeconds(40))).isFalse();
  }

  @Test
  void anUpAnswerStartsTheCountAgainAndAnotherStatusChangesNothing() {
    LivenessWatch w = new LivenessWatch(LivenessWatch.STANDARD_GRACE);
    w.observe("s", DOWN, T);
    w.observe("s", UP, T.plusSeconds(10));
    assertThat(w.observe("s", DOWN, T.plusSeconds(35))).as("DOWN since 35 s only").isFalse();
    assertThat(w.observe("s", Optional.of(500), T.plusSeconds(55))).isFalse();
    assertThat(w.observe("s", DOWN, T.plusSeconds(65))).as("DOWN since 35 s: 30 s").isTrue();
  }

  @Test
  void noAnswerChangesNothingWhileStartingAndFailsOnceTheServiceHadAnswered() {
    LivenessWatch w = new LivenessWatch(LivenessWatch.STANDARD_GRACE);
    for (int s = 0; s <= 60; s += 10) {
      assertThat(w.observe("starting", Optional.empty(), T.plusSeconds(s)))
          .as("not answered yet at %d s: starting", s)
          .isFalse();
    }
    assertThat(w.downFor("starting", T.plusSeconds(60))).isEmpty();

    w.observe("hung", UP, T);
    assertThat(w.observe("hung", Optional.empty(), T.plusSeconds(10))).isFalse();
    assertThat(w.observe("hung", Optional.empty(), T.plusSeconds(20))).isFalse();
    assertThat(w.observe("hung", DOWN, T.plusSeconds(30))).as("failing since 10 s").isFalse();
    assertThat(w.observe("hung", Optional.empty(), T.plusSeconds(40)))
        .as("no answer or DOWN at every probe for 30 s")
        .isTrue();

    w.forget("hung"); // a new process starts
    assertThat(w.observe("hung", Optional.empty(), T.plusSeconds(80)))
        .as("the new process has not answered yet")
        .isFalse();
    assertThat(w.downFor("hung", T.plusSeconds(80))).isEmpty();
  }
}
