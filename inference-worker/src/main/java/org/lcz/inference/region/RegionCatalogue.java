package org.lcz.inference.region;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.Topics;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.PollLoop;

/**
 * The regions defined now: reads the compacted {@code lcz.regions} from its start, outside any
 * consumer group (every worker knows every region), and keeps following it. Tells a listener of
 * each definition it reads.
 */
public final class RegionCatalogue implements Runnable {
  private static final Logger LOG = Logger.getLogger(RegionCatalogue.class.getName());

  private final Map<String, RegionDefined> regions = new ConcurrentHashMap<>();
  private final InboundEvents inbound = new InboundEvents(new EventCodec());
  private final PollLoop loop;
  private volatile Listener listener = r -> {};
  private volatile boolean caughtUp;

  /** Told of each definition read. */
  @FunctionalInterface
  public interface Listener {
    void defined(RegionDefined definition);
  }

  public RegionCatalogue(String bootstrap) {
    this.loop =
        new PollLoop(
            new LoopHeartbeat("regions"),
            () ->
                new KafkaConsumer<>(
                    KafkaClients.rawConsumer(bootstrap, "lcz-regions-" + UUID.randomUUID())),
            new Definitions(),
            PollLoop.OnFailure.RECONNECT,
            Duration.ofSeconds(5));
  }

  /** Calls {@code listener} with every definition read from now on (on the catalogue's thread). */
  public void onDefined(Listener listener) {
    this.listener = listener;
  }

  /** The region named {@code name}, if it is defined. */
  public Optional<RegionDefined> get(String name) {
    return Optional.ofNullable(regions.get(name));
  }

  /** Every region defined. */
  public List<RegionDefined> all() {
    return new ArrayList<>(regions.values());
  }

  /** Whether the topic has been read to its end once since start. */
  public boolean caughtUp() {
    return caughtUp;
  }

  /** Takes in one event of the topic. */
  void learn(LczEvent event) {
    if (event instanceof RegionDefined d) {
      regions.put(d.name(), d);
      listener.defined(d);
    } else if (event instanceof RegionDeleted d) {
      regions.remove(d.name());
    }
  }

  @Override
  public void run() {
    loop.run();
  }

  /**
   * The loop's own part under the {@link PollLoop} skeleton: the whole topic from its start on each
   * new consumer (a failure starts again in 5 s and reads it all again).
   */
  private final class Definitions implements PollLoop.Body {
    private List<TopicPartition> partitions = List.of();
    private Map<TopicPartition, Long> end = Map.of();

    @Override
    public boolean start(Consumer<String, byte[]> c) {
      partitions = PollLoop.assignFromStart(c, List.of(Topics.REGIONS));
      end = c.endOffsets(partitions);
      return true;
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      for (ConsumerRecord<String, byte[]> r : records) {
        if (r.value() == null) {
          regions.remove(r.key()); // a tombstone
          continue;
        }
        try {
          learn(inbound.decode(r, LczEvent.class));
        } catch (InvalidEventException e) {
          LOG.warning("skipping a record on " + Topics.REGIONS + ": " + e.getMessage());
        }
      }
      if (!caughtUp && partitions.stream().allMatch(p -> c.position(p) >= end.get(p))) {
        caughtUp = true;
      }
    }
  }

  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }

  public void stop() {
    loop.stop();
  }
}
