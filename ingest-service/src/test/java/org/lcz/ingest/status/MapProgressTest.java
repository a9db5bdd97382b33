package org.lcz.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneTiled;
import org.lcz.storage.ObjectRef;

class MapProgressTest {
  private static final ObjectRef REF = ObjectRef.of("lcz-maps", "x");

  @Test
  void distinctTilesAreCountedAndCompletionWins() {
    MapProgress p = new MapProgress();
    assertThat(p.of("s")).isEmpty();
    p.record(new MapTileWritten("s", "s-0_0", 0, 0, 4, REF, "v1"));
    p.record(new MapTileWritten("s", "s-0_0", 0, 0, 4, REF, "v1")); // redelivered
    p.record(new MapTileWritten("s", "s-0_1", 0, 1, 4, REF, "v1"));
    p.record(new SceneTiled("other", 3, REF, Instant.EPOCH)); // not a map event
    MapProgress.Progress mapping = p.of("s").orElseThrow();
    assertThat(mapping.tilesMapped()).isEqualTo(2);
    assertThat(mapping.tilesTotal()).isEqualTo(4);
    assertThat(mapping.completed()).isNull();
    assertThat(mapping.maps()).containsExactly(new MapProgress.MapState("v1", false, 2, 4, null));
    assertThat(p.of("other")).isEmpty();
    SceneMapCompleted done = new SceneMapCompleted("s", REF, REF, REF, "v1", 4, Instant.EPOCH);
    p.record(done);
    assertThat(p.of("s"))
        .get()
        .isEqualTo(
            new MapProgress.Progress(
                4, 4, done, List.of(new MapProgress.MapState("v1", false, 4, 4, done))));
  }

  @Test
  void aRemapIsAMapOfItsOwnAndOnceDoneTheScenesNewestMap() {
    MapProgress p = new MapProgress();
    SceneMapCompleted first = new SceneMapCompleted("s", REF, REF, REF, "v1", 2, Instant.EPOCH);
    p.record(first);
    // the re-map's tiles do not count for the first map
    p.record(new MapTileWritten("s", "s-0_0", 0, 0, 2, REF, "v2", true));
    p.record(new MapTileWritten("s", "s-0_0", 0, 0, 2, REF, "v2", true));
    MapProgress.Progress remapping = p.of("s").orElseThrow();
    assertThat(remapping.tilesMapped()).isEqualTo(2);
    assertThat(remapping.completed()).isEqualTo(first);
    assertThat(remapping.maps())
        .containsExactly(
            new MapProgress.MapState("v1", false, 2, 2, first),
            new MapProgress.MapState("v2", true, 1, 2, null));
    ObjectRef other = ObjectRef.of("lcz-maps", "y");
    SceneMapCompleted second =
        new SceneMapCompleted(
            "s",
            other,
            other,
            other,
            "v2",
            2,
            Instant.EPOCH.plusSeconds(9),
            Map.of("map", other),
            null,
            true);
    p.record(second);
    assertThat(p.of("s").orElseThrow().completed()).isEqualTo(second);
    assertThat(p.of("s").orElseThrow().maps())
        .containsExactly(
            new MapProgress.MapState("v1", false, 2, 2, first),
            new MapProgress.MapState("v2", true, 2, 2, second));
  }
}
