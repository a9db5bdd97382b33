package org.lcz.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.events.TrainingRequested;
import org.lcz.storage.ObjectRef;

class TrainingRunRequestTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  private static TrainingRunRequest request(String variant, String train, String promote) {
    return new TrainingRunRequest(
        null,
        variant,
        train,
        "s3://other/val.h5",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        promote,
        null,
        null);
  }

  @Test
  void defaultsAndLocationsAreFilledIn() {
    TrainingRequested e = request(null, "sets/train.h5", null).toEvent(NOW);
    assertThat(e.runId()).startsWith("run-");
    assertThat(e.variant()).isEqualTo("msmla-18");
    assertThat(e.trainData()).isEqualTo(ObjectRef.of("lcz-datasets", "sets/train.h5"));
    assertThat(e.validationData()).isEqualTo(ObjectRef.of("other", "val.h5"));
    assertThat(e.testData()).isNull();
    assertThat(e.promote()).isNull();
    assertThat(e.requestedAt()).isEqualTo(NOW);
    assertThat(request(null, "t.h5", null).dataSets(e)).hasSize(2);
  }

  @Test
  void eachBadFieldIsNamed() {
    assertThatThrownBy(() -> request("MSMLA 34!", "t.h5", null).toEvent(NOW))
        .hasMessageContaining("variant must be an architecture's name such as msmla-18")
        .hasMessageContaining("MSMLA 34!");
    // The variants a worker knows are its registry's to say: a well-formed name goes through.
    assertThat(request("Sen2LCZ-Net-MF", "t.h5", null).toEvent(NOW).variant())
        .isEqualTo("sen2lcz-net-mf");
    assertThatThrownBy(() -> request(null, " ", null).toEvent(NOW))
        .hasMessageContaining(
            "trainData (s3://bucket/key or a key in lcz-datasets) or trainingAreas");
    assertThatThrownBy(() -> request(null, "http://x/t.h5", null).toEvent(NOW))
        .hasMessageContaining("trainData must be s3://bucket/key");
    assertThatThrownBy(() -> request(null, "s3://bucket-only", null).toEvent(NOW))
        .hasMessageContaining("trainData must be s3://bucket/key");
    assertThatThrownBy(() -> request(null, "t.h5", "sometimes").toEvent(NOW))
        .hasMessageContaining("promote must be if-better or always");
    assertThatThrownBy(
            () ->
                new TrainingRunRequest(
                        "a b", null, "t.h5", null, null, null, null, null, null, null, null, null,
                        null, null)
                    .toEvent(NOW))
        .hasMessageContaining("runId may hold");
    assertThatThrownBy(
            () ->
                new TrainingRunRequest(
                        null, null, "t.h5", null, null, List.of(), null, null, 2.0, null, null,
                        null, null, null)
                    .toEvent(NOW))
        .hasMessageContaining("learningRate must be within (0, 1)");
    assertThatThrownBy(
            () ->
                new TrainingRunRequest(
                        null, null, "t.h5", null, null, null, null, null, null, null, null, null,
                        "percent", null)
                    .toEvent(NOW))
        .hasMessageContaining("radiometry \"percent\" is not one of fraction");
  }

  @Test
  void aDeclaredRadiometryTravelsInTheEvent() {
    TrainingRequested e =
        new TrainingRunRequest(
                null,
                null,
                "t.h5",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                "fraction+offset",
                null)
            .toEvent(NOW);
    assertThat(e.radiometry()).isEqualTo("fraction+offset");
  }

  private static TrainingRunRequest areas(
      String train, String validation, TrainingRunRequest.Areas areas) {
    return new TrainingRunRequest(
        "city-1",
        null,
        train,
        validation,
        null,
        null,
        null,
        null,
        null,
        null,
        7L,
        null,
        null,
        areas);
  }

  @Test
  void trainingAreasAndTheirScenesReplaceTheDataSets() {
    TrainingRequested e =
        areas(
                null,
                null,
                new TrainingRunRequest.Areas(
                    "areas/city.kml",
                    List.of("city/sen2.tif", "s3://archive/a/item.json"),
                    null,
                    50))
            .toEvent(NOW);
    assertThat(e.awaitsDataSets()).isTrue();
    assertThat(e.schemaVersion()).isEqualTo(2);
    assertThat(e.trainingAreas().areas()).isEqualTo(ObjectRef.of("lcz-datasets", "areas/city.kml"));
    assertThat(e.trainingAreas().scenes())
        .containsExactly(
            ObjectRef.of("lcz-inbox", "city/sen2.tif"), ObjectRef.of("archive", "a/item.json"));
    assertThat(e.trainingAreas().perArea()).isEqualTo(50);
    assertThat(e.seed()).isEqualTo(7L);
    assertThat(areas(null, null, null).dataSets(e))
        .as("the objects checked for existence")
        .hasSize(3);
  }

  @Test
  void trainingAreasAreRefusedWithDataSetsOrWithoutScenes() {
    TrainingRunRequest.Areas ok =
        new TrainingRunRequest.Areas("a.kml", List.of("s.tif"), null, null);
    assertThatThrownBy(() -> areas("t.h5", null, ok).toEvent(NOW))
        .hasMessageContaining("give trainData or trainingAreas, not both");
    assertThatThrownBy(() -> areas(null, "v.h5", ok).toEvent(NOW))
        .hasMessageContaining("validationData and testData come from the training areas");
    assertThatThrownBy(
            () ->
                areas(null, null, new TrainingRunRequest.Areas("a.kml", List.of(), null, null))
                    .toEvent(NOW))
        .hasMessageContaining("trainingAreas.scenes must name at least one scene");
    assertThatThrownBy(
            () ->
                areas(null, null, new TrainingRunRequest.Areas(null, List.of("s.tif"), null, null))
                    .toEvent(NOW))
        .hasMessageContaining("trainingAreas.areas is required");
    assertThatThrownBy(
            () ->
                areas(null, null, new TrainingRunRequest.Areas("a.kml", List.of("s.tif"), null, 0))
                    .toEvent(NOW))
        .hasMessageContaining("trainingAreas.perArea must be at least 1");
  }
}
