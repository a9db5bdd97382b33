package org.lcz.ingest.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.lcz.common.events.LczEvent;
import org.lcz.common.events.SceneReceived;
import org.lcz.common.events.SceneRejected;
import org.lcz.common.events.SceneTiled;
import org.lcz.common.events.TileReady;
import org.lcz.common.raster.RasterException;
import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.ChecksumMismatchException;
import org.lcz.common.storage.ObjectInfo;
import org.lcz.common.storage.ObjectRef;
import org.lcz.common.storage.ObjectStore;
import org.lcz.common.storage.ObjectStoreException;
import org.lcz.ingest.tiling.SceneDefinition;
import org.lcz.ingest.tiling.SceneTiler;

/**
 * One inbox object, start to end. {@link #receive} records the scene ({@code received} status,
 * SceneReceived) the first time its object is seen; {@link #ingest} downloads it, cuts the tiles
 * and manifest, sends one TileReady per tile and SceneTiled, and writes the {@code tiled} status
 * last; or, for a scene the reader or the band specification refuses, deletes what it wrote, sends
 * SceneRejected with the reason and writes the {@code rejected} status. A scene whose status is
 * finished is not ingested again; one left {@code tiling} by a crash or an outage is tried again,
 * at most {@link #MAX_ATTEMPTS} times in all.
 */
public final class SceneIngestion {
  private static final Logger LOG = Logger.getLogger(SceneIngestion.class);

  /** Tiling attempts before a scene that keeps failing unexpectedly is rejected. */
  public static final int MAX_ATTEMPTS = 3;

  /** Where the events go; returns once the broker has each. */
  public interface Events {
    void publish(LczEvent event);
  }

  /** How an object ended. */
  public enum Outcome {
    TILED,
    REJECTED,
    ALREADY_DONE,
    /** A manifest whose files are not all in the inbox yet: submit it again later. */
    WAITING
  }

  /** The largest {@code scene.json} read. */
  static final long MAX_MANIFEST_BYTES = 1 << 20;

  private final ObjectStore store;
  private final SceneTiler tiler;
  private final Events events;
  private final Path workDir;
  private final Clock clock;
  private final Duration manifestWait;

  /**
   * @param manifestWait how long after a manifest arrives its missing files are waited for, before
   *     the scene is rejected naming them
   */
  public SceneIngestion(
      ObjectStore store,
      SceneTiler tiler,
      Events events,
      Path workDir,
      Clock clock,
      Duration manifestWait) {
    this.store = store;
    this.tiler = tiler;
    this.events = events;
    this.workDir = workDir;
    this.clock = clock;
    this.manifestWait = manifestWait;
  }

  /** The tiler, to check a file without tiling it. */
  public SceneTiler tiler() {
    return tiler;
  }

  /**
   * Rejects {@code object} for {@code reason} found before ingestion (e.g. when an upload was
   * checked), unless its scene has finished before; returns its status.
   */
  public SceneStatus reject(ObjectInfo object, String reason) {
    SceneStatus status = receive(object);
    if (status.finished()) {
      return status;
    }
    reject(status, object.ref(), reason);
    return status(status.sceneId()).orElseThrow();
  }

  /** The scene id of an inbox object. */
  public static String sceneId(ObjectInfo object) {
    return SceneIds.of(object.ref().key(), object.etag());
  }

  /** The scene's status, if it was ever received. */
  public Optional<SceneStatus> status(String sceneId) {
    if (!store.exists(Buckets.TILES, SceneStatus.key(sceneId))) {
      return Optional.empty();
    }
    return Optional.of(
        SceneStatus.read(store.read(ObjectRef.of(Buckets.TILES, SceneStatus.key(sceneId)))));
  }

  /**
   * Records {@code object} as a scene if it is new (status {@code received}, then SceneReceived)
   * and returns the scene's status.
   */
  public SceneStatus receive(ObjectInfo object) {
    String sceneId = sceneId(object);
    Optional<SceneStatus> known = status(sceneId);
    if (known.isPresent()) {
      return known.get();
    }
    SceneStatus received =
        new SceneStatus(
            sceneId,
            SceneStatus.RECEIVED,
            object.ref().uri(),
            object.etag(),
            null,
            null,
            null,
            0,
            clock.instant(),
            clock.instant());
    write(received);
    events.publish(
        new SceneReceived(
            LczEvent.CURRENT_SCHEMA_VERSION, sceneId, object.ref(), received.receivedAt()));
    return received;
  }

  /**
   * Ingests {@code object} unless its scene has finished before.
   *
   * @throws ObjectStoreException or another runtime exception when the store or the broker fails;
   *     the scene stays {@code tiling} and is tried again later
   */
  public Outcome ingest(ObjectInfo object) {
    SceneStatus status = receive(object);
    if (status.finished()) {
      return Outcome.ALREADY_DONE;
    }
    String sceneId = status.sceneId();
    ObjectRef source = object.ref();
    if (status.attempts() >= MAX_ATTEMPTS) {
      return reject(
          status, source, "tiling failed " + status.attempts() + " times; see the service log");
    }
    SceneDefinition definition = null;
    if (InboxObjects.isManifest(source.key())) {
      try {
        definition = definition(object);
      } catch (RasterException e) {
        return reject(status, source, e.getMessage());
      }
      List<String> missing = missing(source.key(), definition);
      if (!missing.isEmpty()) {
        String note = "waiting for " + String.join(", ", missing) + " in " + folderUri(source);
        if (clock.instant().isBefore(object.lastModified().plus(manifestWait))) {
          if (!note.equals(status.reason())) {
            write(status.waiting(note, clock.instant()));
          }
          return Outcome.WAITING;
        }
        return reject(
            status,
            source,
            SceneDefinition.FILE_NAME
                + " names files that are not in "
                + folderUri(source)
                + " after "
                + manifestWait
                + ": "
                + String.join(", ", missing));
      }
    }
    status = status.tiling(clock.instant());
    write(status);
    Path dir = workDir.resolve(sceneId);
    try {
      Files.createDirectories(dir);
      SceneTiler.Result result;
      try {
        if (definition == null) {
          Path file = dir.resolve(baseName(source.key()));
          store.download(source, file);
          result = tiler.tile(sceneId, file);
        } else {
          Map<String, Path> files = new LinkedHashMap<>();
          for (String f : definition.files()) {
            Path local = dir.resolve(f);
            Files.createDirectories(local.getParent());
            store.download(
                ObjectRef.of(source.bucket(), InboxObjects.folder(source.key()) + f), local);
            files.put(f, local);
          }
          result = tiler.tile(sceneId, definition, files);
        }
      } catch (ObjectStoreException e) {
        if (e.getCause() instanceof ChecksumMismatchException) {
          return reject(status, source, e.getMessage() + "; upload it again");
        }
        if (!store.exists(source.bucket(), source.key())) {
          return reject(status, source, source.uri() + " was deleted before it could be read");
        }
        throw e;
      }
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
      write(status.tiled(result.tiles().size(), result.manifestRef().key(), clock.instant()));
      LOG.infof("scene %s: %d tiles from %s", sceneId, result.tiles().size(), source.uri());
      return Outcome.TILED;
    } catch (RasterException e) {
      return reject(status, source, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("work folder " + workDir, e);
    } finally {
      deleteTree(dir);
    }
  }

  private SceneDefinition definition(ObjectInfo object) {
    if (object.size() > MAX_MANIFEST_BYTES) {
      throw new RasterException(
          SceneDefinition.FILE_NAME + ": " + object.size() + " bytes is not a scene manifest");
    }
    return SceneDefinition.parse(store.read(object.ref()));
  }

  private List<String> missing(String manifestKey, SceneDefinition definition) {
    String folder = InboxObjects.folder(manifestKey);
    List<String> missing = new ArrayList<>();
    for (String f : definition.files()) {
      if (!store.exists(Buckets.INBOX, folder + f)) {
        missing.add(f);
      }
    }
    return missing;
  }

  private static String folderUri(ObjectRef manifest) {
    return "s3://" + manifest.bucket() + "/" + InboxObjects.folder(manifest.key());
  }

  private static String baseName(String key) {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warnf("could not delete %s: %s", dir, e.getMessage());
    }
  }

  private Outcome reject(SceneStatus status, ObjectRef source, String reason) {
    String sceneId = status.sceneId();
    LOG.warnf("scene %s rejected: %s", sceneId, reason);
    for (var o : store.list(Buckets.TILES, "scenes/" + sceneId + "/")) {
      store.delete(Buckets.TILES, o.ref().key()); // no partial output
    }
    events.publish(
        new SceneRejected(
            LczEvent.CURRENT_SCHEMA_VERSION, sceneId, source, reason, clock.instant()));
    write(status.rejected(reason, clock.instant()));
    return Outcome.REJECTED;
  }

  private void write(SceneStatus s) {
    store.put(Buckets.TILES, SceneStatus.key(s.sceneId()), s.toJson(), "application/json");
  }
}
