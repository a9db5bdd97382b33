package org.lcz.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.events.ModelPublished;
import org.lcz.events.Promotion;
import org.lcz.storage.ObjectRef;

class PromotionDecisionTest {
  private static final PromotionDecision.Evaluation TEST_A =
      evaluation("test", "s3://lcz-datasets/a/test.h5", "aa");
  private static final PromotionDecision.Evaluation TEST_A_ELSEWHERE =
      evaluation("test", "s3://lcz-datasets/copy/test.h5", "aa");
  private static final PromotionDecision.Evaluation TEST_B =
      evaluation("test", "s3://lcz-datasets/b/test.h5", "bb");
  private static final PromotionDecision.Evaluation TRAIN =
      evaluation("train", "s3://lcz-datasets/a/train.h5", "cc");

  private static PromotionDecision.Evaluation evaluation(String split, String where, String sha) {
    return new PromotionDecision.Evaluation(split, new DatasetRef(split, where, sha, 100));
  }

  private static Optional<PromotionDecision.Champion> champion(
      double oaW, PromotionDecision.Evaluation evaluated) {
    ModelCard card = ModelCardsTest.card();
    return Optional.of(
        new PromotionDecision.Champion(
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
                Instant.now()),
            Optional.ofNullable(evaluated)));
  }

  @Test
  void theFirstModelIsPromotedWhenMeasuredOnHeldOutData() {
    PromotionDecision d = PromotionDecision.decide(0.5, TEST_A, Optional.empty(), null);
    assertThat(d.promoted()).isTrue();
    assertThat(d.rule()).isEqualTo("if-better");
    assertThat(d.decision())
        .isEqualTo(
            "promoted: the first model of its name (OA_w 0.5000 on the test set"
                + " s3://lcz-datasets/a/test.h5)");
    assertThat(d.championOaW()).isNull();
    assertThat(d.comparable()).isNull();
  }

  @Test
  void aModelMeasuredOnItsOwnTrainingDataIsNeverPromotedAutomatically() {
    PromotionDecision first = PromotionDecision.decide(0.66, TRAIN, Optional.empty(), null);
    assertThat(first.promoted()).isFalse();
    assertThat(first.decision()).startsWith("not promoted: measured on its own training data");
    PromotionDecision challenger =
        PromotionDecision.decide(0.99, TRAIN, champion(0.5, TEST_A), Promotion.IF_BETTER);
    assertThat(challenger.promoted()).isFalse();
    assertThat(challenger.decision()).startsWith("not promoted: measured on its own training data");
    // asked for explicitly, it is
    assertThat(PromotionDecision.decide(0.66, TRAIN, Optional.empty(), Promotion.ALWAYS).promoted())
        .isTrue();
  }

  @Test
  void onTheSameDataAVersionNotLowerThanTheChampionIsPromotedALowerOneIsNot() {
    PromotionDecision equal =
        PromotionDecision.decide(0.8, TEST_A, champion(0.8, TEST_A), Promotion.IF_BETTER);
    assertThat(equal.promoted()).isTrue();
    assertThat(equal.comparable()).isTrue();
    assertThat(equal.decision())
        .isEqualTo("promoted: OA_w 0.8000 ≥ 0.8000 of version v0 on the same test set");
    // the same file content under another key is the same data
    PromotionDecision lower =
        PromotionDecision.decide(0.79, TEST_A_ELSEWHERE, champion(0.8, TEST_A), null);
    assertThat(lower.promoted()).isFalse();
    assertThat(lower.decision())
        .isEqualTo("not promoted: OA_w 0.7900 < 0.8000 of version v0 on the same test set");
    assertThat(lower.championOaW()).isEqualTo(0.8);
    assertThat(lower.championVersion()).isEqualTo("v0");
    assertThat(PromotionDecision.decide(null, TEST_A, champion(0.1, TEST_A), null).promoted())
        .isFalse();
  }

  @Test
  void numbersFromDifferentDataAreNotComparedAndTheVersionStaysACandidate() {
    // the finding: 0.66 on one set beat 0.54 on another and a useless model became current
    PromotionDecision d = PromotionDecision.decide(0.66, TEST_B, champion(0.54, TEST_A), null);
    assertThat(d.promoted()).isFalse();
    assertThat(d.comparable()).isFalse();
    assertThat(d.decision())
        .isEqualTo(
            "not promoted: the current model's OA_w 0.5400 of version v0 was measured on the test"
                + " set s3://lcz-datasets/a/test.h5, this one's on the test set"
                + " s3://lcz-datasets/b/test.h5: numbers from different data are not compared"
                + " (OA_w 0.6600); evaluate on the current model's test set, or promote: always");
    PromotionDecision unknown = PromotionDecision.decide(0.9, TEST_A, champion(0.5, null), null);
    assertThat(unknown.promoted()).isFalse();
    assertThat(unknown.decision()).contains("card could not be read");
  }

  @Test
  void alwaysPromotesAndSaysWhetherTheNumbersWereComparable() {
    PromotionDecision same =
        PromotionDecision.decide(0.3, TEST_A, champion(0.9, TEST_A), Promotion.ALWAYS);
    assertThat(same.promoted()).isTrue();
    assertThat(same.rule()).isEqualTo("always");
    assertThat(same.decision())
        .isEqualTo(
            "promoted: the request says always (OA_w 0.3000, current 0.9000 of version v0 on the"
                + " same data)");
    PromotionDecision other =
        PromotionDecision.decide(0.3, TEST_B, champion(0.9, TEST_A), Promotion.ALWAYS);
    assertThat(other.promoted()).isTrue();
    assertThat(other.comparable()).isFalse();
    assertThat(other.decision()).contains("numbers from different data are not compared");
  }
}
