package org.lcz.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcz.scheme.AccuracyMeasures;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.storage.ObjectRef;
import org.lcz.training.train.TrainingOutcome;

class ModelCardsTest {
  static ModelCard card() {
    TrainingOutcome outcome = Outcomes.sample(Path.of("out/msmla-0002.params"));
    return ModelCards.of(
        outcome,
        new ModelCard.Identity("msmla", "v1", "run-1", Instant.parse("2026-11-24T10:00:00Z")),
        10.0,
        ObjectRef.of("lcz-datasets", "train.h5"),
        List.of(new DatasetRef("train", "s3://lcz-datasets/train.h5", "ab", 25)),
        "validation",
        "test",
        Map.of("checkpoint", "msmla-0002.params"));
  }

  @Test
  void theMeasuresAreThoseOfTheCardsOwnConfusionMatrix() {
    ModelCard card = card();
    AccuracyMeasures recomputed = AccuracyMeasures.of(ConfusionMatrix.of(card.confusionMatrix()));
    assertThat(card.measures()).isEqualTo(ModelCards.measures(recomputed));
    assertThat(card.measures().get("oa")).isEqualTo(26.0 / 32);
    assertThat(card.contract().measures()).containsEntry("oaW", card.measures().get("oaW"));
  }

  @Test
  void undefinedPerClassMeasuresAreNullNotZero() {
    ModelCard card = card();
    ClassEntry lcz3 = card.classes().get(2);
    assertThat(lcz3.code()).isEqualTo("3");
    assertThat(lcz3.trainSupport()).isEqualTo(5);
    assertThat(lcz3.lossWeight()).isEqualTo(2.0);
    assertThat(lcz3.evaluationSupport()).isEqualTo(3);
    assertThat(lcz3.producersAccuracy()).isEqualTo(0.0);
    assertThat(lcz3.usersAccuracy()).isNull(); // never predicted
    ClassEntry lcz4 = card.classes().get(3);
    assertThat(lcz4.producersAccuracy()).isNull(); // no samples
  }

  @Test
  void theContractCarriesBandsNormalisationAndTheLczClasses() {
    ModelCard card = card();
    assertThat(card.contract().architecture()).isEqualTo("MSMLA-18");
    assertThat(card.contract().bands()).containsExactly("B2", "B3", "B4");
    assertThat(card.contract().bandStds()).containsExactly(0.5, 0.25, 1.0);
    assertThat(card.contract().patchSize()).isEqualTo(48);
    assertThat(card.contract().classCodes()).hasSize(17).startsWith("1").endsWith("G");
    assertThat(card.contract().version()).isEqualTo("v1");
    assertThat(card.bestEpoch()).isEqualTo(2);
    assertThat(card.trainingSeconds()).isEqualTo(31.0);
  }
}
