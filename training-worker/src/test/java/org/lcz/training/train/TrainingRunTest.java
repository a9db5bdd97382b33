package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.training.LearnableSets;
import org.lcz.training.data.DatasetException;
import org.lcz.training.data.DatasetLayout;

class TrainingRunTest {
  @TempDir static Path sets;

  @BeforeAll
  static void writeSets() throws Exception {
    LearnableSets.write(sets);
  }

  static TrainingData data() {
    return new TrainingData(
        sets.resolve("train.h5"),
        Optional.of(sets.resolve("val.h5")),
        Optional.of(sets.resolve("test.h5")),
        DatasetLayout.MSMLA);
  }

  static TrainingPlan plan(int epochs, long seed) {
    return new TrainingPlan("msmla-18", List.of(), epochs, 32, 0.002, 4, seed, 4, 0.5, true);
  }

  @Test
  void aShortSeededTrainingLearnsTheSetAndKeepsTheBestEpoch(@TempDir Path out) {
    List<EpochStats> heard = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int[] batches = new int[1];
    TrainingListener listener =
        new TrainingListener() {
          @Override
          public void onBatch(int epoch, int batch, int total, double loss) {
            batches[0]++;
            assertThat(total).isEqualTo(LearnableSets.TRAIN / 32);
          }

          @Override
          public void onEpoch(EpochStats stats) {
            heard.add(stats);
          }

          @Override
          public void onNote(String message) {
            notes.add(message);
          }
        };

    TrainingOutcome outcome = new TrainingRun(data(), plan(10, 7), listener).run(out);

    assertThat(outcome.history()).isEqualTo(heard);
    assertThat(batches[0]).isEqualTo(heard.size() * (LearnableSets.TRAIN / 32));
    double bestOa = heard.stream().mapToDouble(EpochStats::validationOa).max().orElseThrow();
    assertThat(outcome.best().validationOa()).isEqualTo(bestOa);
    assertThat(bestOa).isGreaterThanOrEqualTo(0.9);
    assertThat(heard.get(heard.size() - 1).loss()).isLessThan(heard.get(0).loss());
    assertThat(outcome.checkpoint()).exists();
    assertThat(outcome.checkpoint().getFileName().toString())
        .isEqualTo(String.format("msmla-%04d.params", outcome.bestEpoch()));
    assertThat(outcome.evaluation().total()).isEqualTo(LearnableSets.TRAIN / 3);
    assertThat(outcome.classSupport()).hasSize(17);
    assertThat(outcome.classSupport()[0]).isZero();
    assertThat(notes).anyMatch(n -> n.contains("CPU") || n.contains("gpu"));
    System.out.println(outcome.history());
  }

  @Test
  void theSameSeedGivesTheSameRun(@TempDir Path a, @TempDir Path b) throws Exception {
    TrainingOutcome first = new TrainingRun(data(), plan(2, 11), new TrainingListener() {}).run(a);
    TrainingOutcome second = new TrainingRun(data(), plan(2, 11), new TrainingListener() {}).run(b);
    for (int i = 0; i < 2; i++) {
      assertThat(second.history().get(i).loss()).isEqualTo(first.history().get(i).loss());
      assertThat(second.history().get(i).validationOa())
          .isEqualTo(first.history().get(i).validationOa());
    }
    assertThat(Files.readAllBytes(second.checkpoint()))
        .isEqualTo(Files.readAllBytes(first.checkpoint()));
  }

  @Test
  void aTrainingSetSmallerThanAnOpenBatchTrainsWithBatchesOfTheWholeSet(@TempDir Path out) {
    TrainingPlan big = new TrainingPlan("msmla-18", List.of(), 1, 1024, 0.002, 4, 1, 4, 0.5, true);
    List<String> notes = new ArrayList<>();
    TrainingOutcome outcome =
        new TrainingRun(
                data(),
                big,
                new TrainingListener() {
                  @Override
                  public void onNote(String message) {
                    notes.add(message);
                  }
                })
            .batchFixed(false)
            .run(out);
    assertThat(outcome.plan().batchSize()).isEqualTo(LearnableSets.TRAIN);
    assertThat(outcome.plan().batchReducedFrom()).isEqualTo(1024);
    assertThat(outcome.history())
        .singleElement()
        .extracting(EpochStats::batchSize)
        .isEqualTo(LearnableSets.TRAIN);
    assertThat(notes)
        .contains(
            "the training set has "
                + LearnableSets.TRAIN
                + " patches, fewer than one batch of 1024: training with batches of "
                + LearnableSets.TRAIN
                + " (set \"batchSize\" to choose)");
  }

  @Test
  void aTrainingSetSmallerThanAFixedBatchIsRefusedByName(@TempDir Path out) {
    TrainingPlan big = new TrainingPlan("msmla-18", List.of(), 1, 1024, 0.002, 4, 1, 4, 0.5, true);
    assertThatThrownBy(() -> new TrainingRun(data(), big, new TrainingListener() {}).run(out))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("train.h5")
        .hasMessageContaining("fewer than one batch of 1024");
  }

  @Test
  void aTrainingSetOfOneClassIsRefusedNamingIt() {
    Path file = Path.of("one-class.h5");
    long[] support = new long[17];
    support[4] = 120;
    assertThatThrownBy(() -> TrainingRun.requireTwoClasses(file, support))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("one-class.h5")
        .hasMessageContaining("every patch is of one class (label index 4)");
    assertThatThrownBy(() -> TrainingRun.requireTwoClasses(file, new long[17]))
        .hasMessageContaining("no patch has a class");
    support[16] = 1;
    TrainingRun.requireTwoClasses(file, support); // two classes: enough
  }
}
