package org.lcz.ingest.areas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.lcz.events.LczEvent;
import org.lcz.events.TrainingAreas;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.ingest.source.SceneFormat;
import org.lcz.ingest.source.SceneFormats;
import org.lcz.ingest.source.SceneSource;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.raster.RasterException;
import org.lcz.raster.RasterSource;
import org.lcz.scheme.areas.TrainingAreaException;
import org.lcz.scheme.areas.TrainingAreaFiles;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;
import org.lcz.storage.WorkFolders;

/**
 * A training request that names training areas instead of data sets: its areas file and scenes are
 * read from the object store, each scene prepared exactly as ingest prepares scenes for mapping,
 * the data sets built ({@link AreaDataSets}) and stored under {@code lcz-datasets/areas/{runId}/}
 * with their QC report, and the request sent again with them for the training worker. Areas that
 * cannot train a model, an unreadable file, a missing object or a scene the tiler refuses end the
 * run as {@link TrainingFailed} with the reason (the QC's errors name the classes and areas); only
 * a store that cannot be reached is worth another try.
 */
public final class AreaRequests {
  private static final Logger LOG = Logger.getLogger(AreaRequests.class);

  /** The prefix in {@code lcz-datasets} of the data sets built for a run. */
  public static final String PREFIX = "areas/";

  /** The default of {@link TrainingAreas#classProperty()}. */
  public static final String CLASS_PROPERTY = "lcz";

  /** The default of {@link TrainingAreas#perArea()}. */
  public static final int PER_AREA = 200;

  /** The default seed of the splits when the request gives none. */
  public static final long SEED = 42;

  /** How a request ended here. */
  public enum Outcome {
    /** Data sets built and the request sent on with them. */
    BUILT,
    /** TrainingFailed sent. */
    FAILED,
    /** Not ours: the request carries its data sets. */
    NOT_AREAS
  }

  /** Where events go; returns once the broker has them. */
  public interface Events {
    void publish(LczEvent event);
  }

  private final ObjectStore store;
  private final SceneFormats formats;
  private final SceneTiler tiler;
  private final Events events;
  private final Path workDir;
  private final int patch;
  private final Clock clock;

  /**
   * @param patch the patch side the data sets are cut with (the model's input)
   */
  public AreaRequests(
      ObjectStore store,
      SceneFormats formats,
      SceneTiler tiler,
      Events events,
      Path workDir,
      int patch,
      Clock clock) {
    this.store = store;
    this.formats = formats;
    this.tiler = tiler;
    this.events = events;
    this.workDir = workDir;
    this.patch = patch;
    this.clock = clock;
  }

  /**
   * Handles {@code request}.
   *
   * @throws ObjectStoreException when the store cannot be reached (not for a missing object): try
   *     again later
   */
  public Outcome handle(TrainingRequested request) {
    if (!request.awaitsDataSets()) {
      return Outcome.NOT_AREAS;
    }
    TrainingAreas areas = request.trainingAreas();
    Path dir = workDir.resolve("areas-" + request.runId());
    List<SceneSource> opened = new ArrayList<>();
    try {
      deleteTree(dir);
      Files.createDirectories(dir);
      Path areasFile = download(areas.areas(), dir.resolve("areas"));
      String property = areas.classProperty() == null ? CLASS_PROPERTY : areas.classProperty();
      TrainingAreaFiles.Read read = TrainingAreaFiles.read(areasFile, property);
      List<RasterSource> scenes = new ArrayList<>();
      for (int i = 0; i < areas.scenes().size(); i++) {
        SceneSource source = open(areas.scenes().get(i), dir.resolve("scene-" + i));
        opened.add(source);
        SceneTiler.Prepared prepared = tiler.prepare(source);
        prepared
            .notes()
            .forEach(n -> LOG.infof("run %s: %s: %s", request.runId(), source.raster().name(), n));
        scenes.add(prepared.raster());
      }
      Path out = dir.resolve("out");
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      AreaDataSets.Built built;
      try (PrintStream progress = new PrintStream(log, true, StandardCharsets.UTF_8)) {
        built =
            AreaDataSets.build(
                areas.areas().fileName(),
                read,
                scenes,
                new AreaDataSets.Settings(
                    patch,
                    areas.perArea() == null ? PER_AREA : areas.perArea(),
                    request.seed() == null ? SEED : request.seed()),
                out,
                progress);
      }
      LOG.infof("run %s: %s", request.runId(), log.toString(StandardCharsets.UTF_8));
      String prefix = PREFIX + request.runId() + "/";
      ObjectRef qc =
          store.put(
              Buckets.DATASETS,
              prefix + AreaDataSets.QC_FILE,
              out.resolve(AreaDataSets.QC_FILE),
              "text/plain; charset=utf-8");
      if (!built.usable()) {
        return fail(
            request,
            "the training areas "
                + areas.areas().uri()
                + " cannot train a model: "
                + built.failure()
                + " (report: "
                + qc.uri()
                + ")");
      }
      Map<String, ObjectRef> sets = new LinkedHashMap<>();
      for (String name : built.patches().keySet()) {
        sets.put(
            name,
            store.put(Buckets.DATASETS, prefix + name, out.resolve(name), "application/x-hdf5"));
      }
      store.put(
          Buckets.DATASETS,
          prefix + AreaDataSets.AREAS_FILE,
          out.resolve(AreaDataSets.AREAS_FILE),
          "application/json");
      if (!sets.containsKey("train.h5")) {
        return fail(request, "no training area fell to the training split; add areas");
      }
      events.publish(
          request.withDataSets(sets.get("train.h5"), sets.get("val.h5"), sets.get("test.h5")));
      LOG.infof("run %s: data sets %s sent on to training", request.runId(), sets.keySet());
      return Outcome.BUILT;
    } catch (TrainingAreaException | RasterException e) {
      return fail(request, e.getMessage());
    } catch (ObjectStoreException e) {
      if (e.permanent()) {
        return fail(request, e.getMessage());
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("work folder " + dir + ": " + e.getMessage(), e);
    } finally {
      for (SceneSource s : opened) {
        s.close();
      }
      deleteTree(dir);
    }
  }

  private Path download(ObjectRef ref, Path folder) throws IOException {
    if (!store.exists(ref.bucket(), ref.key())) {
      throw new ObjectStoreException("no object at " + ref.uri(), null, true);
    }
    Files.createDirectories(folder);
    return store.download(ref, folder.resolve(ref.fileName()));
  }

  private SceneSource open(ObjectRef ref, Path folder) throws IOException {
    SceneFormat format =
        formats
            .of(ref.key())
            .orElseThrow(
                () ->
                    new RasterException(
                        ref.uri()
                            + " is not a scene; scenes are "
                            + String.join(", ", formats.names())));
    if (!store.exists(ref.bucket(), ref.key())) {
      throw new ObjectStoreException("no scene at " + ref.uri(), null, true);
    }
    SceneFormat.Plan plan = format.plan(store.stat(ref.bucket(), ref.key()), store);
    return plan.open(plan.download(store, folder), folder);
  }

  private Outcome fail(TrainingRequested request, String reason) {
    LOG.warnf("run %s: %s", request.runId(), reason);
    events.publish(new TrainingFailed(request.runId(), reason, clock.instant()));
    return Outcome.FAILED;
  }

  private static void deleteTree(Path dir) {
    WorkFolders.delete(dir).ifPresent(p -> LOG.warn(p));
  }
}
