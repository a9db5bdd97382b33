package org.lcz.training.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lcz.events.TrainingRequested;
import org.lcz.storage.ObjectRef;

class ModelVersionsTest {
  private static TrainingRequested request(String runId, String at) {
    return TrainingRequested.minimal(
        runId, "msmla-18", ObjectRef.of("lcz-datasets", "t.h5"), Instant.parse(at));
  }

  @Test
  void theVersionComesFromTheRequestAloneAndSortsByRequestTime() {
    TrainingRequested r = request("run-7", "2026-11-24T10:15:00Z");
    assertThat(ModelVersions.of(r)).isEqualTo("20261124T101500Z-run-7");
    assertThat(ModelVersions.of(request("run-7", "2026-11-24T10:15:00Z")))
        .isEqualTo(ModelVersions.of(r));
    assertThat(ModelVersions.of(request("a", "2026-11-24T09:00:00Z")))
        .isLessThan(ModelVersions.of(request("a", "2026-11-24T10:00:00Z")));
  }

  @Test
  void runIdsAreMadeSafeForObjectKeys() {
    String v = ModelVersions.of(request("../we ird/id?", "2026-01-01T00:00:00Z"));
    assertThat(v).isEqualTo("20260101T000000Z-.._we_ird_id_");
    assertThat(ModelVersions.prefix(v)).isEqualTo("msmla/" + v + "/");
    assertThat(ModelVersions.cardKey(v)).isEqualTo("msmla/" + v + "/model.json");
  }
}
