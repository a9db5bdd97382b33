package org.lcz.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.lcz.events.EpochCompleted;
import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneReceived;
import org.lcz.events.TileReady;
import org.lcz.storage.ObjectRef;

class LiveEventsTest {
  private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

  @Test
  void everyOpenStreamHearsOfEachChangeTheOthersToo() {
    LiveEvents live = new LiveEvents();
    List<LiveEvent> first = new CopyOnWriteArrayList<>();
    List<LiveEvent> second = new CopyOnWriteArrayList<>();
    // heartbeats come on a timer of their own (every 15 s, sooner on a slow machine's first tick):
    // this test is about the changes
    Cancellable a = live.stream().subscribe().with(e -> changes(e, first));
    Cancellable b = live.stream().subscribe().with(e -> changes(e, second));

    live.publish(new SceneReceived("s1", ObjectRef.of("lcz-inbox", "x.tif"), T), T);
    live.sceneStatus("s1", "tiling", T.plusSeconds(1));
    live.publish(new EpochCompleted("run-1", 1, 5, 2.0, 0.3, 0.2, 0.001, 50, 100, 32), T);

    for (List<LiveEvent> heard : List.of(first, second)) {
      assertThat(heard)
          .containsExactly(
              new LiveEvent(LiveEvent.SCENE, "s1", "SceneReceived", T),
              new LiveEvent(LiveEvent.SCENE, "s1", "tiling", T.plusSeconds(1)),
              new LiveEvent(LiveEvent.TRAINING, "run-1", "EpochCompleted", T));
    }
    a.cancel();
    live.sceneStatus("s2", "received", T);
    assertThat(first).hasSize(3);
    assertThat(second).hasSize(4);
    b.cancel();
  }

  private static void changes(LiveEvent e, List<LiveEvent> heard) {
    if (!LiveEvent.HEARTBEAT.equals(e.kind())) {
      heard.add(e);
    }
  }

  @Test
  void eventsThePageDoesNotFollowAreNotSent() {
    ObjectRef ref = ObjectRef.of("lcz-tiles", "scenes/s1/tiles/0_0.tif");
    assertThat(LiveEvents.of(new TileReady("s1", "s1-0_0", 0, 0, 1, ref, ref), T)).isNull();
    assertThat(LiveEvents.of(new MapTileWritten("s1", "s1-0_0", 0, 0, 1, ref, "v1"), T))
        .isEqualTo(new LiveEvent(LiveEvent.SCENE, "s1", "MapTileWritten", T));
  }

  @Test
  void aRegionsChangesAreSentAsRegionEvents() {
    assertThat(LiveEvents.of(new org.lcz.events.RegionDeleted("porto", T), T))
        .isEqualTo(new LiveEvent(LiveEvent.REGION, "porto", "RegionDeleted", T));
  }
}
