package org.lcz.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.events.SceneMapCompleted;
import org.lcz.ingest.inbox.SceneStatus;
import org.lcz.storage.ObjectRef;

class SceneReportTest {
  private static final Instant T = Instant.parse("2026-11-24T10:00:00Z");

  private static SceneStatus status(String state, Integer tiles) {
    return new SceneStatus(
        "s",
        state,
        "s3://lcz-inbox/s.tif",
        "e",
        tiles,
        tiles == null ? null : "scenes/s/manifest.json",
        null,
        1,
        T,
        T,
        null);
  }

  @Test
  void ingestionStatesPassThroughAndInferenceAdvancesATiledScene() {
    assertThat(SceneReport.of(status("tiling", null), Optional.empty(), "lcz-tiles").state())
        .isEqualTo("tiling");
    SceneReport tiled = SceneReport.of(status("tiled", 6), Optional.empty(), "lcz-tiles");
    assertThat(tiled.state()).isEqualTo("tiled");
    assertThat(tiled.tiles()).isEqualTo(new SceneReport.Tiles(6, 0));
    assertThat(tiled.manifest()).isEqualTo("s3://lcz-tiles/scenes/s/manifest.json");
    SceneReport mapping =
        SceneReport.of(
            status("tiled", 6),
            Optional.of(new MapProgress.Progress(2, 6, null, java.util.List.of())),
            "lcz-tiles");
    assertThat(mapping.state()).isEqualTo("mapping");
    assertThat(mapping.tiles().mapped()).isEqualTo(2);
    ObjectRef cog = ObjectRef.of("lcz-maps", "scenes/s/lcz.tif");
    ObjectRef areas = ObjectRef.of("lcz-maps", "scenes/s/areas.json");
    java.util.Map<String, ObjectRef> products = new java.util.LinkedHashMap<>();
    products.put("map", cog);
    products.put("areas", areas);
    SceneMapCompleted c = new SceneMapCompleted("s", cog, cog, cog, "v9", 6, T, products);
    SceneReport done =
        SceneReport.of(
            status("tiled", 6),
            Optional.of(new MapProgress.Progress(6, 6, c, java.util.List.of())),
            "lcz-tiles");
    assertThat(done.state()).isEqualTo("done");
    assertThat(done.map().cog()).isEqualTo(cog.uri());
    assertThat(done.map().modelVersion()).isEqualTo("v9");
    assertThat(done.map().products())
        .containsExactly(
            java.util.Map.entry("map", cog.uri()),
            java.util.Map.entry("areas", "s3://lcz-maps/scenes/s/areas.json"));
  }

  @Test
  void everyMapIsListedWithItsStateAndTheNewestDoneMapIsTheScenesMap() {
    ObjectRef first = ObjectRef.of("lcz-maps", "scenes/s/lcz.tif");
    ObjectRef second = ObjectRef.of("lcz-maps", "scenes/s/models/v2/lcz.tif");
    MapProgress progress = new MapProgress();
    progress.record(new SceneMapCompleted("s", first, first, first, "v1", 6, T));
    progress.record(new org.lcz.events.MapTileWritten("s", "s-0_0", 0, 0, 6, second, "v2", true));
    SceneReport remapping = SceneReport.of(status("tiled", 6), progress.of("s"), "lcz-tiles");
    assertThat(remapping.state()).isEqualTo("done");
    assertThat(remapping.map().cog()).isEqualTo(first.uri());
    assertThat(remapping.maps())
        .extracting(
            SceneReport.MapVersion::modelVersion,
            SceneReport.MapVersion::remap,
            SceneReport.MapVersion::state,
            SceneReport.MapVersion::tiles)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("v1", false, "done", new SceneReport.Tiles(6, 6)),
            org.assertj.core.groups.Tuple.tuple(
                "v2", true, "mapping", new SceneReport.Tiles(6, 1)));
    progress.record(
        new SceneMapCompleted(
            "s",
            second,
            second,
            second,
            "v2",
            6,
            T.plusSeconds(60),
            java.util.Map.of("map", second),
            null,
            true));
    SceneReport both = SceneReport.of(status("tiled", 6), progress.of("s"), "lcz-tiles");
    assertThat(both.map().cog()).isEqualTo(second.uri());
    assertThat(both.map().modelVersion()).isEqualTo("v2");
    assertThat(both.maps())
        .extracting(m -> m.outputs().cog(), SceneReport.MapVersion::completedAt)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(first.uri(), T),
            org.assertj.core.groups.Tuple.tuple(second.uri(), T.plusSeconds(60)));
  }

  @Test
  void aRejectedSceneStaysRejectedWhateverInferenceSays() {
    SceneReport r =
        SceneReport.of(
            status("rejected", null),
            Optional.of(new MapProgress.Progress(1, 1, null, java.util.List.of())),
            "lcz-tiles");
    assertThat(r.state()).isEqualTo("rejected");
    assertThat(r.tiles()).isNull();
  }
}
