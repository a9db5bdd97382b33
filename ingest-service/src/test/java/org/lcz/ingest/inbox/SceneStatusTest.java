package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SceneStatusTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

  @Test
  void aStatusRoundTripsAndIsKeptUnderOnePrefix() {
    SceneStatus s =
        new SceneStatus(
            "s1",
            SceneStatus.REJECTED,
            "s3://lcz-inbox/a.tif",
            "e1",
            null,
            null,
            "no CRS",
            1,
            T0,
            T0.plusSeconds(3),
            null);
    assertThat(SceneStatus.read(s.toJson())).isEqualTo(s);
    assertThat(SceneStatus.key("s1")).isEqualTo("status/s1.json");
    assertThat(new String(s.toJson(), StandardCharsets.UTF_8)).doesNotContain("tiles");
  }

  @Test
  void onlyTiledAndRejectedAreFinished() {
    SceneStatus received =
        new SceneStatus(
            "s1", SceneStatus.RECEIVED, "s3://x/a.tif", "e", null, null, null, 0, T0, T0, null);
    assertThat(received.finished()).isFalse();
    assertThat(received.next(SceneStatus.TILING, T0).finished()).isFalse();
    assertThat(received.next(SceneStatus.TILED, T0).finished()).isTrue();
    assertThat(received.next(SceneStatus.REJECTED, T0).finished()).isTrue();
    assertThat(received.next(SceneStatus.TILED, T0.plusSeconds(1)).receivedAt()).isEqualTo(T0);
  }

  @Test
  void transitionsKeepTheSceneAndCountAttempts() {
    SceneStatus received =
        new SceneStatus(
            "s1", SceneStatus.RECEIVED, "s3://x/a.tif", "e", null, null, null, 0, T0, T0, null);
    SceneStatus tiling = received.tiling(T0.plusSeconds(1));
    assertThat(tiling.state()).isEqualTo(SceneStatus.TILING);
    assertThat(tiling.attempts()).isEqualTo(1);
    SceneStatus tiled = tiling.tiled(6, "scenes/s1/manifest.json", T0.plusSeconds(2));
    assertThat(tiled)
        .isEqualTo(
            new SceneStatus(
                "s1",
                SceneStatus.TILED,
                "s3://x/a.tif",
                "e",
                6,
                "scenes/s1/manifest.json",
                null,
                1,
                T0,
                T0.plusSeconds(2),
                null));
    assertThat(tiling.rejected("bad", T0).reason()).isEqualTo("bad");
    assertThat(tiling.rejected("bad", T0).tiles()).isNull();
    SceneStatus waiting = tiling.waiting("waiting for b.tif", T0);
    assertThat(waiting.state()).isEqualTo(SceneStatus.RECEIVED);
    assertThat(waiting.attempts()).isEqualTo(1);
  }
}
