package org.lcz.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.training.card.ModelCard;
import org.lcz.training.model.Msmla;

class TrainedModelTest {
  @Test
  void aVersionFolderLoadsWithTheCardsArchitectureAndBands(@TempDir Path dir) throws Exception {
    OnnxExporterTest.writeSets();
    ModelCard card = OnnxExporterTest.trainedVersion("msmla-18", dir);
    try (TrainedModel model = TrainedModel.load(dir)) {
      assertThat(model.card().version()).isEqualTo(card.version());
      assertThat(model.net().variant()).isEqualTo("msmla-18");
      assertThat(Msmla.parameterCount(model.net())).isEqualTo(181_867);
    }
  }

  @Test
  void missingCardsAndCheckpointsAreNamed(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> TrainedModel.load(dir)).hasMessageContaining("has no model.json");
    OnnxExporterTest.writeSets();
    OnnxExporterTest.trainedVersion("msmla-18", dir);
    Files.delete(dir.resolve("msmla-0002.params"));
    assertThatThrownBy(() -> TrainedModel.load(dir))
        .hasMessageContaining("names checkpoint 'msmla-0002.params'");
  }
}
