package org.lcz.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.common.events.ModelPublished;
import org.lcz.common.events.Promotion;
import org.lcz.common.storage.ObjectRef;

class PromotionDecisionTest {
  private static Optional<ModelPublished> champion(double oaW) {
    ModelCard card = ModelCardsTest.card();
    return Optional.of(
        new ModelPublished(
            1,
            "msmla",
            "v0",
            ObjectRef.of("lcz-models", "msmla/v0/model.onnx"),
            ObjectRef.of("lcz-models", "msmla/v0/model.json"),
            card.contract(),
            true,
            "first",
            oaW,
            null,
            Instant.now()));
  }

  @Test
  void theFirstModelIsPromoted() {
    PromotionDecision d = PromotionDecision.decide(0.5, Optional.empty(), null);
    assertThat(d.promoted()).isTrue();
    assertThat(d.rule()).isEqualTo("if-better");
    assertThat(d.decision()).contains("first model");
    assertThat(d.championOaW()).isNull();
  }

  @Test
  void aVersionNotLowerThanTheChampionIsPromotedALowerOneIsNot() {
    PromotionDecision equal = PromotionDecision.decide(0.8, champion(0.8), Promotion.IF_BETTER);
    assertThat(equal.promoted()).isTrue();
    assertThat(equal.decision()).isEqualTo("promoted: OA_w 0.8000 ≥ 0.8000 of version v0");
    PromotionDecision lower = PromotionDecision.decide(0.79, champion(0.8), null);
    assertThat(lower.promoted()).isFalse();
    assertThat(lower.decision()).isEqualTo("not promoted: OA_w 0.7900 < 0.8000 of version v0");
    assertThat(lower.championOaW()).isEqualTo(0.8);
    assertThat(lower.championVersion()).isEqualTo("v0");
    assertThat(PromotionDecision.decide(null, champion(0.1), null).promoted()).isFalse();
  }

  @Test
  void alwaysPromotesAndSaysSo() {
    PromotionDecision d = PromotionDecision.decide(0.3, champion(0.9), Promotion.ALWAYS);
    assertThat(d.promoted()).isTrue();
    assertThat(d.rule()).isEqualTo("always");
    assertThat(d.decision()).contains("always").contains("0.3000").contains("0.9000");
  }
}
