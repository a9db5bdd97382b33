package org.lcz.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcz.contract.Radiometry;
import org.lcz.events.EpochCompleted;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.events.Promotion;
import org.lcz.events.TrainingAreas;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.storage.ObjectRef;

class TrainingRunsTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");
  private static final ObjectRef TRAIN = ObjectRef.of("lcz-datasets", "w/train.h5");

  @Test
  void aRunGoesFromPreparingToTrainingToPublishedWithItsEpochsInOrder() {
    TrainingRuns runs = new TrainingRuns();
    TrainingRequested areas =
        request(
            "r-1",
            null,
            new TrainingAreas(
                ObjectRef.of("lcz-datasets", "a.kml"),
                List.of(ObjectRef.of("lcz-inbox", "s.tif")),
                null,
                null));
    runs.record(areas, T);
    assertThat(runs.run("r-1").orElseThrow().state()).isEqualTo(TrainingRuns.PREPARING);
    runs.record(areas.withDataSets(TRAIN, null, null), T.plusSeconds(5));
    assertThat(runs.run("r-1").orElseThrow().state()).isEqualTo(TrainingRuns.QUEUED);
    runs.record(epoch("r-1", 1, 2.0), T.plusSeconds(10));
    runs.record(epoch("r-1", 2, 1.5), T.plusSeconds(20));
    runs.record(epoch("r-1", 2, 1.5), T.plusSeconds(21)); // redelivered
    TrainingRuns.Run training = runs.run("r-1").orElseThrow();
    assertThat(training.state()).isEqualTo(TrainingRuns.TRAINING);
    assertThat(training.history()).extracting(TrainingRuns.Epoch::epoch).containsExactly(1, 2);
    assertThat(training.history().get(1).loss()).isEqualTo(1.5);
    assertThat(training.trainingAreas()).isEqualTo("s3://lcz-datasets/a.kml");
    assertThat(training.trainData()).isEqualTo("s3://lcz-datasets/w/train.h5");
    assertThat(training.epochs()).isEqualTo(2);

    runs.record(model("20261128T100100Z-r-1", true), T.plusSeconds(30));
    TrainingRuns.Run done = runs.run("r-1").orElseThrow();
    assertThat(done.state()).isEqualTo(TrainingRuns.PUBLISHED);
    assertThat(done.model()).isEqualTo("20261128T100100Z-r-1");
    assertThat(done.updatedAt()).isEqualTo(T.plusSeconds(30));
  }

  @Test
  void aFailedRunKeepsItsReasonAndLaterRunsComeFirst() {
    TrainingRuns runs = new TrainingRuns();
    runs.record(request("r-1", TRAIN), T);
    runs.record(request("r-2", TRAIN), T.plusSeconds(60));
    runs.record(new TrainingFailed("r-1", "no class has 2 patches", T), T.plusSeconds(120));
    assertThat(runs.runs()).extracting(TrainingRuns.Run::runId).containsExactly("r-1", "r-2");
    TrainingRuns.Run failed = runs.run("r-1").orElseThrow();
    assertThat(failed.state()).isEqualTo(TrainingRuns.FAILED);
    assertThat(failed.reason()).isEqualTo("no class has 2 patches");
    runs.record(epoch("r-1", 1, 2.0), T.plusSeconds(130)); // a late epoch does not revive it
    assertThat(runs.run("r-1").orElseThrow().state()).isEqualTo(TrainingRuns.FAILED);
    assertThat(runs.run("r-9")).isEmpty();
  }

  @Test
  void theCurrentModelIsTheLatestPromotedVersionNotTheLatestPublished() {
    TrainingRuns runs = new TrainingRuns();
    // run ids that end alike: each version belongs to the longest run id it ends with
    runs.record(request("a-1", TRAIN), T);
    runs.record(request("1", TRAIN), T);
    runs.record(model("20261128T100000Z-a-1", true), T.plusSeconds(1));
    runs.record(model("20261128T100500Z-1", false), T.plusSeconds(2));
    List<TrainingRuns.Model> models = runs.models();
    assertThat(models)
        .extracting(m -> m.version() + " " + m.runId() + " " + m.current())
        .containsExactly("20261128T100500Z-1 1 false", "20261128T100000Z-a-1 a-1 true");
    runs.record(model("20261128T101000Z-1", true), T.plusSeconds(3));
    assertThat(runs.models())
        .filteredOn(TrainingRuns.Model::current)
        .extracting(TrainingRuns.Model::version)
        .containsExactly("20261128T101000Z-1");
    assertThat(runs.model("20261128T100000Z-a-1")).isPresent();
  }

  @Test
  void otherEventsAreIgnored() {
    TrainingRuns runs = new TrainingRuns();
    LczEvent other = new org.lcz.events.SceneReceived("s1", ObjectRef.of("lcz-inbox", "x.tif"), T);
    runs.record(other, T);
    assertThat(runs.runs()).isEmpty();
    assertThat(runs.models()).isEmpty();
  }

  private static TrainingRequested request(String runId, ObjectRef train) {
    return request(runId, train, null);
  }

  private static TrainingRequested request(String runId, ObjectRef train, TrainingAreas areas) {
    return new TrainingRequested(
        TrainingRequested.SCHEMA_VERSION,
        runId,
        "msmla-18",
        train,
        null,
        null,
        null,
        null,
        2,
        null,
        null,
        null,
        null,
        Promotion.ALWAYS,
        T,
        areas);
  }

  private static EpochCompleted epoch(String runId, int epoch, double loss) {
    return new EpochCompleted(runId, epoch, 2, loss, 0.5, 0.4, 0.001, 100, 10, 32);
  }

  private static ModelPublished model(String version, boolean promoted) {
    ModelContract contract =
        new ModelContract(
            "MSMLA-18",
            List.of("B2"),
            48,
            10,
            Radiometry.CANONICAL,
            List.of(0.0),
            List.of(1.0),
            List.of(1),
            List.of("1"),
            TRAIN,
            Map.of(),
            version,
            T);
    return new ModelPublished(
        ModelPublished.CURRENT_SCHEMA_VERSION,
        "msmla",
        version,
        ObjectRef.of("lcz-models", "msmla/" + version + "/model.onnx"),
        ObjectRef.of("lcz-models", "msmla/" + version + "/model.json"),
        contract,
        promoted,
        promoted ? "promoted" : "kept as a candidate",
        0.8,
        null,
        T);
  }
}
