package org.lcz.training.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.EpochCompleted;
import org.lcz.events.EventCodec;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelPublished;
import org.lcz.events.Topics;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.registry.ModelRegistry;
import org.lcz.scheme.AccuracyMeasures;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.training.LearnableSets;
import org.lcz.training.card.ModelCard;
import org.lcz.training.card.ModelCards;
import org.lcz.training.onnx.OnnxExporterTest;

/** Training requests through the real broker and object store of the local stack. */
@QuarkusTest
@Tag("quarkus")
@WithTestResource(LocalStackTestResource.class)
class TrainingRequestConsumerTest {
  private static final String PREFIX = "it-" + UUID.randomUUID() + "/";
  private static Path sets;

  @Inject ObjectStore store;
  @Inject EventPublisher publisher;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @BeforeAll
  static void writeSets() throws Exception {
    sets = Files.createTempDirectory("learnable");
    LearnableSets.write(sets);
  }

  private ObjectRef upload(String name) {
    return store.put(Buckets.DATASETS, PREFIX + name, sets.resolve(name), "application/x-hdf5");
  }

  private TrainingRequested request(String runId, ObjectRef train, List<String> bands) {
    return new TrainingRequested(
        LczEvent.CURRENT_SCHEMA_VERSION,
        runId,
        "msmla-18",
        train,
        upload("val.h5"),
        upload("test.h5"),
        bands,
        null,
        3,
        32,
        0.002,
        5,
        7L,
        null,
        Instant.parse("2026-11-24T10:15:00Z"),
        null);
  }

  @Test
  void aRequestBecomesAModelVersionWithProgressEventsAndARedeliveryAddsNone() throws Exception {
    String runId = "run-" + UUID.randomUUID();
    TrainingRequested request = request(runId, upload("train.h5"), null);
    publisher.publish(request).get(30, TimeUnit.SECONDS);

    List<LczEvent> progress = awaitProgress(runId, events -> events.size() >= 3, 240);
    assertThat(progress).allMatch(EpochCompleted.class::isInstance);
    List<EpochCompleted> epochs = progress.stream().map(EpochCompleted.class::cast).toList();
    assertThat(epochs).extracting(EpochCompleted::epoch).containsExactly(1, 2, 3);
    assertThat(epochs).allMatch(e -> e.epochs() == 3 && e.samplesPerSecond() > 0);

    String version = ModelVersions.of(request);
    String cardKey = ModelVersions.cardKey(version);
    awaitTrue(() -> store.exists(Buckets.MODELS, cardKey), 120);
    ModelCard card = ModelCard.read(store.read(ObjectRef.of(Buckets.MODELS, cardKey)));
    assertThat(card.runId()).isEqualTo(runId);
    assertThat(card.version()).isEqualTo(version);
    assertThat(card.history()).hasSize(3);
    assertThat(card.evaluationSplit()).isEqualTo("test");
    assertThat(card.datasets())
        .extracting(d -> d.role() + " " + d.location())
        .containsExactly(
            "train s3://lcz-datasets/" + PREFIX + "train.h5",
            "validation s3://lcz-datasets/" + PREFIX + "val.h5",
            "test s3://lcz-datasets/" + PREFIX + "test.h5");
    assertThat(card.datasets()).allMatch(d -> d.sha256() != null && d.patches() > 0);
    assertThat(card.contract().dataset().sha256()).isEqualTo(card.datasets().get(0).sha256());
    assertThat(ModelCards.measures(AccuracyMeasures.of(ConfusionMatrix.of(card.confusionMatrix()))))
        .isEqualTo(card.measures());
    // and by an independent oracle: numpy from the card's confusion matrix and the weights' file
    Map<String, Double> numpy = numpyMeasures(card.confusionMatrix());
    for (String m : List.of("oa", "oaU", "oaN", "oaBu", "oaW", "kappa", "f1Weighted")) {
      Object value = card.measures().get(m);
      if (value == null) {
        assertThat(numpy.get(m)).as(m).isNaN();
      } else {
        assertThat(((Number) value).doubleValue())
            .as(m)
            .isCloseTo(numpy.get(m), org.assertj.core.api.Assertions.within(1e-9));
      }
    }
    for (String file : card.files().values()) {
      byte[] content =
          store.read(ObjectRef.of(Buckets.MODELS, ModelVersions.prefix(version) + file));
      assertThat(content.length).isGreaterThan(1000);
      if (file.endsWith(".png")) {
        assertThat(new String(content, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
      }
    }

    // published: the first model of its name is promoted; its ONNX file passes ONNX's checker
    // and the registry names it current (TrainingJobTest runs published files in ONNX Runtime:
    // Quarkus's class loader cannot extract ONNX Runtime's 580 MB CUDA provider library)
    ModelPublished published =
        (ModelPublished)
            awaitEvents(Topics.MODELS, ModelVersions.MODEL_NAME, e -> !e.isEmpty(), 60).get(0);
    assertThat(published.version()).isEqualTo(version);
    assertThat(published.promoted()).isTrue();
    assertThat(published.decision()).contains("first model");
    assertThat(published.oaW()).isEqualTo(card.measures().get("oaW"));
    assertThat(published.contract()).isEqualTo(card.contract());
    assertThat(card.promotion().promoted()).isTrue();
    Path onnx = Files.createTempDirectory("published").resolve("model.onnx");
    store.download(published.model(), onnx);
    assertThat(published.model().sha256()).isEqualTo(org.lcz.storage.Sha256.of(onnx));
    assertThat(OnnxExporterTest.check(onnx)).isEqualTo("ir 8 opset 17");
    assertThat(new ModelRegistry(bootstrap).current(ModelVersions.MODEL_NAME))
        .hasValueSatisfying(p -> assertThat(p.version()).isEqualTo(version));

    // the same request again (a redelivery), then a failing one behind it on the one partition:
    // once the failure is reported, the duplicate has been handled
    publisher.publish(request).get(30, TimeUnit.SECONDS);
    String marker = "after-" + UUID.randomUUID();
    publisher
        .publish(request(marker, ObjectRef.of(Buckets.DATASETS, PREFIX + "absent.h5"), null))
        .get(30, TimeUnit.SECONDS);
    awaitProgress(marker, events -> !events.isEmpty(), 120);
    List<ObjectInfo> versions = store.list(Buckets.MODELS, ModelVersions.MODEL_NAME + "/");
    assertThat(versions)
        .filteredOn(o -> o.ref().key().contains(runId))
        .extracting(o -> o.ref().key())
        .allMatch(k -> k.startsWith(ModelVersions.prefix(version)))
        .hasSize(card.files().size() + 1);
    assertThat(awaitProgress(runId, events -> true, 0)).hasSize(3);
  }

  @Test
  void aMissingDataSetEndsAsTrainingFailedNamingTheObject() throws Exception {
    String runId = "missing-" + UUID.randomUUID();
    publisher
        .publish(request(runId, ObjectRef.of(Buckets.DATASETS, PREFIX + "nowhere.h5"), null))
        .get(30, TimeUnit.SECONDS);
    TrainingFailed failed =
        (TrainingFailed) awaitProgress(runId, events -> !events.isEmpty(), 120).get(0);
    assertThat(failed.reason()).contains(PREFIX + "nowhere.h5");
  }

  @Test
  void aRequestAwaitingItsDataSetsIsLeftToIngest() throws Exception {
    String runId = "areas-" + UUID.randomUUID();
    TrainingRequested awaiting =
        request(runId, ObjectRef.of(Buckets.DATASETS, PREFIX + "nowhere.h5"), null)
            .with(
                new org.lcz.events.TrainingAreas(
                    ObjectRef.of(Buckets.DATASETS, PREFIX + "areas.kml"),
                    List.of(ObjectRef.of(Buckets.INBOX, PREFIX + "scene.tif")),
                    null,
                    null))
            .withDataSets(null, null, null);
    publisher.publish(awaiting).get(30, TimeUnit.SECONDS);
    // the same run with a (missing) data set, behind it on the same partition: its failure is
    // the run's only progress event, so the request before it was passed over without one
    publisher
        .publish(request(runId, ObjectRef.of(Buckets.DATASETS, PREFIX + "nowhere.h5"), null))
        .get(30, TimeUnit.SECONDS);
    List<LczEvent> events = awaitProgress(runId, e -> !e.isEmpty(), 120);
    assertThat(events).hasSize(1);
    assertThat(((TrainingFailed) events.get(0)).reason()).contains(PREFIX + "nowhere.h5");
  }

  @Test
  void anUnknownBandEndsAsTrainingFailedNamingTheBand() throws Exception {
    String runId = "band-" + UUID.randomUUID();
    publisher
        .publish(request(runId, upload("train.h5"), List.of("B2", "B99")))
        .get(30, TimeUnit.SECONDS);
    TrainingFailed failed =
        (TrainingFailed) awaitProgress(runId, events -> !events.isEmpty(), 120).get(0);
    assertThat(failed.reason())
        .contains("unknown band 'B99'")
        .contains("s3://lcz-datasets/" + PREFIX + "train.h5")
        .doesNotContain("/tmp");
  }

  @Test
  void aRecordThatIsNoTrainingRequestIsDeadLettered() throws Exception {
    String key = "garbled-" + UUID.randomUUID();
    try (KafkaProducer<String, byte[]> raw =
        new KafkaProducer<>(KafkaClients.rawProducer(bootstrap))) {
      raw.send(
              new ProducerRecord<>(
                  Topics.TRAINING_REQUESTS, key, "{oops".getBytes(StandardCharsets.UTF_8)))
          .get(30, TimeUnit.SECONDS);
    }
    List<ConsumerRecord<String, byte[]>> letters = new ArrayList<>();
    awaitTrue(
        () -> {
          letters.addAll(read(Topics.DEAD_LETTER, key));
          return !letters.isEmpty();
        },
        120);
    ConsumerRecord<String, byte[]> letter = letters.get(0);
    assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("{oops");
    assertThat(letter.headers().lastHeader(DeadLetterPublisher.FAILED_BY).value())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("training-worker");
  }

  /** The progress events of {@code runId} once {@code done} holds (or the time is up). */
  private List<LczEvent> awaitProgress(String runId, Predicate<List<LczEvent>> done, int seconds)
      throws Exception {
    return awaitEvents(Topics.TRAINING_PROGRESS, runId, done, seconds);
  }

  /** The events with {@code key} on {@code topic} once {@code done} holds. */
  private List<LczEvent> awaitEvents(
      String topic, String key, Predicate<List<LczEvent>> done, int seconds) throws Exception {
    InboundEvents inbound = new InboundEvents(new EventCodec());
    Instant deadline = Instant.now().plusSeconds(seconds);
    List<LczEvent> events;
    do {
      events = new ArrayList<>();
      for (ConsumerRecord<String, byte[]> r : read(topic, key)) {
        events.add(inbound.decode(r, LczEvent.class));
      }
      if (done.test(events)) {
        return events;
      }
      Thread.sleep(500);
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError("events of " + key + " did not arrive in time: " + events);
  }

  /** Every record with {@code key} on {@code topic} so far. */
  private List<ConsumerRecord<String, byte[]>> read(String topic, String key) {
    return TopicSnapshot.read(bootstrap, topic, key, Duration.ofSeconds(30));
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition, int seconds)
      throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(seconds);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(500);
    }
  }

  /**
   * The card's measures computed by numpy (python3-numpy) from {@code matrix} (rows truth, columns
   * prediction, LCZ 1–17) and the LCZ similarity weights' CSV: a second implementation.
   */
  private static Map<String, Double> numpyMeasures(long[][] matrix) throws Exception {
    Path dir = Files.createTempDirectory("oracle");
    try (var in = AccuracyMeasures.class.getResourceAsStream("/org/lcz/scheme/oaw-weights.csv")) {
      Files.copy(in, dir.resolve("weights.csv"));
    }
    Files.writeString(
        dir.resolve("cm.json"),
        new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(matrix));
    String script =
        String.join(
            "\n",
            "import json, sys, numpy as np",
            "d = sys.argv[1]",
            "cm = np.array(json.load(open(d + '/cm.json')), dtype=float)",
            "w = np.loadtxt(d + '/weights.csv', delimiter=',')",
            "t = cm.sum(); built = np.arange(17) < 10",
            "def r(a, b): return a / b if b else float('nan')",
            "oa = r(np.trace(cm), t)",
            "oau = r(np.diag(cm)[built].sum(), cm[built].sum())",
            "oan = r(np.diag(cm)[~built].sum(), cm[~built].sum())",
            "oabu = r(cm[np.ix_(built, built)].sum() + cm[np.ix_(~built, ~built)].sum(), t)",
            "oaw = r((w * cm).sum(), t)",
            "pe = (cm.sum(1) * cm.sum(0)).sum() / t / t",
            "kappa = (oa - pe) / (1 - pe)",
            "sup = cm.sum(1); pred = cm.sum(0); tp = np.diag(cm)",
            "f1 = np.array([0.0 if p == 0 or x == 0 else 2 * x / (s + p) for x, s, p in zip(tp, sup, pred)])",
            "f1w = r((f1 * sup)[sup > 0].sum(), sup.sum())",
            "m = dict(oa=oa, oaU=oau, oaN=oan, oaBu=oabu, oaW=oaw, kappa=kappa, f1Weighted=f1w)",
            "print(json.dumps({k: (None if v != v else float(v)) for k, v in m.items()}))");
    Files.writeString(dir.resolve("oracle.py"), script);
    Process p =
        new ProcessBuilder("/usr/bin/python3", dir.resolve("oracle.py").toString(), dir.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("numpy oracle: %s", out).isZero();
    Map<String, Double> measures = new java.util.HashMap<>();
    new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(out)
        .fields()
        .forEachRemaining(
            e ->
                measures.put(
                    e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN));
    return measures;
  }
}
