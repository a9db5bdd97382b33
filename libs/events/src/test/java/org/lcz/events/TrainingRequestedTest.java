package org.lcz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.storage.ObjectRef;

class TrainingRequestedTest {
  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");
  private static final TrainingAreas AREAS =
      new TrainingAreas(
          ObjectRef.of("lcz-datasets", "areas/city.kml"),
          List.of(ObjectRef.of("lcz-inbox", "city/sen2.tif")),
          null,
          null);
  private final EventCodec codec = new EventCodec();

  private static TrainingRequested fromAreas() {
    return TrainingRequested.minimal("run-1", "msmla-18", ObjectRef.of("lcz-datasets", "x.h5"), T)
        .with(AREAS)
        .withDataSets(null, null, null);
  }

  @Test
  void aRequestNeedsDataSetsOrTrainingAreas() {
    assertThatThrownBy(() -> TrainingRequested.minimal("run-1", "msmla-18", null, T))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trainData or trainingAreas is required");
    TrainingRequested r = fromAreas();
    assertThat(r.awaitsDataSets()).isTrue();
    assertThat(r.schemaVersion()).isEqualTo(2);
  }

  @Test
  void theDataSetsBuiltFromAreasKeepTheAreasAsProvenance() {
    TrainingRequested built =
        fromAreas()
            .withDataSets(
                ObjectRef.of("lcz-datasets", "areas/run-1/train.h5"),
                ObjectRef.of("lcz-datasets", "areas/run-1/val.h5"),
                null);
    assertThat(built.awaitsDataSets()).isFalse();
    assertThat(built.trainingAreas()).isEqualTo(AREAS);
    assertThat(built.validationData().key()).isEqualTo("areas/run-1/val.h5");
    assertThat(built.runId()).isEqualTo("run-1");
    assertThat(codec.fromJson(codec.toJson(built), TrainingRequested.class)).isEqualTo(built);
  }

  @Test
  void aVersionOneRequestStillReads() {
    String v1 =
        "{\"schemaVersion\":1,\"runId\":\"r\",\"variant\":\"msmla-18\",\"trainData\":"
            + "{\"bucket\":\"lcz-datasets\",\"key\":\"t.h5\"},\"requestedAt\":\"2026-11-27T10:00:00Z\"}";
    TrainingRequested r =
        codec.fromJson(v1.getBytes(StandardCharsets.UTF_8), TrainingRequested.class);
    assertThat(r.trainingAreas()).isNull();
    assertThat(r.awaitsDataSets()).isFalse();
  }

  @Test
  void trainingAreasNeedAScene() {
    assertThatThrownBy(
            () -> new TrainingAreas(ObjectRef.of("lcz-datasets", "a.kml"), List.of(), "lcz", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one scene");
    assertThatThrownBy(
            () ->
                new TrainingAreas(
                    ObjectRef.of("lcz-datasets", "a.kml"),
                    List.of(ObjectRef.of("lcz-inbox", "s.tif")),
                    null,
                    0))
        .hasMessageContaining("perArea must be at least 1");
  }
}
