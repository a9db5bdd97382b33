package org.lcz.ingest.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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
    assertThat(p.of("s")).get().isEqualTo(new MapProgress.Progress(2, 4, null));
    assertThat(p.of("other")).isEmpty();
    SceneMapCompleted done = new SceneMapCompleted("s", REF, REF, REF, "v1", 4, Instant.EPOCH);
    p.record(done);
    assertThat(p.of("s")).get().isEqualTo(new MapProgress.Progress(4, 4, done));
  }
}
