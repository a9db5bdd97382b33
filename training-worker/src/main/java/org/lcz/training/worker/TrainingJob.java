package org.lcz.training.worker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.lcz.contract.Radiometry;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelPublished;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;
import org.lcz.storage.WorkFolders;
import org.lcz.training.card.DatasetRef;
import org.lcz.training.card.ModelCard;
import org.lcz.training.card.PromotionDecision;
import org.lcz.training.card.VersionFolder;
import org.lcz.training.data.DatasetException;
import org.lcz.training.data.PatchDataset;
import org.lcz.training.kernels.KernelCheckException;
import org.lcz.training.onnx.OnnxExporter;
import org.lcz.training.train.EpochStats;
import org.lcz.training.train.TrainingData;
import org.lcz.training.train.TrainingDivergedException;
import org.lcz.training.train.TrainingListener;
import org.lcz.training.train.TrainingOutcome;
import org.lcz.training.train.TrainingPlan;
import org.lcz.training.train.TrainingRun;

/**
 * One training request, start to end: download the data sets, train, evaluate, export ONNX, apply
 * the champion rule, store checkpoint, ONNX model, plots and card under {@code
 * lcz-models/msmla/{version}/} (the card last), emit ModelPublished, and report progress. A bad
 * request ends as {@link TrainingFailed} with the reason, never as an exception; a request whose
 * version already has a card is not trained again.
 */
public final class TrainingJob {
  private static final Logger LOG = Logger.getLogger(TrainingJob.class);

  /** The ONNX file's name in a version folder. */
  public static final String MODEL_FILE = "model.onnx";

  /** How a request ended. */
  public enum Result {
    /** A new model version is stored. */
    TRAINED,
    /** The request's version was already complete (a redelivery). */
    ALREADY_TRAINED,
    /** The request could not be trained; TrainingFailed says why. */
    FAILED
  }

  /** Where the job's events go. */
  public interface Events {
    /** Sends an event; returns once the broker has it. */
    void publish(LczEvent event);
  }

  private final ObjectStore store;
  private final Events events;
  private final TrainingDefaults defaults;
  private final Path workDir;
  private final Clock clock;
  private final Function<String, Optional<ModelPublished>> champion;
  private int areaRepeats = TrainingRun.AREA_REPEATS;

  /**
   * @param champion the current model of a name (the registry), for the champion rule
   */
  public TrainingJob(
      ObjectStore store,
      Events events,
      TrainingDefaults defaults,
      Path workDir,
      Clock clock,
      Function<String, Optional<ModelPublished>> champion) {
    this.champion = champion;
    this.store = store;
    this.events = events;
    this.defaults = defaults;
    this.workDir = workDir;
    this.clock = clock;
  }

  /** This job with {@code n} repeats of the held-out areas' bootstrap. */
  public TrainingJob areaRepeats(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("the area bootstrap needs at least 1 repeat, not " + n);
    }
    this.areaRepeats = n;
    return this;
  }

  /** Handles one request. */
  public Result handle(TrainingRequested request) {
    if (request.awaitsDataSets()) {
      throw new IllegalArgumentException(
          "run " + request.runId() + " has no data sets yet: ingest builds them from its areas");
    }
    String version = ModelVersions.of(request);
    if (store.exists(Buckets.MODELS, ModelVersions.cardKey(version))) {
      LOG.infof(
          "run %s: version %s is already complete; not training again, publishing it again",
          request.runId(), version);
      republish(version);
      return Result.ALREADY_TRAINED;
    }
    Path runDir = workDir.resolve(version);
    Map<Path, String> names = new LinkedHashMap<>();
    try {
      TrainingPlan plan = defaults.plan(request);
      LOG.infof("run %s: training %s as version %s", request.runId(), plan, version);
      ModelCard card = train(request, plan, version, runDir, names);
      LOG.infof(
          "run %s: version %s published; %s OA %s, OA_w %s (best epoch %d); %s",
          request.runId(),
          version,
          card.evaluationSplit(),
          card.measures().get("oa"),
          card.measures().get("oaW"),
          card.bestEpoch(),
          card.promotion().decision());
      return Result.TRAINED;
    } catch (DatasetException e) {
      String name = names.getOrDefault(e.file(), e.file().getFileName().toString());
      return fail(request, name + ": " + e.problem());
    } catch (IllegalArgumentException
        | ObjectStoreException
        | TrainingDivergedException
        | KernelCheckException e) {
      return fail(request, e.getMessage());
    } catch (RuntimeException e) {
      LOG.errorf(e, "run %s: training failed", request.runId());
      return fail(request, "training failed: " + e);
    } catch (OutOfMemoryError e) {
      LOG.errorf(e, "run %s: out of memory", request.runId());
      return fail(
          request,
          "out of memory while training (" + e.getMessage() + "); try a smaller batch size");
    } finally {
      deleteQuietly(runDir);
    }
  }

  private ModelCard train(
      TrainingRequested request,
      TrainingPlan plan,
      String version,
      Path dir,
      Map<Path, String> names) {
    Path data = dir.resolve("data");
    Path out = dir.resolve("out");
    createDirectories(data);
    List<DatasetRef> refs = new ArrayList<>();
    Path train = fetch(request.trainData(), data.resolve("train.h5"), "train", refs, names);
    Optional<Path> validation =
        Optional.ofNullable(request.validationData())
            .map(r -> fetch(r, data.resolve("validation.h5"), "validation", refs, names));
    Optional<Path> test =
        Optional.ofNullable(request.testData())
            .map(r -> fetch(r, data.resolve("test.h5"), "test", refs, names));
    TrainingData files =
        new TrainingData(
            train,
            validation,
            test,
            defaults.layout(),
            Optional.ofNullable(request.radiometry()).map(Radiometry::parse));
    TrainingOutcome outcome =
        new TrainingRun(files, plan, new Progress(request.runId()))
            .areaRepeats(areaRepeats)
            .batchFixed(request.batchSize() != null)
            .run(out);
    ModelCard card =
        VersionFolder.complete(
            outcome,
            new ModelCard.Identity(
                ModelVersions.MODEL_NAME, version, request.runId(), clock.instant()),
            files,
            defaults.groundSampleDistance(),
            refs.get(0).sha256() == null
                ? request.trainData()
                : request.trainData().withSha256(refs.get(0).sha256()),
            refs);
    Path onnx = out.resolve(MODEL_FILE);
    OnnxExporter.exportFolder(out, onnx);
    PromotionDecision decision =
        PromotionDecision.decide(
            card.measures().get("oaW"),
            PromotionDecision.Evaluation.of(card),
            champion.apply(ModelVersions.MODEL_NAME).map(this::withEvaluation),
            request.promote());
    card = card.published("model", MODEL_FILE, decision);
    card.write(out.resolve(ModelCard.FILE_NAME));
    ObjectRef model = null;
    ObjectRef cardRef = null;
    for (Path file : VersionFolder.files(card, out)) {
      String key = ModelVersions.prefix(version) + file.getFileName();
      ObjectRef ref = store.put(Buckets.MODELS, key, file, contentType(file));
      model = file.equals(onnx) ? ref : model;
      cardRef = file.getFileName().toString().equals(ModelCard.FILE_NAME) ? ref : cardRef;
    }
    events.publish(published(card, model, cardRef));
    return card;
  }

  /** The current model with the data its measures came from, read from its card. */
  private PromotionDecision.Champion withEvaluation(ModelPublished current) {
    try {
      ModelCard card = ModelCard.read(store.read(current.card()));
      return new PromotionDecision.Champion(
          current, Optional.of(PromotionDecision.Evaluation.of(card)));
    } catch (RuntimeException e) {
      LOG.warnf(
          "cannot read the card of the current model %s (%s): %s",
          current.version(), current.card().uri(), e.getMessage());
      return new PromotionDecision.Champion(current, Optional.empty());
    }
  }

  /** The ModelPublished of a stored version. */
  private ModelPublished published(ModelCard card, ObjectRef model, ObjectRef cardRef) {
    PromotionDecision d = card.promotion();
    return new ModelPublished(
        LczEvent.CURRENT_SCHEMA_VERSION,
        card.modelName(),
        card.version(),
        model,
        cardRef,
        card.contract(),
        d.promoted(),
        d.decision(),
        d.oaW() == null ? Double.NaN : d.oaW(),
        d.championOaW(),
        clock.instant());
  }

  /**
   * Sends the ModelPublished of a version stored before (a redelivered request whose first delivery
   * may have stopped between storing and publishing); the compacted topic keeps one.
   */
  private void republish(String version) {
    try {
      ModelCard card =
          ModelCard.read(store.read(ObjectRef.of(Buckets.MODELS, ModelVersions.cardKey(version))));
      if (card.promotion() == null) {
        return;
      }
      String prefix = ModelVersions.prefix(version);
      ObjectRef model = store.stat(Buckets.MODELS, prefix + card.files().get("model")).ref();
      ObjectRef cardRef = store.stat(Buckets.MODELS, ModelVersions.cardKey(version)).ref();
      events.publish(published(card, model, cardRef));
    } catch (RuntimeException e) {
      LOG.warnf("could not publish version %s again: %s", version, e.getMessage());
    }
  }

  private Path fetch(
      ObjectRef ref, Path target, String role, List<DatasetRef> refs, Map<Path, String> names) {
    String location = ref.uri().toString();
    names.put(target, location);
    Path file = store.download(ref, target);
    String sha = ref.sha256();
    if (sha == null) {
      sha = store.stat(ref.bucket(), ref.key()).ref().sha256();
    }
    long patches;
    try (PatchDataset d = PatchDataset.open(file, defaults.layout(), List.of())) {
      patches = d.size();
    }
    refs.add(new DatasetRef(role, location, sha, patches));
    return file;
  }

  private Result fail(TrainingRequested request, String reason) {
    LOG.warnf("run %s failed: %s", request.runId(), reason);
    removeIncomplete(ModelVersions.of(request));
    events.publish(new TrainingFailed(request.runId(), reason, clock.instant()));
    return Result.FAILED;
  }

  /** Deletes what a failed run uploaded of a version that has no card (so is not complete). */
  private void removeIncomplete(String version) {
    try {
      if (store.exists(Buckets.MODELS, ModelVersions.cardKey(version))) {
        return;
      }
      for (var object : store.list(Buckets.MODELS, ModelVersions.prefix(version))) {
        store.delete(Buckets.MODELS, object.ref().key());
      }
    } catch (RuntimeException e) {
      LOG.warnf("could not remove the incomplete version %s: %s", version, e.getMessage());
    }
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString();
    if (name.endsWith(".json")) {
      return "application/json";
    }
    if (name.endsWith(".onnx")) {
      return "application/onnx";
    }
    if (name.endsWith(".png")) {
      return "image/png";
    }
    return "application/octet-stream";
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create work folder " + dir, e);
    }
  }

  private static void deleteQuietly(Path dir) {
    WorkFolders.delete(dir).ifPresent(p -> LOG.warn(p));
  }

  /** Logs each epoch and publishes it as EpochCompleted. */
  private final class Progress implements TrainingListener {
    private final String runId;

    Progress(String runId) {
      this.runId = runId;
    }

    @Override
    public void onEpoch(EpochStats s) {
      LOG.infof("run %s: %s", runId, s.describe());
      publishQuietly(s.toEvent(runId));
    }

    @Override
    public void onNote(String message) {
      LOG.infof("run %s: %s", runId, message);
    }

    /** Progress is informative: a lost EpochCompleted must not end a long training. */
    private void publishQuietly(LczEvent event) {
      try {
        events.publish(event);
      } catch (RuntimeException e) {
        LOG.warnf("run %s: could not publish %s: %s", runId, event, e.getMessage());
      }
    }
  }
}
