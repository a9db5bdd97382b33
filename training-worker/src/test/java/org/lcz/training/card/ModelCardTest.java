package org.lcz.training.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCardTest {
  @Test
  void aCardSurvivesTheRoundTripThroughJson(@TempDir Path dir) {
    ModelCard card = ModelCardsTest.card();
    ModelCard read = ModelCard.read(card.write(dir.resolve("model.json")));
    assertThat(read.confusionMatrix()).isDeepEqualTo(card.confusionMatrix());
    assertThat(read).usingRecursiveComparison().ignoringFields("confusionMatrix").isEqualTo(card);
  }

  @Test
  void theJsonIsReadableByOthers() {
    String json = new String(ModelCardsTest.card().toJson(), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"variant\" : \"msmla-18\"")
        .contains("\"createdAt\" : \"2026-11-24T10:00:00Z\"")
        .contains("\"usersAccuracy\" : null")
        .contains("\"form\" : \"PADDED_OUTPUT\"")
        .contains("\"problem\" : \"mb32_ic2oc1_ih48oh48kh7sh1ph3_iw48ow48kw7sw1pw3\"")
        .doesNotContain("NaN");
  }

  @Test
  void aCardWrittenBeforeTheKernelCheckStillReads() {
    String json = new String(ModelCardsTest.card().toJson(), StandardCharsets.UTF_8);
    int start = json.indexOf(",\n  \"kernels\"");
    String older = json.substring(0, start) + "\n}";
    ModelCard read = ModelCard.read(older.getBytes(StandardCharsets.UTF_8));
    assertThat(read.kernels()).isNull();
    assertThat(read.version()).isEqualTo(ModelCardsTest.card().version());
  }

  @Test
  void somethingElseIsNotACard() {
    assertThatThrownBy(() -> ModelCard.read("[1, 2]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a model card");
  }
}
