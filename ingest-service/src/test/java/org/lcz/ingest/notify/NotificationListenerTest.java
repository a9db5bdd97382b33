package org.lcz.ingest.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.SceneTiled;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.ingest.TopicEvents;
import org.lcz.ingest.inbox.SceneIds;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.raster.Scenes;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;

/** MinIO-shaped notifications on the real broker bring inbox objects of the real S3 server in. */
@QuarkusTest
@TestProfile(NotificationsOnly.class)
@WithTestResource(LocalStackTestResource.class)
class NotificationListenerTest {
  private static Path fixtures;

  @Inject ObjectStore store;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @BeforeAll
  static void writeFixtures() throws Exception {
    fixtures = Files.createTempDirectory("scenes");
    Scenes.write(fixtures);
  }

  @Inject org.lcz.ingest.config.IngestConfig config;
  @Inject org.lcz.ingest.inbox.IngestQueue queue;

  private org.apache.kafka.clients.producer.RecordMetadata notify(String json) throws Exception {
    try (Producer<String, byte[]> p = new KafkaProducer<>(KafkaClients.rawProducer(bootstrap))) {
      return p.send(
              new ProducerRecord<>(
                  Topics.INBOX_NOTIFICATIONS, "lcz-inbox", json.getBytes(StandardCharsets.UTF_8)))
          .get(10, TimeUnit.SECONDS);
    }
  }

  /**
   * Returns once the listener's group has committed past {@code last} and nothing is queued: the
   * listener commits a batch only after submitting it, and the queue publishes before it is idle,
   * so every event those notifications cause is on the broker by then.
   */
  private void handled(org.apache.kafka.clients.producer.RecordMetadata last) throws Exception {
    var partition = new org.apache.kafka.common.TopicPartition(last.topic(), last.partition());
    try (var admin = org.apache.kafka.clients.admin.Admin.create(KafkaClients.admin(bootstrap))) {
      java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
      while (true) {
        var committed =
            admin
                .listConsumerGroupOffsets(config.notificationsGroup())
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS)
                .get(partition);
        if (committed != null && committed.offset() > last.offset() && queue.idle()) {
          return;
        }
        if (java.time.Instant.now().isAfter(deadline)) {
          throw new AssertionError("the listener did not commit past " + last + " within 60 s");
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void aNotifiedObjectIsIngestedOnceHoweverOftenItIsNotified() throws Exception {
    // at the top of the inbox: a GeoTIFF in a folder waits for the folder to settle (watcher)
    String key = "notified " + UUID.randomUUID() + " scene.tif";
    store.put(Buckets.INBOX, key, fixtures.resolve("tiled_deflate_pred2.tif"), "image/tiff");
    String etag = store.stat(Buckets.INBOX, key).etag();
    String sceneId = SceneIds.of(key, etag);
    String encoded = java.net.URLEncoder.encode(key, StandardCharsets.UTF_8);
    org.apache.kafka.clients.producer.RecordMetadata last = null;
    for (int i = 0; i < 3; i++) {
      last = notify(MinioNotificationTest.put(Buckets.INBOX, encoded, etag));
    }
    TopicEvents events = new TopicEvents(bootstrap);
    events.await(
        Topics.SCENES,
        e -> e instanceof SceneTiled t && t.sceneId().equals(sceneId),
        l -> !l.isEmpty());
    handled(last); // the later notifications are handled: the counts below are final
    assertThat(
            events.read(
                Topics.SCENES, e -> e instanceof SceneTiled t && t.sceneId().equals(sceneId)))
        .hasSize(1);
    assertThat(
            events.read(Topics.TILES, e -> e instanceof TileReady t && t.sceneId().equals(sceneId)))
        .hasSize(6);
  }

  @Test
  void aRecordThatIsNotAnS3EventIsDeadLetteredAndTheListenerGoesOn() throws Exception {
    String marker = "garbage-" + UUID.randomUUID();
    notify("{\"hello\": \"" + marker + "\"}");
    var letters =
        waitFor(
            () ->
                TopicSnapshot.read(bootstrap, Topics.DEAD_LETTER, Duration.ofSeconds(30)).stream()
                    .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains(marker))
                    .toList());
    assertThat(
            new String(
                letters.get(0).headers().lastHeader(DeadLetterPublisher.ERROR).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("not an S3 event: no Records array");
    // a later notification still works
    String key = "after-garbage-" + UUID.randomUUID() + ".tif";
    store.put(Buckets.INBOX, key, fixtures.resolve("strips_uint16.tif"), "image/tiff");
    String etag = store.stat(Buckets.INBOX, key).etag();
    notify(MinioNotificationTest.put(Buckets.INBOX, key, etag));
    String sceneId = SceneIds.of(key, etag);
    new TopicEvents(bootstrap)
        .await(
            Topics.SCENES,
            e -> e instanceof SceneTiled t && t.sceneId().equals(sceneId),
            l -> !l.isEmpty());
  }

  private static <T> java.util.List<T> waitFor(java.util.function.Supplier<java.util.List<T>> s)
      throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      var l = s.get();
      if (!l.isEmpty()) {
        return l;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("nothing arrived");
  }
}
