package org.lcz.training.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoopTranslator;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.EpochCompleted;
import org.lcz.events.EventCodec;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelPublished;
import org.lcz.events.Promotion;
import org.lcz.events.Topics;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.registry.CurrentModel;
import org.lcz.registry.ModelRegistry;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.training.LearnableSets;
import org.lcz.training.card.ModelCard;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.data.PatchSets;
import org.lcz.training.onnx.ModelMetadata;
import org.lcz.training.onnx.OnnxExporterTest;

/**
 * The job against the real broker and S3 server of the local stack, in a plain JVM where ONNX
 * Runtime runs next to PyTorch: trained versions are published, the published file runs in ONNX
 * Runtime, and the champion rule decides what becomes current.
 */
@ExtendWith(LocalStackExtension.class)
public class TrainingJobTest {
  private static final TrainingDefaults DEFAULTS =
      new TrainingDefaults("msmla-18", 2, 32, 0.002, 5, 1, 10, 0.5, true, 10, DatasetLayout.MSMLA);

  @Test
  void versionsArePublishedTheFileRunsInOnnxRuntimeAndTheChampionRuleDecides(
      LocalStack stack, @TempDir Path work) throws Exception {
    Path sets = Files.createDirectory(work.resolve("sets"));
    LearnableSets.write(sets);
    String prefix = "job-" + UUID.randomUUID() + "/";
    String bootstrap = stack.kafkaBootstrapServers();
    ModelRegistry registry = new ModelRegistry(bootstrap);
    try (ObjectStore store = stack.newObjectStore();
        EventPublisher publisher = new EventPublisher(bootstrap, URI.create("/lcz/it/job"))) {
      ObjectRef train = putSet(store, prefix, sets, "train.h5");
      ObjectRef val = putSet(store, prefix, sets, "val.h5");
      ObjectRef test = putSet(store, prefix, sets, "test.h5");
      TrainingJob job =
          new TrainingJob(
              store,
              e -> await(publisher, e),
              DEFAULTS,
              work.resolve("runs"),
              Clock.systemUTC(),
              registry::current);

      TrainingRequested first = request(prefix + "first", train, val, test, 3L, Promotion.ALWAYS);
      assertThat(job.handle(first)).isEqualTo(TrainingJob.Result.TRAINED);
      ModelPublished one = lastPublished(bootstrap, ModelVersions.of(first));
      assertThat(one.promoted()).isTrue();
      ModelCard card = ModelCard.read(store.read(one.card()));
      assertThat(card.promotion().promoted()).isTrue();
      assertThat(card.files()).containsEntry("model", TrainingJob.MODEL_FILE);

      // the published object runs in ONNX Runtime and carries the contract
      CurrentModel current =
          new CurrentModel(() -> registry.current("msmla"), store, work.resolve("models"));
      assertThat(current.refresh().outcome()).isEqualTo(CurrentModel.Outcome.SWAPPED);
      Path onnx = current.get().orElseThrow().onnx();
      assertThat(current.get().orElseThrow().event().version()).isEqualTo(one.version());
      assertThat(OnnxExporterTest.check(onnx)).isEqualTo("ir 8 opset 17");
      try (Model model = Model.newInstance("model", Device.cpu(), "OnnxRuntime");
          NDManager m = NDManager.newBaseManager(Device.cpu(), "OnnxRuntime")) {
        Files.copy(onnx, work.resolve("model.onnx"));
        model.load(work, "model");
        try (ai.onnxruntime.OrtSession session =
            ai.onnxruntime.OrtEnvironment.getEnvironment().createSession(onnx.toString())) {
          assertThat(ModelMetadata.contract(session.getMetadata().getCustomMetadata()))
              .isEqualTo(card.contract());
        }
        try (Predictor<NDList, NDList> predictor = model.newPredictor(new NoopTranslator())) {
          NDList out =
              predictor.predict(
                  new NDList(m.ones(new Shape(5, 10, LearnableSets.PATCH, LearnableSets.PATCH))));
          float[] p = out.singletonOrThrow().toFloatArray();
          assertThat(p).hasSize(5 * 17);
          double sum = 0;
          for (int k = 0; k < 17; k++) {
            sum += p[k];
          }
          assertThat(sum).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        }
      }

      // the champion rule through the worker, both branches, with the champion's numbers chosen:
      // a current model on the same held-out test set (its card, which names the set by SHA-256,
      // is the first version's) whose OA_w is 1.0, then one whose OA_w is 0.0
      ModelPublished high = championOf(one, "high-" + UUID.randomUUID(), 1.0);
      await(publisher, high);
      TrainingRequested second = request(prefix + "second", train, val, test, 4L, null);
      assertThat(job.handle(second)).isEqualTo(TrainingJob.Result.TRAINED);
      ModelPublished two = lastPublished(bootstrap, ModelVersions.of(second));
      assertThat(two.oaW()).as("two epochs do not make a perfect model").isLessThan(1.0);
      assertThat(two.promoted()).isFalse();
      assertThat(two.championOaW()).isEqualTo(1.0);
      assertThat(two.decision())
          .isEqualTo(
              String.format(
                  java.util.Locale.ROOT,
                  "not promoted: OA_w %.4f < 1.0000 of version %s on the same test set",
                  two.oaW(),
                  high.version()));
      assertThat(ModelCard.read(store.read(two.card())).promotion().comparable()).isTrue();
      assertThat(registry.current("msmla").orElseThrow().version()).isEqualTo(high.version());

      ModelPublished low = championOf(one, "low-" + UUID.randomUUID(), 0.0);
      await(publisher, low);
      TrainingRequested third = request(prefix + "third", train, val, test, 6L, null);
      assertThat(job.handle(third)).isEqualTo(TrainingJob.Result.TRAINED);
      ModelPublished better = lastPublished(bootstrap, ModelVersions.of(third));
      assertThat(better.promoted()).isTrue();
      assertThat(better.championOaW()).isEqualTo(0.0);
      assertThat(better.decision())
          .isEqualTo(
              String.format(
                  java.util.Locale.ROOT,
                  "promoted: OA_w %.4f ≥ 0.0000 of version %s on the same test set",
                  better.oaW(),
                  low.version()));
      assertThat(registry.current("msmla").orElseThrow().version()).isEqualTo(better.version());

      // the finding: a run without a test or validation set, measured on its own training data
      // (OA_w near 1), must not replace a model measured on held-out data
      String championBefore = registry.current("msmla").orElseThrow().version();
      TrainingRequested own = request(prefix + "own", train, null, null, 5L, null);
      assertThat(job.handle(own)).isEqualTo(TrainingJob.Result.TRAINED);
      ModelPublished three = lastPublished(bootstrap, ModelVersions.of(own));
      assertThat(three.promoted()).isFalse();
      assertThat(three.decision()).startsWith("not promoted: measured on its own training data");
      assertThat(ModelCard.read(store.read(three.card())).evaluationSplit()).isEqualTo("train");
      assertThat(registry.current("msmla").orElseThrow().version()).isEqualTo(championBefore);

      // a redelivered request trains nothing and publishes the stored version again
      int before = published(bootstrap, ModelVersions.of(first)).size();
      assertThat(job.handle(first)).isEqualTo(TrainingJob.Result.ALREADY_TRAINED);
      assertThat(published(bootstrap, ModelVersions.of(first))).hasSize(before + 1);
    }
  }

  @Test
  void aSecondArchitectureIsTrainedExportedAndCarriesItsNameAndAnUnknownOneIsRefused(
      LocalStack stack, @TempDir Path work) throws Exception {
    Path sets = Files.createDirectory(work.resolve("sets"));
    LearnableSets.write(sets);
    String prefix = "job-" + UUID.randomUUID() + "/";
    List<LczEvent> events = new CopyOnWriteArrayList<>();
    try (ObjectStore store = stack.newObjectStore()) {
      ObjectRef train = putSet(store, prefix, sets, "train.h5");
      ObjectRef val = putSet(store, prefix, sets, "val.h5");
      // events kept here, not published: this model must not become the shared stack's current one
      TrainingJob job = capturing(store, events, work);
      TrainingRequested sen2lcz =
          request(prefix + "sen2lcz", "sen2lcz-net-mf", train, val, null, 3L, Promotion.ALWAYS);
      assertThat(job.handle(sen2lcz)).isEqualTo(TrainingJob.Result.TRAINED);
      ModelPublished published =
          events.stream()
              .filter(ModelPublished.class::isInstance)
              .map(ModelPublished.class::cast)
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(published.contract().architecture()).isEqualTo("SEN2LCZ-NET-MF");
      ModelCard card = ModelCard.read(store.read(published.card()));
      assertThat(card.plan().variant()).isEqualTo("sen2lcz-net-mf");
      Path onnx = work.resolve("sen2lcz.onnx");
      Files.write(onnx, store.read(published.model()));
      assertThat(OnnxExporterTest.check(onnx)).isEqualTo("ir 8 opset 17");
      try (ai.onnxruntime.OrtSession session =
          ai.onnxruntime.OrtEnvironment.getEnvironment().createSession(onnx.toString())) {
        assertThat(ModelMetadata.contract(session.getMetadata().getCustomMetadata()))
            .isEqualTo(card.contract());
      }

      TrainingRequested unknown =
          request(prefix + "unknown", "resnet-50", train, val, null, 3L, Promotion.ALWAYS);
      assertThat(job.handle(unknown)).isEqualTo(TrainingJob.Result.FAILED);
      assertThat(events)
          .filteredOn(TrainingFailed.class::isInstance)
          .map(e -> ((TrainingFailed) e).reason())
          .containsExactly(
              "unknown variant 'resnet-50'; known: msmla-18, msmla-50, sen2lcz-net-mf");
    }
  }

  /**
   * Degenerate sets of more than one batch — every band constant, one class, a NaN, an infinity —
   * end as TrainingFailed with the reason naming what is wrong with them (their size is fine), and
   * nothing is published.
   */
  @Test
  void degenerateSetsOfMoreThanOneBatchFailWithTheExactReason(LocalStack stack, @TempDir Path work)
      throws Exception {
    Path sets = Files.createDirectory(work.resolve("sets"));
    PatchSets.write(sets);
    String prefix = "job-" + UUID.randomUUID() + "/";
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put(
        "constant_40.h5",
        "every band is constant over all 40 patches (e.g. all zero): there is nothing to learn"
            + " from; check how the patches were cut");
    expected.put(
        "one_class_40.h5",
        "every patch is of one class (label index 4): a classifier needs patches of at least two"
            + " classes");
    expected.put("nan_40.h5", "patch 35, band B5, pixel (7, 9) is NaN; every value must be finite");
    expected.put(
        "inf_40.h5", "patch 20, band B2, pixel (1, 2) is Infinity; every value must be finite");
    List<LczEvent> events = new CopyOnWriteArrayList<>();
    try (ObjectStore store = stack.newObjectStore()) {
      TrainingJob job = capturing(store, events, work);
      for (Map.Entry<String, String> e : expected.entrySet()) {
        ObjectRef set = putSet(store, prefix, sets, e.getKey());
        TrainingRequested r =
            request(prefix + e.getKey().replace(".h5", ""), set, set, null, 1L, Promotion.ALWAYS);
        assertThat(job.handle(r)).as(e.getKey()).isEqualTo(TrainingJob.Result.FAILED);
        assertThat(events.get(events.size() - 1))
            .as(e.getKey())
            .isEqualTo(
                new TrainingFailed(
                    r.runId(),
                    set.uri() + ": " + e.getValue(),
                    ((TrainingFailed) events.get(events.size() - 1)).failedAt()));
      }
      assertThat(events).allMatch(TrainingFailed.class::isInstance);
    }
  }

  /**
   * A first set smaller than the default batch (24 patches against 32) trains with batches of the
   * whole set when the request left the batch open, and says so in the card and in every
   * EpochCompleted; when the request fixed the batch, the reason names the set's size and a batch
   * size that would work.
   */
  @Test
  void aSetSmallerThanTheDefaultBatchTrainsWithTheBatchReducedAndSaysSo(
      LocalStack stack, @TempDir Path work) throws Exception {
    Path sets = Files.createDirectory(work.resolve("sets"));
    LearnableSets.write(sets, 24);
    String prefix = "job-" + UUID.randomUUID() + "/";
    List<LczEvent> events = new CopyOnWriteArrayList<>();
    try (ObjectStore store = stack.newObjectStore()) {
      ObjectRef train = putSet(store, prefix, sets, "train.h5");
      ObjectRef val = putSet(store, prefix, sets, "val.h5");
      TrainingJob job = capturing(store, events, work);
      TrainingRequested open =
          withBatch(request(prefix + "open", train, val, null, 1L, Promotion.ALWAYS), null);
      assertThat(job.handle(open)).isEqualTo(TrainingJob.Result.TRAINED);
      List<EpochCompleted> epochs =
          events.stream()
              .filter(EpochCompleted.class::isInstance)
              .map(EpochCompleted.class::cast)
              .toList();
      assertThat(epochs).hasSize(2).allMatch(e -> Integer.valueOf(24).equals(e.batchSize()));
      ModelPublished published =
          events.stream()
              .filter(ModelPublished.class::isInstance)
              .map(ModelPublished.class::cast)
              .findFirst()
              .orElseThrow();
      ModelCard card = ModelCard.read(store.read(published.card()));
      assertThat(card.plan().batchSize()).isEqualTo(24);
      assertThat(card.plan().batchReducedFrom()).isEqualTo(32);

      events.clear();
      TrainingRequested fixed = request(prefix + "fixed", train, val, null, 1L, Promotion.ALWAYS);
      assertThat(job.handle(fixed)).isEqualTo(TrainingJob.Result.FAILED);
      assertThat(((TrainingFailed) events.get(events.size() - 1)).reason())
          .isEqualTo(
              train.uri()
                  + ": the training set has 24 patches, fewer than one batch of 32; ask for"
                  + " \"batchSize\": 8 (any value from 2 to 24), or leave it out to train with"
                  + " batches of the whole set");
    }
  }

  /** Uploads the patch set {@code name} of {@code dir} under {@code prefix}. */
  private static ObjectRef putSet(ObjectStore store, String prefix, Path dir, String name) {
    return store.put(Buckets.DATASETS, prefix + name, dir.resolve(name), "application/x-hdf5");
  }

  /**
   * A job whose events are kept in {@code events}, not published: its models must not become the
   * shared stack's current one.
   */
  private static TrainingJob capturing(ObjectStore store, List<LczEvent> events, Path work) {
    return new TrainingJob(
        store,
        events::add,
        DEFAULTS,
        work.resolve("runs"),
        Clock.systemUTC(),
        name -> Optional.empty());
  }

  /** {@code r} with {@code batchSize} (null: left to the worker). */
  private static TrainingRequested withBatch(TrainingRequested r, Integer batchSize) {
    return new TrainingRequested(
        r.schemaVersion(),
        r.runId(),
        r.variant(),
        r.trainData(),
        r.validationData(),
        r.testData(),
        r.bands(),
        r.radiometry(),
        r.epochs(),
        batchSize,
        r.learningRate(),
        r.patience(),
        r.seed(),
        r.promote(),
        r.requestedAt(),
        r.trainingAreas());
  }

  /** {@code model} as a current model of another version whose OA_w is {@code oaW}. */
  private static ModelPublished championOf(ModelPublished model, String version, double oaW) {
    return new ModelPublished(
        model.schemaVersion(),
        model.modelName(),
        version,
        model.model(),
        model.card(),
        model.contract(),
        true,
        "promoted: chosen by the test",
        oaW,
        null,
        model.publishedAt());
  }

  /** A two-epoch MSMLA-18 request on the given sets (also used by the inference tests). */
  public static TrainingRequested request(
      String runId, ObjectRef train, ObjectRef val, ObjectRef test, long seed, Promotion promote) {
    return request(runId, "msmla-18", train, val, test, seed, promote);
  }

  /** A two-epoch request of {@code variant} on the given sets. */
  public static TrainingRequested request(
      String runId,
      String variant,
      ObjectRef train,
      ObjectRef val,
      ObjectRef test,
      long seed,
      Promotion promote) {
    return new TrainingRequested(
        LczEvent.CURRENT_SCHEMA_VERSION,
        runId,
        variant,
        train,
        val,
        test,
        null,
        null,
        2,
        32,
        0.002,
        5,
        seed,
        promote,
        Instant.parse("2026-11-24T11:00:00Z"),
        null);
  }

  private static void await(EventPublisher publisher, LczEvent e) {
    try {
      publisher.publish(e).get(30, TimeUnit.SECONDS);
    } catch (Exception failure) {
      throw new IllegalStateException(failure);
    }
  }

  private static ModelPublished lastPublished(String bootstrap, String version) {
    List<ModelPublished> all = published(bootstrap, version);
    assertThat(all).isNotEmpty();
    return all.get(all.size() - 1);
  }

  /** Every ModelPublished of {@code version} on lcz.models so far. */
  private static List<ModelPublished> published(String bootstrap, String version) {
    InboundEvents inbound = new InboundEvents(new EventCodec());
    return TopicSnapshot.read(bootstrap, Topics.MODELS, Duration.ofSeconds(30)).stream()
        .map(r -> inbound.decode(r, ModelPublished.class))
        .filter(p -> p.version().equals(version))
        .toList();
  }
}
