package org.lcz.inference.messaging;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.Topics;
import org.lcz.inference.assembly.MapAssembler;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.TopicSnapshot;

/**
 * Assembles each scene's map exactly once. Consumes {@code lcz.maps} (keyed by scene id, so a
 * scene's events share one partition) in its own consumer group; the member that owns a partition
 * owns the scenes in it.
 *
 * <p>On being assigned a partition, the member opens a transactional producer whose id is derived
 * from the partition ({@code <group>-<partition>}): starting it fences any previous owner (its
 * unfinished transaction is aborted and its later commits fail). It then reads the partition's
 * committed records from the start, learning which tiles of which scenes are mapped and which
 * scenes already have a SceneMapCompleted, and assembles scenes that are complete but not yet
 * announced. From then on each MapTileWritten updates the count; when a scene's distinct tiles
 * reach its tile count and no SceneMapCompleted was seen, the map is assembled and
 * SceneMapCompleted is sent in a transaction. Redelivered or duplicate MapTileWritten events count
 * once; a scene is never announced twice, whichever member dies when.
 */
public final class AssemblyLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(AssemblyLoop.class.getName());
  private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RETRY = Duration.ofSeconds(5);

  private final String bootstrap;
  private final String group;
  private final MapAssembler assembler;
  private final URI source;
  private final Clock clock;
  private final InboundEvents inbound = new InboundEvents(new EventCodec());
  private final Map<Integer, Owned> owned = new HashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private volatile boolean stopped;
  private final LoopHeartbeat heartbeat = new LoopHeartbeat("assembly");
  private volatile int completed;

  public AssemblyLoop(
      String bootstrap, String group, MapAssembler assembler, URI source, Clock clock) {
    this.bootstrap = bootstrap;
    this.group = group;
    this.assembler = assembler;
    this.source = source;
    this.clock = clock;
    this.consumer = new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, group));
  }

  /** What this member knows of one partition it owns. */
  private final class Owned {
    final int partition;
    final Producer<String, CloudEvent> producer;
    final EventPublisher publisher;
    final Map<String, Set<String>> tiles = new HashMap<>();
    final Map<String, Integer> tileCounts = new HashMap<>();
    final Set<String> announced = new HashSet<>();
    final Set<String> waiting = new HashSet<>();

    Owned(int partition) {
      this.partition = partition;
      Properties p = KafkaClients.producer(bootstrap);
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + partition);
      this.producer = new KafkaProducer<>(p);
      producer.initTransactions(); // fences the partition's previous owner
      this.publisher = new EventPublisher(producer, new EventCodec(), source);
    }

    /** Takes in one record; returns the scene a MapTileWritten added a tile to, else null. */
    String learn(ConsumerRecord<String, byte[]> r) {
      try {
        LczEvent event = inbound.decode(r);
        if (event instanceof MapTileWritten w) {
          tiles.computeIfAbsent(w.sceneId(), k -> new HashSet<>()).add(w.tileId());
          tileCounts.put(w.sceneId(), w.sceneTileCount());
          return w.sceneId();
        } else if (event instanceof SceneMapCompleted c) {
          announced.add(c.sceneId());
          waiting.remove(c.sceneId());
        }
      } catch (InvalidEventException e) {
        LOG.warning(
            "skipping "
                + r.topic()
                + "-"
                + r.partition()
                + "@"
                + r.offset()
                + ": "
                + e.getMessage());
      }
      return null;
    }

    /** Whether every tile of {@code scene} is mapped and it is not yet announced. */
    boolean isDue(String scene) {
      Set<String> done = tiles.get(scene);
      return done != null && !announced.contains(scene) && done.size() >= tileCounts.get(scene);
    }

    /** Every scene that {@link #isDue is due} (after reading a partition's history). */
    Collection<String> due() {
      return tiles.keySet().stream().filter(this::isDue).toList();
    }

    /** Assembles and announces {@code scene}; false if it must be tried again. */
    boolean complete(String scene) {
      SceneMapCompleted done;
      try {
        done = assembler.assemble(scene, clock.instant());
      } catch (RuntimeException e) {
        LOG.warning("scene " + scene + " cannot be assembled yet: " + e.getMessage());
        waiting.add(scene);
        return false;
      }
      try {
        producer.beginTransaction();
        publisher.publish(done, "scene-map-completed-" + scene);
        producer.commitTransaction();
      } catch (ProducerFencedException e) {
        LOG.info(
            "partition "
                + partition
                + " of "
                + Topics.MAPS
                + " has a new owner; leaving "
                + scene
                + " to it");
        return true;
      } catch (KafkaException e) {
        LOG.warning("could not announce scene " + scene + ": " + e.getMessage());
        try {
          producer.abortTransaction();
        } catch (KafkaException ignored) {
          // the next attempt starts afresh
        }
        waiting.add(scene);
        return false;
      }
      announced.add(scene);
      waiting.remove(scene);
      completed++;
      LOG.info(
          "scene "
              + scene
              + " assembled: "
              + done.map().uri()
              + " (model "
              + done.modelVersion()
              + ")");
      return true;
    }

    void close() {
      producer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void run() {
    long lastRetry = System.nanoTime();
    try {
      consumer.subscribe(List.of(Topics.MAPS), new Rebalance());
      while (!stopped) {
        heartbeat.beat();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          Owned o = owned.get(r.partition());
          if (o == null) {
            continue;
          }
          String scene = o.learn(r); // only this record's scene can have become due
          if (scene != null && o.isDue(scene)) {
            o.complete(scene);
          }
        }
        if (System.nanoTime() - lastRetry > RETRY.toNanos()) {
          lastRetry = System.nanoTime();
          for (Owned o : owned.values()) {
            for (String scene : List.copyOf(o.waiting)) {
              o.complete(scene);
            }
          }
        }
      }
    } catch (WakeupException e) {
      if (!stopped) {
        throw e;
      }
    } finally {
      owned.values().forEach(Owned::close);
      owned.clear();
      consumer.close(Duration.ofSeconds(5));
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      for (TopicPartition p : partitions) {
        Owned o = owned.remove(p.partition());
        if (o != null) {
          o.close();
        }
      }
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition p : partitions) {
        Owned o = new Owned(p.partition());
        List<ConsumerRecord<String, byte[]>> history =
            TopicSnapshot.read(bootstrap, p, SCAN_TIMEOUT);
        history.forEach(o::learn);
        long next = history.isEmpty() ? 0 : history.get(history.size() - 1).offset() + 1;
        consumer.seek(p, Math.max(next, consumer.position(p)));
        owned.put(p.partition(), o);
        for (String scene : o.due()) {
          o.complete(scene);
        }
      }
    }
  }

  /** Scenes this member announced. */
  public int completed() {
    return completed;
  }

  /** Stops the loop; the consumer leaves the group and the producers close. */
  public void stop() {
    stopped = true;
    consumer.wakeup();
  }

  /** When the loop last went round (every poll). */
  public LoopHeartbeat heartbeat() {
    return heartbeat;
  }
}
