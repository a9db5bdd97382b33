package org.lcz.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.events.ModelPublished;
import org.lcz.ingest.SampleModels;

class SceneRemapTest {
  private static final Instant T = Instant.parse("2026-12-01T00:00:00Z");

  private static ModelPublished model(String name, String version) {
    return SampleModels.published(name, version, true);
  }

  private static SceneReport scene(String state, SceneReport.MapVersion... maps) {
    return new SceneReport("s1", state, null, null, null, null, null, null, List.of(maps), T, T);
  }

  private static SceneReport.MapVersion map(String version, boolean remap, String state) {
    return new SceneReport.MapVersion(
        version,
        remap,
        state,
        new SceneReport.Tiles(4, 4),
        SceneReport.DONE.equals(state)
            ? new SceneReport.MapOutputs(
                "s3://lcz-maps/scenes/s1/lcz.tif", null, null, version, Map.of())
            : null,
        null);
  }

  @Test
  void withoutAVersionTheCurrentOneMapsAndANamedOneMustBeAPublishedVersionOfTheModel() {
    ModelPublished v1 = model("msmla", "v1");
    ModelPublished v2 = model("msmla", "v2");
    ModelPublished other = model("resnet", "r1");
    Map<String, ModelPublished> published = Map.of("v1", v1, "v2", v2, "r1", other);
    assertThat(
            SceneRemap.version(
                null, "msmla", Optional.of(v2), v -> Optional.ofNullable(published.get(v))))
        .isEqualTo(v2);
    assertThat(
            SceneRemap.version(
                " v1 ", "msmla", Optional.of(v2), v -> Optional.ofNullable(published.get(v))))
        .isEqualTo(v1);
    assertThatThrownBy(
            () ->
                SceneRemap.version(
                    "v9", "msmla", Optional.of(v2), v -> Optional.ofNullable(published.get(v))))
        .isInstanceOfSatisfying(
            SceneRemap.Refused.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("no published version v9 of model msmla (GET /models lists them)");
    assertThatThrownBy(
            () ->
                SceneRemap.version(
                    "r1", "msmla", Optional.of(v2), v -> Optional.ofNullable(published.get(v))))
        .isInstanceOfSatisfying(
            SceneRemap.Refused.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThatThrownBy(
            () -> SceneRemap.version(null, "msmla", Optional.empty(), v -> Optional.empty()))
        .isInstanceOfSatisfying(
            SceneRemap.Refused.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessageStartingWith("no version of model msmla is current yet");
  }

  @Test
  void onlyADoneSceneWithoutAMapByThatVersionIsRemapped() {
    SceneRemap.requireMapped(scene("done", map("v1", false, "done")));
    SceneRemap.requireNoMapBy(scene("done", map("v1", false, "done")), "v2");
    assertThatThrownBy(
            () -> SceneRemap.requireMapped(scene("mapping", map("v1", false, "mapping"))))
        .isInstanceOfSatisfying(
            SceneRemap.Refused.class, e -> assertThat(e.status()).isEqualTo(409))
        .hasMessage(
            "scene s1 is mapping: only a mapped scene can be re-mapped (its first map must be done)");
    assertThatThrownBy(
            () -> SceneRemap.requireNoMapBy(scene("done", map("v1", false, "done")), "v1"))
        .isInstanceOf(SceneRemap.Refused.class)
        .hasMessage(
            "scene s1 already has a map by model version v1 (s3://lcz-maps/scenes/s1/lcz.tif)");
    assertThatThrownBy(
            () ->
                SceneRemap.requireNoMapBy(
                    scene("done", map("v1", false, "done"), map("v2", true, "mapping")), "v2"))
        .isInstanceOf(SceneRemap.Refused.class)
        .hasMessage("scene s1 is being mapped by model version v2");
    // a first map made by two versions (a swap mid-scene) is by neither alone
    SceneRemap.requireNoMapBy(scene("done", map("v1,v2", false, "done")), "v2");
  }
}
