package org.lcz.inference.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.EventCodec;
import org.lcz.events.LczEvent;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.inference.Fixtures;
import org.lcz.inference.assembly.MapAssembler;
import org.lcz.inference.map.ActiveModel;
import org.lcz.inference.map.MapTileFile;
import org.lcz.inference.map.TileJob;
import org.lcz.inference.model.ComputeDevice;
import org.lcz.inference.model.ModelOpener;
import org.lcz.inference.model.ModelSlot;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.registry.CurrentModel;
import org.lcz.registry.ModelRegistry;
import org.lcz.storage.ObjectStore;

/**
 * The assembly loop's crash paths against the real broker and S3 server: the owner of a scene's
 * partition dies after the scene's last tile was mapped, some of it in the middle of announcing.
 * (The graceful hand-over between two running workers is in {@link WorkerLoopsTest}.)
 */
@ExtendWith(LocalStackExtension.class)
class AssemblyLoopTest {
  private static final Instant ZOMBIE_TIME = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant OWNER_TIME = Instant.parse("2026-02-02T00:00:00Z");

  @Test
  void aCompleteButUnannouncedSceneIsAssembledOnceByTheNextOwnerWhichFencesTheDeadOwner(
      LocalStack stack, @TempDir Path work) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    String group = "assembly-" + UUID.randomUUID();
    URI source = URI.create("/lcz/it/assembly");
    try (ObjectStore store = stack.newObjectStore()) {
      Fixtures.sharedModel(bootstrap, store);
      String sceneId = "crash-" + UUID.randomUUID();
      List<TileReady> tiles =
          Fixtures.tile(store, sceneId, Fixtures.scene(work, 700, 460, 5), 256, 8).tiles();
      assertThat(tiles).hasSize(6);

      // the dead worker's tile half: every tile mapped and its MapTileWritten sent; its assembly
      // loop never announced the scene
      mapAndAnnounceTiles(bootstrap, store, work, tiles);
      List<ConsumerRecord<String, byte[]>> written =
          TopicSnapshot.read(bootstrap, Topics.MAPS, sceneId, Duration.ofSeconds(30));
      assertThat(written).hasSize(6);
      int partition = written.get(0).partition();

      // the dead owner of that partition of lcz.maps got as far as assembling the scene and
      // sending its SceneMapCompleted inside a transaction it never committed (a zombie: a paused
      // process comes back later and tries to commit)
      KafkaProducer<String, CloudEvent> zombie = transactional(bootstrap, group + "-" + partition);
      zombie.initTransactions();
      zombie.beginTransaction();
      SceneMapCompleted zombieDone =
          new MapAssembler(store, 100, 32).assemble(sceneId, ZOMBIE_TIME);
      new EventPublisher(zombie, new EventCodec(), source)
          .publish(zombieDone, "scene-map-completed-" + sceneId)
          .get();
      assertThat(uncommittedCompletions(bootstrap, partition, sceneId))
          .as("the zombie's announcement is in the log, not committed")
          .hasSize(1);
      assertThat(completions(bootstrap, sceneId)).isEmpty();

      // the next owner: takes the partition, fences the zombie, rebuilds what the partition
      // holds and assembles the complete but unannounced scene
      AssemblyLoop owner =
          new AssemblyLoop(
              bootstrap,
              group,
              new MapAssembler(store, 100, 32),
              source,
              Clock.fixed(OWNER_TIME, ZoneOffset.UTC));
      Thread thread = new Thread(owner, "assembly-owner");
      thread.start();
      try {
        WorkerLoopsTest.await(() -> owner.completed() == 1, Duration.ofMinutes(2));

        // the zombie wakes up and commits: refused, its transaction was aborted
        assertThatThrownBy(zombie::commitTransaction).isInstanceOf(ProducerFencedException.class);
      } finally {
        zombie.close(Duration.ZERO);
        owner.stop();
        thread.join(Duration.ofSeconds(30).toMillis());
      }
      assertThat(thread.isAlive()).isFalse();

      // the owner stopped and the zombie closed: the committed log below is final
      List<SceneMapCompleted> done = completions(bootstrap, sceneId);
      assertThat(done).hasSize(1);
      assertThat(done.get(0).completedAt()).as("announced by the new owner").isEqualTo(OWNER_TIME);
      assertThat(done.get(0).tileCount()).isEqualTo(6);
      byte[] classes = MapTileFile.bands(store.read(done.get(0).map())).get(0);
      assertThat(classes).as("the scene's 70 × 46 cells").hasSize(70 * 46);
      for (byte v : classes) {
        assertThat(v & 0xFF).isBetween(1, 17);
      }
      assertThat(uncommittedCompletions(bootstrap, partition, sceneId))
          .as("both announcements were written; the zombie's is aborted")
          .extracting(SceneMapCompleted::completedAt)
          .containsExactly(ZOMBIE_TIME, OWNER_TIME);
    }
  }

  /** Maps every tile with the worker's own job and model slot and sends its MapTileWritten. */
  private static void mapAndAnnounceTiles(
      String bootstrap, ObjectStore store, Path work, List<TileReady> tiles) {
    ModelRegistry registry = new ModelRegistry(bootstrap);
    try (ModelSlot slot =
            new ModelSlot(
                new CurrentModel(() -> registry.current("msmla"), store, work.resolve("models")),
                new ModelOpener(new ComputeDevice(false, "test"), 64, 2));
        EventPublisher events = new EventPublisher(bootstrap, URI.create("/lcz/it/tiles"))) {
      slot.refresh();
      TileJob job = new TileJob(store, work.resolve("tiles"), 100);
      ActiveModel model = slot.acquire().orElseThrow(); // the slot closes it
      for (TileReady tile : tiles) {
        events.publishAndWait(job.map(tile, model), Duration.ofSeconds(30));
      }
    }
  }

  private static KafkaProducer<String, CloudEvent> transactional(String bootstrap, String id) {
    Properties p = KafkaClients.producer(bootstrap);
    p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
    return new KafkaProducer<>(p);
  }

  /** The scene's committed SceneMapCompleted events (what every platform consumer reads). */
  private static List<SceneMapCompleted> completions(String bootstrap, String sceneId) {
    return Fixtures.events(bootstrap, Topics.MAPS, sceneId, SceneMapCompleted.class);
  }

  /** The scene's SceneMapCompleted records in the log, aborted ones included. */
  private static List<SceneMapCompleted> uncommittedCompletions(
      String bootstrap, int partition, String sceneId) {
    Properties p = KafkaClients.rawConsumer(bootstrap, "unused-" + UUID.randomUUID());
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    InboundEvents inbound = new InboundEvents(new EventCodec());
    List<SceneMapCompleted> out = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p)) {
      TopicPartition tp = new TopicPartition(Topics.MAPS, partition);
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      long end = consumer.endOffsets(List.of(tp)).get(tp);
      Instant deadline = Instant.now().plusSeconds(30);
      while (consumer.position(tp) < end && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (sceneId.equals(r.key())) {
            LczEvent e = inbound.decode(r);
            if (e instanceof SceneMapCompleted c) {
              out.add(c);
            }
          }
        }
      }
      assertThat(consumer.position(tp)).as("read to the end").isGreaterThanOrEqualTo(end);
    }
    return out;
  }
}
