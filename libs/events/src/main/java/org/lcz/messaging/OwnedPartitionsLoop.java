package org.lcz.messaging;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.lcz.events.EventCodec;
import org.lcz.events.LczEvent;

/**
 * The skeleton of a loop whose members own the partitions of one topic and announce each result
 * exactly once (the scene assembly, the region fuser). Consumes the topic in its own consumer
 * group; on being assigned a partition, the member opens a transactional producer whose id is
 * derived from the partition ({@code <group>-<partition>}: starting it fences any previous owner),
 * reads the partition's committed records from the start into the partition's {@link Owner}, seeks
 * past them, and has the owner act on every key that may be due. From then on each record goes to
 * its partition's owner, which acts on the key it concerns; every {@code recheck} the owners act on
 * every key they hold again (a failed attempt, a changed condition). What a key's action announces
 * goes out in one transaction ({@link Transactions#publish}).
 */
public final class OwnedPartitionsLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(OwnedPartitionsLoop.class.getName());
  private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);

  /** What a member does with one partition it owns. */
  public interface Owner {
    /** Takes in one committed record; returns the key it may make due, else null. */
    String learn(ConsumerRecord<String, byte[]> record);

    /** Acts on {@code key} if it is due (assembles, announces); false if it must be tried again. */
    boolean act(String key);

    /** Every key the partition holds that may be due. */
    Collection<String> keys();
  }

  /** Makes the owner of a partition, which announces through {@code transactions}. */
  public interface Owners {
    Owner open(int partition, Transactions transactions);
  }

  /** One partition's transactional producer: each announcement in a transaction of its own. */
  public static final class Transactions implements AutoCloseable {
    /** How an announcement ended. */
    public enum Outcome {
      COMMITTED,
      /** A newer owner took the partition: the announcement is theirs to make. */
      FENCED,
      /** The broker failed: try again. */
      FAILED
    }

    private final String id;
    private final Producer<String, CloudEvent> producer;
    private final EventPublisher publisher;

    Transactions(String bootstrap, String id, URI source) {
      this.id = id;
      Properties p = KafkaClients.producer(bootstrap);
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, id);
      this.producer = new KafkaProducer<>(p);
      producer.initTransactions(); // fences the partition's previous owner
      this.publisher = new EventPublisher(producer, new EventCodec(), source);
    }

    /** Sends {@code event} (CloudEvents id {@code eventId}) in a transaction. */
    public Outcome publish(LczEvent event, String eventId) {
      try {
        producer.beginTransaction();
        publisher.publish(event, eventId);
        producer.commitTransaction();
        return Outcome.COMMITTED;
      } catch (ProducerFencedException e) {
        LOG.info(id + ": the partition has a new owner; leaving " + eventId + " to it");
        return Outcome.FENCED;
      } catch (KafkaException e) {
        LOG.warning(id + ": could not announce " + eventId + ": " + e.getMessage());
        try {
          producer.abortTransaction();
        } catch (KafkaException ignored) {
          // the next attempt starts afresh
        }
        return Outcome.FAILED;
      }
    }

    @Override
    public void close() {
      producer.close(Duration.ofSeconds(5));
    }
  }

  private final String bootstrap;
  private final String group;
  private final String topic;
  private final URI source;
  private final Duration recheck;
  private final Owners owners;
  private final KafkaConsumer<String, byte[]> consumer;
  private final Map<Integer, Owner> owned = new HashMap<>();
  private final Map<Integer, Transactions> transactions = new HashMap<>();
  private final PollLoop loop;

  /** What {@link #owned} holds, for other threads to read. */
  private volatile Set<Integer> ownedView = Set.of();

  /**
   * @param name the loop's name (heartbeat, health)
   * @param recheck how often every owner acts on every key again
   */
  public OwnedPartitionsLoop(
      String bootstrap,
      String group,
      String topic,
      URI source,
      String name,
      Duration recheck,
      Owners owners) {
    this.bootstrap = bootstrap;
    this.group = group;
    this.topic = topic;
    this.source = source;
    this.recheck = recheck;
    this.owners = owners;
    this.consumer = new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, group));
    this.loop =
        new PollLoop(
            new LoopHeartbeat(name),
            () -> consumer,
            new Partitions(),
            PollLoop.OnFailure.END,
            Duration.ZERO);
  }

  @Override
  public void run() {
    loop.run();
  }

  /** The loop's own part under the {@link PollLoop} skeleton. */
  private final class Partitions implements PollLoop.Body {
    private long lastCheck = System.nanoTime();

    @Override
    public boolean start(Consumer<String, byte[]> c) {
      c.subscribe(List.of(topic), new Rebalance());
      return true;
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      Map<String, Owner> touched = new LinkedHashMap<>();
      for (ConsumerRecord<String, byte[]> r : records) {
        Owner o = owned.get(r.partition());
        if (o == null) {
          continue;
        }
        String key = o.learn(r);
        if (key != null) {
          touched.put(key, o);
        }
      }
      touched.forEach((key, o) -> o.act(key)); // a failure is tried again at the recheck
      if (System.nanoTime() - lastCheck > recheck.toNanos()) {
        lastCheck = System.nanoTime();
        for (Owner o : owned.values()) {
          for (String key : new ArrayList<>(o.keys())) {
            o.act(key);
          }
        }
      }
    }

    @Override
    public void closed() {
      transactions.values().forEach(Transactions::close);
      transactions.clear();
      owned.clear();
      ownedView = Set.of();
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      for (TopicPartition p : partitions) {
        owned.remove(p.partition());
        Transactions t = transactions.remove(p.partition());
        if (t != null) {
          t.close();
        }
      }
      ownedView = Set.copyOf(owned.keySet());
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      for (TopicPartition p : partitions) {
        Transactions t = new Transactions(bootstrap, group + "-" + p.partition(), source);
        Owner o = owners.open(p.partition(), t);
        List<ConsumerRecord<String, byte[]>> history =
            TopicSnapshot.read(bootstrap, p, SCAN_TIMEOUT);
        history.forEach(o::learn);
        long next = history.isEmpty() ? 0 : history.get(history.size() - 1).offset() + 1;
        consumer.seek(p, Math.max(next, consumer.position(p)));
        transactions.put(p.partition(), t);
        owned.put(p.partition(), o);
        ownedView = Set.copyOf(owned.keySet());
        for (String key : new ArrayList<>(o.keys())) {
          o.act(key);
        }
      }
    }
  }

  /** The partitions of the topic this member owns now (any thread). */
  public Set<Integer> ownedPartitions() {
    return ownedView;
  }

  /** When the loop last went round (every poll). */
  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }

  /** Stops the loop; the consumer leaves the group and the producers close. */
  public void stop() {
    loop.stop();
  }
}
