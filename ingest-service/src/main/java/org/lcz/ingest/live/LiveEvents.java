package org.lcz.ingest.live;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.lcz.events.EpochCompleted;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.ModelPublished;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.SceneTiled;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;

/**
 * Fans the platform's events out to every open event stream of the web page. A stream that cannot
 * keep up loses events rather than holding the others back (the page re-reads the REST API on the
 * next one); a heartbeat every 15 s lets the browser notice a dead connection.
 */
@ApplicationScoped
public class LiveEvents {
  static final Duration HEARTBEAT = Duration.ofSeconds(15);

  private final BroadcastProcessor<LiveEvent> hub = BroadcastProcessor.create();

  /** Tells every stream that {@code event} happened at {@code at}. */
  public void publish(LczEvent event, Instant at) {
    LiveEvent live = of(event, at);
    if (live != null) {
      hub.onNext(live);
    }
  }

  /** Tells every stream that a scene's ingest status changed. */
  public void sceneStatus(String sceneId, String state, Instant at) {
    hub.onNext(new LiveEvent(LiveEvent.SCENE, sceneId, state, at));
  }

  /** A stream for one page: the events from now on, with heartbeats. */
  public Multi<LiveEvent> stream() {
    Multi<LiveEvent> events = hub.onOverflow().drop();
    Multi<LiveEvent> beats =
        Multi.createFrom()
            .ticks()
            .every(HEARTBEAT)
            .onOverflow()
            .drop()
            .map(t -> new LiveEvent(LiveEvent.HEARTBEAT, null, null, Instant.now()));
    return Multi.createBy().merging().streams(events, beats);
  }

  /** The page's view of a platform event, or {@code null} for one the page does not follow. */
  static LiveEvent of(LczEvent e, Instant at) {
    if (e instanceof SceneReceived r) {
      return new LiveEvent(LiveEvent.SCENE, r.sceneId(), "SceneReceived", at);
    } else if (e instanceof SceneTiled t) {
      return new LiveEvent(LiveEvent.SCENE, t.sceneId(), "SceneTiled", at);
    } else if (e instanceof SceneRejected r) {
      return new LiveEvent(LiveEvent.SCENE, r.sceneId(), "SceneRejected", at);
    } else if (e instanceof MapTileWritten w) {
      return new LiveEvent(LiveEvent.SCENE, w.sceneId(), "MapTileWritten", at);
    } else if (e instanceof SceneMapCompleted c) {
      return new LiveEvent(LiveEvent.SCENE, c.sceneId(), "SceneMapCompleted", at);
    } else if (e instanceof TrainingRequested r) {
      return new LiveEvent(LiveEvent.TRAINING, r.runId(), "TrainingRequested", at);
    } else if (e instanceof EpochCompleted c) {
      return new LiveEvent(LiveEvent.TRAINING, c.runId(), "EpochCompleted", at);
    } else if (e instanceof TrainingFailed f) {
      return new LiveEvent(LiveEvent.TRAINING, f.runId(), "TrainingFailed", at);
    } else if (e instanceof ModelPublished m) {
      return new LiveEvent(LiveEvent.MODEL, m.version(), "ModelPublished", at);
    } else if (e instanceof RegionDefined d) {
      return new LiveEvent(LiveEvent.REGION, d.name(), "RegionDefined", at);
    } else if (e instanceof RegionDeleted d) {
      return new LiveEvent(LiveEvent.REGION, d.name(), "RegionDeleted", at);
    } else if (e instanceof RegionMapUpdated u) {
      return new LiveEvent(LiveEvent.REGION, u.region(), "RegionMapUpdated", at);
    }
    return null;
  }
}
