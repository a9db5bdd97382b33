package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapKeysTest {
  @Test
  void aScenesFirstMapLivesUnderTheSceneAndEachRemapUnderItsModelVersion() {
    assertThat(MapKeys.tile("s1", "0_1").uri()).isEqualTo("s3://lcz-maps/scenes/s1/tiles/0_1.tif");
    assertThat(MapKeys.tile("s1", null, "0_1")).isEqualTo(MapKeys.tile("s1", "0_1"));
    assertThat(MapKeys.tile("s1", "v2", "0_1").uri())
        .isEqualTo("s3://lcz-maps/scenes/s1/models/v2/tiles/0_1.tif");
    assertThat(MapKeys.product("s1", "lcz.tif").uri()).isEqualTo("s3://lcz-maps/scenes/s1/lcz.tif");
    assertThat(MapKeys.product("s1", "v2", "item.json").uri())
        .isEqualTo("s3://lcz-maps/scenes/s1/models/v2/item.json");
    assertThat(MapKeys.manifest("s1").uri()).isEqualTo("s3://lcz-tiles/scenes/s1/manifest.json");
    assertThatThrownBy(() -> MapKeys.product("s1", "v2", "../x.tif"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aMapIdNamesTheFirstMapByTheSceneAndARemapByItsVersionToo() {
    SceneMapId first = SceneMapId.first("s1");
    assertThat(first.isRemap()).isFalse();
    assertThat(first.key()).isEqualTo("s1");
    assertThat(first).hasToString("scene s1");
    SceneMapId again = new SceneMapId("s1", "v2");
    assertThat(again.key()).isEqualTo("s1@v2");
    assertThat(again).hasToString("scene s1 re-mapped by model v2");
    org.lcz.storage.ObjectRef ref = MapKeys.tile("s1", "v2", "0_0");
    assertThat(
            SceneMapId.of(new org.lcz.events.MapTileWritten("s1", "t", 0, 0, 1, ref, "v2", true)))
        .isEqualTo(again);
    assertThat(SceneMapId.of(new org.lcz.events.MapTileWritten("s1", "t", 0, 0, 1, ref, "v2")))
        .as("a first map's tile names its model but is of the first map")
        .isEqualTo(first);
  }
}
