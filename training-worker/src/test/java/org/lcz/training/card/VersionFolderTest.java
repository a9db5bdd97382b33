package org.lcz.training.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.scheme.AreaBootstrap;
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

  @Test
  void aSetBuiltFromTrainingAreasAddsTheBoxPlotAndTheFactsheet(@TempDir Path dir) throws Exception {
    Path checkpoint = Files.writeString(dir.resolve("msmla-0002.params"), "weights");
    // 3 LCZ 2 areas (one half wrong), 3 LCZ A areas: the spread of a tiny evaluation
    int[] truth = {1, 1, 1, 1, 1, 1, 10, 10, 10, 10, 10, 10};
    int[] predicted = {1, 1, 1, 10, 1, 1, 10, 10, 10, 10, 1, 10};
    int[] area = {0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5};
    AreaBootstrap.Result spread = AreaBootstrap.run(truth, predicted, area, 17, 25, 9);
    TrainingOutcome sample = Outcomes.sample(checkpoint);
    TrainingOutcome outcome =
        new TrainingOutcome(
            sample.plan(),
            sample.bands(),
            sample.patchSize(),
            sample.normalisation(),
            sample.classSupport(),
            sample.classWeights(),
            sample.history(),
            sample.bestEpoch(),
            sample.stopReason(),
            sample.checkpoint(),
            sample.evaluation(),
            sample.device(),
            sample.duration(),
            spread,
            sample.kernels());
    TrainingData data =
        new TrainingData(
            Path.of("t.h5"), Optional.empty(), Optional.of(Path.of("e.h5")), DatasetLayout.MSMLA);
    ModelCard card =
        VersionFolder.complete(
            outcome,
            new ModelCard.Identity("msmla", "v8", "r", Instant.now()),
            data,
            10,
            null,
            List.of());
    assertThat(VersionFolder.files(card, dir))
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "msmla-0002.params",
            "training-curves.png",
            "confusion-matrix.png",
            "accuracy-by-area.png",
            "factsheet.json",
            "model.json");
    AreaAccuracy byAreas = ModelCard.read(dir.resolve("model.json")).accuracyByAreas();
    assertThat(byAreas.repeats()).isEqualTo(25);
    assertThat(byAreas.areasPerClass()).containsExactly(Map.entry("2", 3), Map.entry("A", 3));
    assertThat(byAreas.measures().get("oa").median())
        .isEqualTo(spread.measures().get("oa").median());
    assertThat(byAreas.f1()).containsOnlyKeys("2", "A");
    var png = javax.imageio.ImageIO.read(dir.resolve("accuracy-by-area.png").toFile());
    assertThat(png.getWidth()).isGreaterThanOrEqualTo(640);
    var factsheet =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("factsheet.json").toFile());
    assertThat(factsheet.get("repeats").get("oa")).hasSize(25);
    assertThat(factsheet.get("accuracyByAreas").get("measures").get("oaW").get("p95").asDouble())
        .isEqualTo(spread.measures().get("oaW").p95());
  }
}
