package org.lcz.inference.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.stack.StackSettings;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.EventCodec;
import org.lcz.events.MapTileWritten;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.inference.Fixtures;
import org.lcz.inference.map.TileJob;
import org.lcz.inference.model.ComputeDevice;
import org.lcz.inference.model.ModelOpener;
import org.lcz.inference.model.ModelSlot;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.GroupOffsets;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.raster.SceneManifest;
import org.lcz.registry.CurrentModel;
import org.lcz.registry.ModelRegistry;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** Bad input on the real broker: dead letters with the reason, and the loop goes on. */
@ExtendWith(LocalStackExtension.class)
class TileLoopTest {
  /** Seconds per tile on a CPU: the loop takes one tile per poll, never a backlog of them. */
  @Test
  void theTileConsumerTakesOneTilePerPoll(LocalStack stack) throws Exception {
    String topic = "one-per-poll-" + UUID.randomUUID();
    String bootstrap = stack.kafkaBootstrapServers();
    java.util.Properties admin = new java.util.Properties();
    admin.put("bootstrap.servers", bootstrap);
    try (var a = org.apache.kafka.clients.admin.Admin.create(admin)) {
      a.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, 1, (short) 1)))
          .all()
          .get();
    }
    java.util.Properties producer = new java.util.Properties();
    producer.put("bootstrap.servers", bootstrap);
    try (var p =
        new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
            producer,
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        p.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, "t" + i, "x")).get();
      }
    }
    List<Integer> sizes = new ArrayList<>();
    try (var c =
        new org.apache.kafka.clients.consumer.KafkaConsumer<String, byte[]>(
            TileLoop.consumerSettings(bootstrap, "one-per-poll-" + UUID.randomUUID()))) {
      c.subscribe(List.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      int seen = 0;
      while (seen < 5 && System.nanoTime() < deadline) {
        int n = c.poll(Duration.ofMillis(500)).count();
        if (n > 0) {
          sizes.add(n);
          seen += n;
        }
      }
    }
    assertThat(sizes).containsExactly(1, 1, 1, 1, 1);
  }

  /**
   * A commit while the broker is away fails — and is left: the loop goes on, and once the broker is
   * back the same consumer commits again. A stack of its own: its broker is stopped. The consumer
   * has the tile loop's settings but gives up on a request after 5 s instead of 60 s.
   */
  @Test
  void aCommitWhileTheBrokerIsAwayFailsWithoutEndingTheLoopAndTheNextOneCommits(@TempDir Path data)
      throws Exception {
    String topic = "commit-away-" + UUID.randomUUID();
    String group = "commit-away-" + UUID.randomUUID();
    try (LocalStack own = LocalStack.start(StackSettings.randomPorts(data))) {
      String bootstrap = own.kafkaBootstrapServers();
      try (var admin = own.newAdmin()) {
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
      }
      try (KafkaProducer<String, byte[]> p =
          new KafkaProducer<>(KafkaClients.rawProducer(bootstrap))) {
        for (int i = 0; i < 2; i++) {
          p.send(new ProducerRecord<>(topic, "t" + i, new byte[] {1})).get();
        }
      }
      Properties settings = TileLoop.consumerSettings(bootstrap, group);
      settings.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
      TopicPartition partition = new TopicPartition(topic, 0);
      try (var c = new KafkaConsumer<String, byte[]>(settings)) {
        c.subscribe(List.of(topic));
        ConsumerRecord<String, byte[]> first = nextRecord(c);
        assertThat(TileLoop.commit(c, partition, first.offset() + 1)).isTrue();
        ConsumerRecord<String, byte[]> second = nextRecord(c);

        own.stopKafka();
        assertThat(TileLoop.commit(c, partition, second.offset() + 1))
            .as("the commit with the broker away failed, and returned")
            .isFalse();
        own.startKafka();

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        boolean committed = false;
        while (!committed && System.nanoTime() < deadline) {
          c.poll(Duration.ofMillis(500)); // the loop's next round
          committed = TileLoop.commit(c, partition, second.offset() + 1);
        }
        assertThat(committed).as("the same consumer commits once the broker is back").isTrue();
      }
      try (var admin = own.newAdmin()) {
        assertThat(
                admin
                    .listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(30, TimeUnit.SECONDS)
                    .get(partition)
                    .offset())
            .isEqualTo(2);
      }
    }
  }

  private static ConsumerRecord<String, byte[]> nextRecord(KafkaConsumer<String, byte[]> c) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      var records = c.poll(Duration.ofMillis(500));
      if (!records.isEmpty()) {
        return records.iterator().next();
      }
    }
    throw new AssertionError("no record within 60 s");
  }

  @Test
  void garbageAndUnmappableTilesAreDeadLetteredWithTheReasonAndGoodTilesStillMap(
      LocalStack stack, @TempDir Path work) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    try (ObjectStore store = stack.newObjectStore()) {
      Fixtures.sharedModel(bootstrap, store);
      String sceneId = "loop-" + UUID.randomUUID();
      SceneTiler.Result tiled =
          Fixtures.tile(store, sceneId, Fixtures.scene(work, 200, 150, 9), 256, 8);
      TileReady good = tiled.tiles().get(0);
      TileReady wrongBands =
          withManifest(
              store,
              good,
              "bands",
              m ->
                  copy(
                      m,
                      List.of("R", "G", "B", "N", "S1", "S2", "S3", "S4", "S5", "S6"),
                      m.geoTransform()));
      TileReady wrongPixels =
          withManifest(
              store,
              good,
              "pixels",
              m -> copy(m, m.bands(), new double[] {500000, 20, 0, 5000000, 0, -20}));

      String group = "loop-" + UUID.randomUUID();
      GroupOffsets.startAtEnd(bootstrap, group, Topics.TILES);
      ModelRegistry registry = new ModelRegistry(bootstrap);
      ModelSlot slot =
          new ModelSlot(
              new CurrentModel(() -> registry.current("msmla"), store, work.resolve("models")),
              new ModelOpener(new ComputeDevice(false, "test"), 64, 2));
      slot.refresh();
      TileLoop loop =
          new TileLoop(
              new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, group)),
              new InboundEvents(new EventCodec()),
              slot,
              new TileJob(store, work.resolve("tiles"), 100),
              new EventPublisher(bootstrap, URI.create("/lcz/it/loop")),
              new DeadLetterPublisher(bootstrap, "loop-test"));
      Thread thread = new Thread(loop);
      thread.start();
      try (KafkaProducer<String, byte[]> raw =
              new KafkaProducer<>(KafkaClients.rawProducer(bootstrap));
          EventPublisher events = new EventPublisher(bootstrap, URI.create("/lcz/it/ingest"))) {
        raw.send(
                new ProducerRecord<>(
                    Topics.TILES,
                    sceneId + "-garbage",
                    "{not an event".getBytes(StandardCharsets.UTF_8)))
            .get();
        // a poison event: a TileReady whose tile key climbs into the models' bucket
        ObjectMapper mapper = new ObjectMapper();
        EventCodec codec = new EventCodec();
        ObjectNode payload = (ObjectNode) mapper.readTree(codec.toJson(good));
        ((ObjectNode) payload.get("tile")).put("key", "../lcz-models/msmla/x.onnx");
        CloudEvent poison =
            CloudEventBuilder.v1(codec.toCloudEvent(good, URI.create("/lcz/it/poison")))
                .withData(mapper.writeValueAsBytes(payload))
                .build();
        try (KafkaProducer<String, CloudEvent> ce =
            new KafkaProducer<>(KafkaClients.producer(bootstrap))) {
          ce.send(new ProducerRecord<>(Topics.TILES, sceneId + "-poison", poison)).get();
        }
        events.publishAndWait(wrongBands, Duration.ofSeconds(30));
        events.publishAndWait(wrongPixels, Duration.ofSeconds(30));
        events.publishAndWait(good, Duration.ofSeconds(30));
        Instant end = Instant.now().plusSeconds(120);
        // the records sit on different partitions: wait until every one is done with
        while ((loop.mapped() < 1 || loop.deadLettered() < 4) && Instant.now().isBefore(end)) {
          Thread.sleep(200);
        }
      } finally {
        loop.stop();
        thread.join(30_000);
        slot.close();
      }
      assertThat(loop.mapped()).isEqualTo(1);
      assertThat(loop.deadLettered()).isEqualTo(4);
      assertThat(Fixtures.events(bootstrap, Topics.MAPS, sceneId, MapTileWritten.class)).hasSize(1);
      List<String> errors =
          TopicSnapshot.read(bootstrap, Topics.DEAD_LETTER, Duration.ofSeconds(30)).stream()
              .filter(r -> r.key() != null && r.key().startsWith(sceneId))
              .map(TileLoopTest::error)
              .toList();
      assertThat(errors).hasSize(4);
      assertThat(errors).anySatisfy(e -> assertThat(e).contains("not a CloudEvent"));
      assertThat(errors)
          .anySatisfy(e -> assertThat(e).contains("'../lcz-models/msmla/x.onnx' holds a '..'"));
      assertThat(errors)
          .anySatisfy(e -> assertThat(e).contains("missing: [B2, B3").contains("lcz.ingest.bands"));
      assertThat(errors)
          .anySatisfy(
              e ->
                  assertThat(e)
                      .contains("20.0 m pixels but the model was trained on 10.0 m pixels"));

      // the group has committed every partition to its end: nothing can be delivered again
      try (var admin = org.apache.kafka.clients.admin.Admin.create(KafkaClients.admin(bootstrap));
          KafkaConsumer<String, byte[]> c =
              new KafkaConsumer<>(
                  KafkaClients.rawConsumer(bootstrap, "ends-" + UUID.randomUUID()))) {
        var committed =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, java.util.concurrent.TimeUnit.SECONDS);
        var partitions =
            c.partitionsFor(Topics.TILES).stream()
                .map(p -> new org.apache.kafka.common.TopicPartition(p.topic(), p.partition()))
                .toList();
        var ends = c.endOffsets(partitions);
        for (var p : partitions) {
          long end = ends.get(p);
          var at = committed.get(p);
          // a partition the loop never held was started at its end by GroupOffsets.startAtEnd
          assertThat(at == null ? -1 : at.offset()).as("%s", p).isEqualTo(end);
        }
      }
    }
  }

  @Test
  void anUnexpectedFailureIsTriedThreeTimesThenDeadLetteredAndAnUnreachableStoreIsRetried(
      LocalStack stack, @TempDir Path work) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    try (ObjectStore store = stack.newObjectStore()) {
      Fixtures.sharedModel(bootstrap, store);
      String sceneId = "retry-" + UUID.randomUUID();
      TileReady tile =
          Fixtures.tile(store, sceneId, Fixtures.scene(work, 200, 150, 9), 256, 8).tiles().get(0);
      try (EventPublisher events = new EventPublisher(bootstrap, URI.create("/lcz/it/ingest"))) {
        events.publishAndWait(tile, Duration.ofSeconds(30));
      }
      ConsumerRecord<String, byte[]> record =
          TopicSnapshot.read(bootstrap, Topics.TILES, tile.key(), Duration.ofSeconds(30)).get(0);
      ModelRegistry registry = new ModelRegistry(bootstrap);
      ModelSlot slot =
          new ModelSlot(
              new CurrentModel(() -> registry.current("msmla"), store, work.resolve("models")),
              new ModelOpener(new ComputeDevice(false, "test"), 64, 2));
      slot.refresh();
      try {
        // a real local failure that is not the tile's fault: the work folder is a file
        Path notAFolder = java.nio.file.Files.writeString(work.resolve("blocked"), "a file");
        TileLoop broken = loop(bootstrap, slot, new TileJob(store, notAFolder, 100));
        assertThat(broken.handle(record)).as("attempt 1: tried again").isFalse();
        assertThat(broken.handle(record)).as("attempt 2: tried again").isFalse();
        assertThat(broken.deadLettered()).isZero();
        assertThat(broken.handle(record)).as("attempt 3: done with, as a dead letter").isTrue();
        assertThat(broken.deadLettered()).isEqualTo(1);
        assertThat(broken.mapped()).isZero();
        List<String> errors =
            TopicSnapshot.read(bootstrap, Topics.DEAD_LETTER, tile.key(), Duration.ofSeconds(30))
                .stream()
                .map(TileLoopTest::error)
                .toList();
        assertThat(errors)
            .singleElement()
            .satisfies(e -> assertThat(e).startsWith("failed 3 times"));

        // the object store unreachable: retried, never dead-lettered, however often it fails
        try (ObjectStore down =
            new org.lcz.storage.MinioObjectStore(
                stack.s3Settings().withEndpoint(URI.create("http://127.0.0.1:1")),
                org.lcz.storage.RetryPolicy.none())) {
          TileLoop waiting = loop(bootstrap, slot, new TileJob(down, work.resolve("t2"), 100));
          for (int i = 0; i < 4; i++) {
            assertThat(waiting.handle(record)).as("attempt %d: tried again", i + 1).isFalse();
          }
          assertThat(waiting.deadLettered()).isZero();
        }
        // and once the store answers, the same record maps
        TileLoop mending = loop(bootstrap, slot, new TileJob(store, work.resolve("t3"), 100));
        assertThat(mending.handle(record)).isTrue();
        assertThat(mending.mapped()).isEqualTo(1);
      } finally {
        slot.close();
      }
    }
  }

  private static TileLoop loop(String bootstrap, ModelSlot slot, TileJob job) {
    return new TileLoop(
        new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, "unused-" + UUID.randomUUID())),
        new InboundEvents(new EventCodec()),
        slot,
        job,
        new EventPublisher(bootstrap, URI.create("/lcz/it/loop")),
        new DeadLetterPublisher(bootstrap, "loop-test"));
  }

  private static String error(ConsumerRecord<String, byte[]> r) {
    return new String(
        r.headers().lastHeader(DeadLetterPublisher.ERROR).value(), StandardCharsets.UTF_8);
  }

  private static SceneManifest copy(SceneManifest m, List<String> bands, double[] geoTransform) {
    return new SceneManifest(
        m.sceneId(),
        m.width(),
        m.height(),
        m.crsWkt(),
        m.epsg(),
        geoTransform,
        m.groundSampleDistance(),
        bands,
        m.sampleType(),
        m.radiometry(),
        m.nodata(),
        m.tileSize(),
        m.halo(),
        m.tiles(),
        m.maskedShare(),
        m.notes());
  }

  /** {@code tile} under a new tile id whose manifest is changed by {@code change}. */
  private static TileReady withManifest(
      ObjectStore store, TileReady tile, String name, UnaryOperator<SceneManifest> change) {
    SceneManifest changed = change.apply(SceneManifest.read(store.read(tile.manifest())));
    ObjectRef ref =
        store.put(
            Buckets.TILES,
            "scenes/" + tile.sceneId() + "/manifest-" + name + ".json",
            changed.toJson(),
            "application/json");
    return new TileReady(
        tile.sceneId(),
        tile.sceneId() + "-" + name,
        tile.row(),
        tile.col(),
        tile.sceneTileCount(),
        tile.tile(),
        ref);
  }
}
