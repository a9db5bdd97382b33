package org.lcz.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ModelPublishedTest {
  @Test
  void onlyPromotedVersionsAreKeyedByModelNameSoCompactionKeepsTheCurrentOne() {
    ModelPublished promoted =
        (ModelPublished)
            SampleEvents.all().stream().filter(ModelPublished.class::isInstance).findFirst().get();
    assertThat(promoted.key()).isEqualTo("msmla");
    ModelPublished candidate =
        new ModelPublished(
            1,
            promoted.modelName(),
            "4",
            promoted.model(),
            promoted.card(),
            promoted.contract(),
            false,
            "OA_w 0.90 < 0.95",
            0.90,
            0.95,
            promoted.publishedAt());
    assertThat(candidate.key()).isEqualTo("msmla.candidates");
    assertThat(ModelPublished.candidatesKey("msmla")).isEqualTo(candidate.key());
  }
}
