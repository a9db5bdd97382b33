package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SceneStatusTest {
  @Test
  void aStatusRoundTripsAndLivesNextToItsTiles() {
    SceneStatus s =
        new SceneStatus(
            "s1",
            SceneStatus.REJECTED,
            "s3://lcz-inbox/a.tif",
            null,
            "no CRS",
            Instant.parse("2026-11-24T10:00:00Z"));
    assertThat(SceneStatus.read(s.toJson())).isEqualTo(s);
    assertThat(SceneStatus.key("s1")).isEqualTo("scenes/s1/status.json");
  }
}
