package org.lcz.inference.region;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.Topics;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;

/**
 * The regions defined now: reads the compacted {@code lcz.regions} from its start, outside any
 * consumer group (every worker knows every region), and keeps following it. Tells a listener of
 * each definition it reads.
 */
public final class RegionCatalogue implements Runnable {
  private static final Logger LOG = Logger.getLogger(RegionCatalogue.class.getName());

  private final String bootstrap;
  private final Map<String, RegionDefined> regions = new ConcurrentHashMap<>();
  private final InboundEvents inbound = new InboundEvents(new EventCodec());
  private final LoopHeartbeat heartbeat = new LoopHeartbeat("regions");
  private volatile Consumer<RegionDefined> listener = r -> {};
  private volatile KafkaConsumer<String, byte[]> consumer;
  private volatile boolean stopped;
  private volatile boolean caughtUp;

  public RegionCatalogue(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /** Calls {@code listener} with every definition read from now on (on the catalogue's thread). */
  public void onDefined(Consumer<RegionDefined> listener) {
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
      listener.accept(d);
    } else if (event instanceof RegionDeleted d) {
      regions.remove(d.name());
    }
  }

  @Override
  public void run() {
    while (!stopped) {
      try (KafkaConsumer<String, byte[]> c =
          new KafkaConsumer<>(
              KafkaClients.rawConsumer(bootstrap, "lcz-regions-" + UUID.randomUUID()))) {
        consumer = c;
        List<TopicPartition> partitions =
            c.partitionsFor(Topics.REGIONS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.REGIONS, p.partition()))
                .toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = c.endOffsets(partitions);
        while (!stopped) {
          heartbeat.beat();
          for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
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
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        LOG.warning("reading " + Topics.REGIONS + " failed (again in 5 s): " + e);
        try {
          Thread.sleep(5000);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  public LoopHeartbeat heartbeat() {
    return heartbeat;
  }

  public void stop() {
    stopped = true;
    KafkaConsumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }
}
