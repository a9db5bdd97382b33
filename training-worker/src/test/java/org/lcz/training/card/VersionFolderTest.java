package org.lcz.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.train.TrainingData;
import org.lcz.training.train.TrainingOutcome;

class VersionFolderTest {
  @Test
  void plotsAndCardAreWrittenNextToTheCheckpointAndTheCardComesLast(@TempDir Path dir)
      throws Exception {
    Path checkpoint = Files.writeString(dir.resolve("msmla-0002.params"), "weights");
    TrainingOutcome outcome = Outcomes.sample(checkpoint);
    TrainingData data =
        new TrainingData(
            Path.of("t.h5"), Optional.empty(), Optional.of(Path.of("e.h5")), DatasetLayout.MSMLA);

    ModelCard card =
        VersionFolder.complete(
            outcome,
            new ModelCard.Identity("msmla", "v7", "r", Instant.now()),
            data,
            10,
            null,
            List.of());

    List<Path> files = VersionFolder.files(card, dir);
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "msmla-0002.params", "training-curves.png", "confusion-matrix.png", "model.json");
    assertThat(files).allMatch(Files::isRegularFile);
    assertThat(card.selectionSplit()).isEqualTo("test");
    assertThat(card.evaluationSplit()).isEqualTo("test");
    assertThat(ModelCard.read(dir.resolve("model.json")).version()).isEqualTo("v7");
  }
}
