package org.lcz.ingest.inbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.lcz.events.LczEvent;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.SceneTiled;
import org.lcz.events.TileReady;
import org.lcz.ingest.source.GeoTiffFormat;
import org.lcz.ingest.source.SceneFormat;
import org.lcz.ingest.source.SceneFormats;
import org.lcz.ingest.source.SceneSource;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.raster.AcquisitionTime;
import org.lcz.raster.RasterException;
import org.lcz.storage.Buckets;
import org.lcz.storage.ChecksumMismatchException;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;
import org.lcz.storage.WorkFolders;

/**
 * One inbox object, start to end. {@link #receive} records the scene ({@code received} status,
 * SceneReceived) the first time its object is seen; {@link #ingest} resolves its format ({@link
 * SceneFormats}: GeoTIFF, {@code scene.json}, STAC Item, SAFE), waits for the objects it names,
 * downloads them, tiles the scene ({@link SceneTiler}: reprojected, harmonised, cut), sends one
 * TileReady per tile and SceneTiled, and writes the {@code tiled} status with what was noted on the
 * way last; or, for a scene the reader, the band specification or the radiometry check refuses,
 * deletes what it wrote, sends SceneRejected with the reason and writes the {@code rejected}
 * status. A scene whose status is finished is not ingested again; one left {@code tiling} by a
 * crash or an outage is tried again, at most {@link #MAX_ATTEMPTS} times in all.
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

  private final ObjectStore store;
  private final SceneTiler tiler;
  private final SceneFormats formats;
  private final Events events;
  private final Path workDir;
  private final Clock clock;
  private final Duration manifestWait;
  private volatile Consumer<SceneStatus> statusWatcher = s -> {};

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
    this(
        store,
        tiler,
        SceneFormats.standard(tiler.settings().bands()),
        events,
        workDir,
        clock,
        manifestWait);
  }

  /**
   * @param formats the scene formats the inbox reads (e.g. with other S3 endpoints for STAC hrefs)
   */
  public SceneIngestion(
      ObjectStore store,
      SceneTiler tiler,
      SceneFormats formats,
      Events events,
      Path workDir,
      Clock clock,
      Duration manifestWait) {
    this.store = store;
    this.tiler = tiler;
    this.formats = formats;
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
   * Checks a file that is about to be stored in the inbox as {@code name}, as far as it can be
   * checked on its own.
   *
   * @throws RasterException saying what is wrong
   */
  public void check(String name, Path file) {
    SceneFormat format =
        formats
            .of(name)
            .orElseThrow(
                () ->
                    new RasterException(
                        name
                            + " is not a scene; the inbox reads "
                            + String.join(", ", formats.names())));
    if (format instanceof GeoTiffFormat) {
      tiler.check(file);
    } else {
      format.check(name, file);
    }
  }

  /** The inbox formats. */
  public SceneFormats formats() {
    return formats;
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
            clock.instant(),
            null);
    write(received);
    events.publish(
        new SceneReceived(
            sceneId,
            object.ref(),
            received.receivedAt(),
            declaredAcquisition(object).orElse(null)));
    return received;
  }

  /** The object's user metadata item that says when an uploaded scene was acquired. */
  public static final String ACQUIRED_METADATA = "acquired";

  /**
   * When the object's {@code acquired} metadata (the upload's {@code acquired} parameter, or what
   * an S3 client set) says the imagery was acquired; empty when it does not say or says no time.
   */
  static Optional<Instant> declaredAcquisition(ObjectInfo object) {
    return AcquisitionTime.parse(object.metadata().get(ACQUIRED_METADATA));
  }

  /** {@code object} with its user metadata, looked up when it was listed without (best effort). */
  private ObjectInfo withMetadata(ObjectInfo object) {
    if (!object.metadata().isEmpty()) {
      return object;
    }
    try {
      ObjectInfo looked = store.stat(object.ref().bucket(), object.ref().key());
      return looked.etag().equals(object.etag()) ? looked : object;
    } catch (ObjectStoreException e) {
      return object; // deleted or unreachable: ingest says so where it reads the object
    }
  }

  /**
   * The scene as tiled: acquired when the object's {@code acquired} metadata says (a person said
   * it; a differing time in the files is noted), else when its files say, else unknown.
   */
  private static SceneSource dated(SceneSource scene, ObjectInfo object) {
    Optional<Instant> declared = declaredAcquisition(object);
    if (declared.isEmpty()) {
      if (object.metadata().containsKey(ACQUIRED_METADATA)) {
        scene =
            scene.withNote(
                "the object's 'acquired' metadata ("
                    + object.metadata().get(ACQUIRED_METADATA)
                    + ") is not a time; ignored");
      }
      return scene;
    }
    if (scene.acquiredAt() != null && !scene.acquiredAt().equals(declared.get())) {
      scene =
          scene.withNote(
              "acquired "
                  + declared.get()
                  + " as the upload says; the files say "
                  + scene.acquiredAt());
    }
    return scene.acquiredAt(declared.get());
  }

  /**
   * Ingests {@code object} unless its scene has finished before.
   *
   * @throws ObjectStoreException or another runtime exception when the store or the broker fails;
   *     the scene stays {@code tiling} and is tried again later
   */
  public Outcome ingest(ObjectInfo listed) {
    ObjectInfo object = withMetadata(listed);
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
    SceneFormat format = formats.of(source.key()).orElse(null);
    if (format == null) {
      return reject(
          status,
          source,
          source.key() + " is not a scene; the inbox reads " + String.join(", ", formats.names()));
    }
    SceneFormat.Plan plan;
    try {
      plan = format.plan(object, store);
    } catch (RasterException e) {
      return reject(status, source, e.getMessage());
    }
    List<ObjectRef> missing = new ArrayList<>();
    for (ObjectRef part : plan.parts()) {
      if (!part.sameObject(source) && !store.exists(part.bucket(), part.key())) {
        missing.add(part);
      }
    }
    if (!missing.isEmpty()) {
      String names = String.join(", ", missing.stream().map(ObjectRef::uri).toList());
      String note = "waiting for " + names;
      if (clock.instant().isBefore(object.lastModified().plus(manifestWait))) {
        if (!note.equals(status.reason())) {
          write(status.waiting(note, clock.instant()));
        }
        return Outcome.WAITING;
      }
      return reject(
          status,
          source,
          source.fileName()
              + " names objects that are not in the store after "
              + manifestWait
              + ": "
              + names);
    }
    status = status.tiling(clock.instant());
    write(status);
    Path dir = workDir.resolve(sceneId);
    try {
      Files.createDirectories(dir);
      SceneTiler.Result result;
      try {
        try (SceneSource scene = plan.open(plan.download(store, dir), dir)) {
          result = tiler.tile(sceneId, dated(scene, object));
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
              sceneId,
              result.tiles().size(),
              result.manifestRef(),
              clock.instant(),
              result.manifest().acquiredAt()));
      write(
          status.tiled(
              result.tiles().size(), result.manifestRef().key(), result.notes(), clock.instant()));
      LOG.infof(
          "scene %s: %d tiles from %s %s",
          sceneId, result.tiles().size(), source.uri(), result.notes());
      return Outcome.TILED;
    } catch (RasterException e) {
      return reject(status, source, e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("work folder " + workDir, e);
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    WorkFolders.delete(dir).ifPresent(p -> LOG.warn(p));
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
    statusWatcher.accept(s);
  }

  /**
   * Calls {@code watcher} with each status this ingestion writes, after it is stored (the web page
   * hears of {@code tiling}, which no event announces, this way).
   */
  public void watchStatus(Consumer<SceneStatus> watcher) {
    this.statusWatcher = watcher;
  }
}
