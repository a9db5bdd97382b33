package org.lcz.inference.messaging;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.lcz.events.InvalidEventException;
import org.lcz.events.MapTileWritten;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.inference.map.ActiveModel;
import org.lcz.inference.map.TileJob;
import org.lcz.inference.map.UnmappableTileException;
import org.lcz.inference.model.ModelSlot;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.PollLoop;
import org.lcz.storage.ObjectStoreException;

/**
 * Consumes {@code lcz.tiles} in a consumer group: for each tile, the current model (a re-map's
 * tile: the version it names) maps it, the map tile is stored, MapTileWritten is on the broker, and
 * only then is the tile's offset committed (at-least-once; a redelivered tile rewrites the same map
 * tile). A record that is not a TileReady, or a tile that cannot be mapped, or an object the store
 * refuses for good (a refused name, a missing object), is dead-lettered with the reason; an
 * unexpected error is retried {@value #ATTEMPTS} times, then dead-lettered; an unreachable object
 * store is retried until it answers. The loop subscribes only once a model is available, so tiles
 * wait on the broker until then. While a tile is mapped, the next one — if the broker has it within
 * {@link #LOOK_AHEAD_WAIT} — is read ahead ({@link TileJob#readAhead}); it stays uncommitted until
 * its own turn.
 */
public final class TileLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(TileLoop.class.getName());
  static final int ATTEMPTS = 3;

  /**
   * Tile events taken per poll: one. A 512 px tile takes seconds on a CPU; with Kafka's default
   * (500 records) the loop fetched dozens of tiles at once and went longer than the consumer's poll
   * interval (5 min) between polls — the broker then took the partitions away, commits failed and
   * the tiles were mapped again (seen in {@code ./lcz granule-benchmark}).
   */
  static final int TILES_PER_POLL = 1;

  /** The tile consumer's settings: the platform's consumer defaults, one tile per poll. */
  public static Properties consumerSettings(String bootstrap, String group) {
    Properties p = KafkaClients.rawConsumer(bootstrap, group);
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(TILES_PER_POLL));
    return p;
  }

  /**
   * How long the loop waits for the tile after the one at hand: the consumer asks the broker for
   * more only while it polls, so a poll that does not wait at all never sees the answer.
   */
  static final Duration LOOK_AHEAD_WAIT = Duration.ofMillis(50);

  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final PollLoop loop;
  private final InboundEvents inbound;
  private final ModelSlot models;
  private final TileJob job;
  private final EventPublisher events;
  private final DeadLetterPublisher deadLetters;
  private final Map<String, Integer> failures = new HashMap<>();
  private final AtomicLong mapped = new AtomicLong();
  private final AtomicLong deadLettered = new AtomicLong();
  private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();

  /** Records polled and not yet handled, in order: the tile at hand and at most one after it. */
  private final ArrayDeque<ConsumerRecord<String, byte[]>> inHand = new ArrayDeque<>();

  private volatile boolean subscribed;

  public TileLoop(
      Consumer<String, byte[]> consumer,
      InboundEvents inbound,
      ModelSlot models,
      TileJob job,
      EventPublisher events,
      DeadLetterPublisher deadLetters) {
    this.loop =
        new PollLoop(
            new LoopHeartbeat("tiles"),
            () -> consumer,
            new Tiles(),
            PollLoop.OnFailure.END,
            Duration.ZERO);
    this.inbound = inbound;
    this.models = models;
    this.job = job;
    this.events = events;
    this.deadLetters = deadLetters;
  }

  @Override
  public void run() {
    loop.run();
  }

  /**
   * The loop's own part under the {@link PollLoop} skeleton: subscribes once a model is available;
   * each round takes the tile to map (waited for when there is none) and the one after it, to be
   * read while this one is mapped, taken only if the broker has it at once.
   */
  private final class Tiles implements PollLoop.Body {
    @Override
    public boolean start(Consumer<String, byte[]> c) {
      if (!awaitModel()) {
        return false;
      }
      c.subscribe(
          List.of(Topics.TILES),
          new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
              partitions.forEach(p -> assigned.remove(p.partition()));
              drop(partitions); // their next owner maps them
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
              partitions.forEach(p -> assigned.add(p.partition()));
            }
          });
      subscribed = true;
      return true;
    }

    @Override
    public Duration pollTimeout() {
      return inHand.isEmpty() ? PollLoop.POLL : LOOK_AHEAD_WAIT;
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      boolean wasEmpty = inHand.isEmpty();
      records.forEach(inHand::add);
      if (wasEmpty && inHand.size() == 1) {
        c.poll(LOOK_AHEAD_WAIT).forEach(inHand::add);
      }
      ConsumerRecord<String, byte[]> r = inHand.poll();
      if (r == null) {
        return;
      }
      readAhead(inHand.peek());
      TopicPartition p = new TopicPartition(r.topic(), r.partition());
      if (!TileLoop.this.handle(r)) {
        c.seek(p, r.offset()); // try this record again at the next poll
        drop(List.of(p));
        return;
      }
      commit(c, p, r.offset() + 1);
    }

    @Override
    public void closed() {
      job.close();
    }
  }

  /** Starts reading the next tile in hand while this one is mapped, if it is a tile. */
  private void readAhead(ConsumerRecord<String, byte[]> next) {
    if (next == null) {
      return;
    }
    try {
      job.readAhead(inbound.decode(next, TileReady.class));
    } catch (RuntimeException e) { // an invalid event too
      // only a hint: the record meets its fate when its turn comes
      LOG.fine(() -> "not reading ahead " + next.topic() + "@" + next.offset() + ": " + e);
    }
  }

  /** Forgets the records in hand of {@code partitions}: they are read again from their position. */
  private void drop(Collection<TopicPartition> partitions) {
    inHand.removeIf(r -> partitions.contains(new TopicPartition(r.topic(), r.partition())));
  }

  /**
   * Commits the tile's offset; a failed commit (broker away, group rebalanced) is logged and left —
   * the loop goes on: the tile is done, and at worst it is mapped again by whoever reads the
   * partition next.
   *
   * @return whether the offset was committed
   */
  static boolean commit(Consumer<String, byte[]> consumer, TopicPartition p, long next) {
    try {
      consumer.commitSync(Map.of(p, new OffsetAndMetadata(next)));
      return true;
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      LOG.warning("could not commit " + p + "@" + next + " (it may be mapped again): " + e);
      return false;
    }
  }

  private boolean awaitModel() {
    boolean said = false;
    while (!loop.stopping()) {
      loop.heartbeat().beat();
      if (models.acquire().isPresent()) {
        return true;
      }
      if (!said) {
        LOG.info("waiting for a promoted model before consuming " + Topics.TILES);
        said = true;
      }
      sleep(Duration.ofMillis(500));
    }
    return false;
  }

  /** Whether the record is done with (mapped or dead-lettered); false to retry it. */
  boolean handle(ConsumerRecord<String, byte[]> r) {
    String at = r.topic() + "-" + r.partition() + "@" + r.offset();
    TileReady tile;
    try {
      tile = inbound.decode(r, TileReady.class);
    } catch (InvalidEventException e) {
      return deadLetter(r, e.getMessage());
    }
    Optional<ActiveModel> current = models.acquire();
    if (current.isEmpty()) {
      return false;
    }
    try {
      ActiveModel model = tile.isRemap() ? models.acquire(tile.remapModel()) : current.get();
      MapTileWritten written = job.map(tile, model);
      events.publishAndWait(written, SEND_TIMEOUT);
      failures.remove(at);
      mapped.incrementAndGet();
      return true;
    } catch (UnmappableTileException e) {
      LOG.warning("tile " + tile.tileId() + " cannot be mapped: " + e.getMessage());
      return deadLetter(r, e.getMessage());
    } catch (ObjectStoreException e) {
      if (e.permanent()) {
        failures.remove(at);
        LOG.warning("tile " + tile.tileId() + ": " + e.getMessage());
        return deadLetter(r, e.getMessage());
      }
      int n = failures.merge(at, 1, Integer::sum);
      LOG.warning(
          "tile "
              + tile.tileId()
              + ": object store failed (attempt "
              + n
              + "), retrying: "
              + e.getMessage());
      sleep(backoff(n));
      return false;
    } catch (RuntimeException e) {
      int n = failures.merge(at, 1, Integer::sum);
      if (n >= ATTEMPTS) {
        failures.remove(at);
        return deadLetter(r, "failed " + n + " times: " + e);
      }
      LOG.warning(
          "tile " + tile.tileId() + " failed (attempt " + n + " of " + ATTEMPTS + "): " + e);
      sleep(backoff(n));
      return false;
    }
  }

  private boolean deadLetter(ConsumerRecord<String, byte[]> r, String reason) {
    try {
      deadLetters.publish(r, reason).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      deadLettered.incrementAndGet();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (Exception e) {
      LOG.warning("could not dead-letter " + r.topic() + "@" + r.offset() + ": " + e.getMessage());
      sleep(Duration.ofSeconds(1));
      return false;
    }
  }

  private static Duration backoff(int attempt) {
    long ms = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempt, 10));
    return Duration.ofMillis(ms);
  }

  private void sleep(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      loop.stop();
    }
  }

  /** When the loop last went round (every poll, and while it waits for a model). */
  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }

  /** Tiles mapped by this loop. */
  public long mapped() {
    return mapped.get();
  }

  /** Records this loop has sent to the dead-letter topic. */
  public long deadLettered() {
    return deadLettered.get();
  }

  /** The partitions of the tiles topic this loop holds now. */
  public Set<Integer> assignedPartitions() {
    return Set.copyOf(assigned);
  }

  /** Whether the loop consumes tiles (a model is available). */
  public boolean isSubscribed() {
    return subscribed && !loop.stopping();
  }

  /** Stops the loop after the tile in hand; the consumer leaves the group. */
  public void stop() {
    loop.stop();
  }
}
