package org.lcz.ingest.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.jboss.logging.Logger;
import org.lcz.common.events.LczEvent;
import org.lcz.common.events.SceneReceived;
import org.lcz.common.events.SceneRejected;
import org.lcz.common.events.SceneTiled;
import org.lcz.common.events.TileReady;
import org.lcz.common.raster.RasterException;
import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.ObjectInfo;
import org.lcz.common.storage.ObjectRef;
import org.lcz.common.storage.ObjectStore;
import org.lcz.ingest.tiling.SceneTiler;

/**
 * One inbox object, start to end: SceneReceived, download, tiles and manifest, one TileReady per
 * tile, SceneTiled, and the status object last; or SceneRejected with the reason and no tile
 * events. An object whose scene already has a status is not ingested again.
 */
public final class SceneIngestion {
  private static final Logger LOG = Logger.getLogger(SceneIngestion.class);

  /** Where the events go; returns once the broker has each. */
  public interface Events {
    void publish(LczEvent event);
  }

  /** How an object ended. */
  public enum Outcome {
    TILED,
    REJECTED,
    ALREADY_DONE
  }

  private final ObjectStore store;
  private final SceneTiler tiler;
  private final Events events;
  private final Path workDir;
  private final Clock clock;

  public SceneIngestion(
      ObjectStore store, SceneTiler tiler, Events events, Path workDir, Clock clock) {
    this.store = store;
    this.tiler = tiler;
    this.events = events;
    this.workDir = workDir;
    this.clock = clock;
  }

  /** Ingests {@code object} unless its scene was ingested before. */
  public Outcome ingest(ObjectInfo object) {
    String sceneId = SceneIds.of(object.ref().key(), object.etag());
    if (store.exists(Buckets.TILES, SceneStatus.key(sceneId))) {
      return Outcome.ALREADY_DONE;
    }
    ObjectRef source = object.ref();
    events.publish(
        new SceneReceived(LczEvent.CURRENT_SCHEMA_VERSION, sceneId, source, clock.instant()));
    Path file = null;
    try {
      Files.createDirectories(workDir);
      file = workDir.resolve(sceneId + ".tif");
      store.download(source, file);
      SceneTiler.Result result = tiler.tile(sceneId, file);
      for (TileReady tile : result.tiles()) {
        events.publish(tile);
      }
      events.publish(
          new SceneTiled(
              LczEvent.CURRENT_SCHEMA_VERSION,
              sceneId,
              result.tiles().size(),
              result.manifestRef(),
              clock.instant()));
      status(
          new SceneStatus(
              sceneId,
              SceneStatus.TILED,
              source.uri(),
              result.tiles().size(),
              null,
              clock.instant()));
      LOG.infof("scene %s: %d tiles from %s", sceneId, result.tiles().size(), source.uri());
      return Outcome.TILED;
    } catch (RasterException e) {
      return reject(sceneId, source, e.getMessage());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("work folder " + workDir, e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
      }
    }
  }

  private Outcome reject(String sceneId, ObjectRef source, String reason) {
    LOG.warnf("scene %s rejected: %s", sceneId, reason);
    for (var o : store.list(Buckets.TILES, "scenes/" + sceneId + "/")) {
      store.delete(Buckets.TILES, o.ref().key()); // no partial output
    }
    events.publish(
        new SceneRejected(
            LczEvent.CURRENT_SCHEMA_VERSION, sceneId, source, reason, clock.instant()));
    status(
        new SceneStatus(
            sceneId, SceneStatus.REJECTED, source.uri(), null, reason, clock.instant()));
    return Outcome.REJECTED;
  }

  private void status(SceneStatus s) {
    store.put(Buckets.TILES, SceneStatus.key(s.sceneId()), s.toJson(), "application/json");
  }
}
