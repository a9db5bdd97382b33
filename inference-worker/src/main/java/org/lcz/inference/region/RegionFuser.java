package org.lcz.inference.region;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
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
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.RegionMemberMapped;
import org.lcz.events.Topics;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.TopicSnapshot;

/**
 * Keeps each region's map current, exactly once per member set. Consumes {@code lcz.region-maps}
 * (keyed by region name, so a region's members and versions share one partition) in its own
 * consumer group; the member that owns a partition owns its regions, and updates of one region are
 * serialised on its thread.
 *
 * <p>As the assembly loop does for scenes: on being assigned a partition, the member opens a
 * transactional producer whose id is derived from the partition (fencing any previous owner), reads
 * the partition's committed history — each region's members (a scene's latest map replaces its
 * earlier ones) and its latest version with the members it was made from — and brings every region
 * it owns up to date. From then on each RegionMemberMapped may make the region's member set differ
 * from its latest version's; then the next version is made ({@link RegionAssembler}: products
 * first, then the Collection) and announced by RegionMapUpdated in a transaction. A redelivered
 * member, or one already fused with the same map, makes no version; a worker killed mid-update
 * leaves the version unannounced, and the next owner makes it again (the same objects) and
 * announces it once. With {@code models: current}, only maps by the current model count; the owner
 * looks again every few seconds, so a newly promoted model's maps take over as they come.
 */
public final class RegionFuser implements Runnable {
  private static final Logger LOG = Logger.getLogger(RegionFuser.class.getName());
  private static final Duration SCAN_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration RECHECK = Duration.ofSeconds(5);

  private final String bootstrap;
  private final String group;
  private final RegionCatalogue catalogue;
  private final RegionAssembler assembler;
  private final Supplier<Optional<String>> currentModel;
  private final URI source;
  private final Clock clock;
  private final InboundEvents inbound = new InboundEvents(new EventCodec());
  private final Map<Integer, Owned> owned = new HashMap<>();
  private final KafkaConsumer<String, byte[]> consumer;
  private final LoopHeartbeat heartbeat = new LoopHeartbeat("region-fuser");
  private volatile boolean stopped;
  private volatile int versions;

  /**
   * @param currentModel the version of the model current now, if one is known
   */
  public RegionFuser(
      String bootstrap,
      String group,
      RegionCatalogue catalogue,
      RegionAssembler assembler,
      Supplier<Optional<String>> currentModel,
      URI source,
      Clock clock) {
    this.bootstrap = bootstrap;
    this.group = group;
    this.catalogue = catalogue;
    this.assembler = assembler;
    this.currentModel = currentModel;
    this.source = source;
    this.clock = clock;
    this.consumer = new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, group));
  }

  /** The members a region's next version is made of, as its rule and definition say. */
  static List<RegionMapUpdated.Member> due(
      RegionDefined region, Collection<RegionMemberMapped> members, Optional<String> current) {
    return members.stream()
        .filter(m -> m.definedAt().equals(region.definedAt()))
        .filter(
            m ->
                RegionDefined.ANY.equals(region.models())
                    || current.map(v -> v.equals(m.modelVersion())).orElse(true))
        .sorted(Comparator.comparing(RegionMemberMapped::sceneId))
        .map(RegionMemberMapped::member)
        .toList();
  }

  /** What this member knows of one partition it owns. */
  private final class Owned {
    final int partition;
    final Producer<String, CloudEvent> producer;
    final EventPublisher publisher;

    /** region → scene → its latest map. */
    final Map<String, Map<String, RegionMemberMapped>> members = new HashMap<>();

    final Map<String, RegionMapUpdated> latest = new HashMap<>();

    Owned(int partition) {
      this.partition = partition;
      Properties p = KafkaClients.producer(bootstrap);
      p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-" + partition);
      this.producer = new KafkaProducer<>(p);
      producer.initTransactions(); // fences the partition's previous owner
      this.publisher = new EventPublisher(producer, new EventCodec(), source);
    }

    /** Takes in one record; returns the region it concerns, or null. */
    String learn(ConsumerRecord<String, byte[]> r) {
      try {
        LczEvent event = inbound.decode(r);
        if (event instanceof RegionMemberMapped m) {
          Map<String, RegionMemberMapped> scenes =
              members.computeIfAbsent(m.region(), k -> new HashMap<>());
          RegionMemberMapped before = scenes.get(m.sceneId());
          if (before == null
              || !m.definedAt().isBefore(before.definedAt())
                  && !m.completedAt().isBefore(before.completedAt())) {
            scenes.put(m.sceneId(), m);
          }
          return m.region();
        } else if (event instanceof RegionMapUpdated u) {
          RegionMapUpdated before = latest.get(u.region());
          if (before == null || u.version() > before.version()) {
            latest.put(u.region(), u);
          }
          return u.region();
        }
      } catch (InvalidEventException e) {
        LOG.warning("skipping " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e);
      }
      return null;
    }

    /** Brings {@code name} up to date; false if it must be tried again. */
    boolean update(String name) {
      Optional<RegionDefined> region = catalogue.get(name);
      if (region.isEmpty()) {
        return true; // deleted, or not yet known: nothing to make
      }
      List<RegionMapUpdated.Member> due =
          due(region.get(), members.getOrDefault(name, Map.of()).values(), currentModel.get());
      RegionMapUpdated last = latest.get(name);
      if (due.isEmpty()
          || last != null && new HashSet<>(last.members()).equals(new HashSet<>(due))) {
        return true;
      }
      int version = last == null ? 1 : last.version() + 1;
      RegionMapUpdated done;
      try {
        done = assembler.assemble(region.get(), version, due, clock.instant());
      } catch (RuntimeException e) {
        LOG.warning("region " + name + " version " + version + " cannot be made yet: " + e);
        return false;
      }
      try {
        producer.beginTransaction();
        publisher.publish(done, "region-map-updated-" + name + "-v" + version);
        producer.commitTransaction();
      } catch (ProducerFencedException e) {
        LOG.info("partition " + partition + " of " + Topics.REGION_MAPS + " has a new owner");
        return true;
      } catch (KafkaException e) {
        LOG.warning("could not announce region " + name + " v" + version + ": " + e.getMessage());
        try {
          producer.abortTransaction();
        } catch (KafkaException ignored) {
          // the next attempt starts afresh
        }
        return false;
      }
      latest.put(name, done);
      versions++;
      LOG.info(
          String.format(
              "region %s version %d: %d members, coverage %.1f %%",
              name, version, due.size(), 100 * done.coverage()));
      return true;
    }

    /** Every region this partition holds. */
    Set<String> regions() {
      Set<String> all = new HashSet<>(members.keySet());
      all.addAll(latest.keySet());
      return all;
    }

    void close() {
      producer.close(Duration.ofSeconds(5));
    }
  }

  @Override
  public void run() {
    long lastCheck = System.nanoTime();
    try {
      consumer.subscribe(List.of(Topics.REGION_MAPS), new Rebalance());
      while (!stopped) {
        heartbeat.beat();
        Set<String> touched = new HashSet<>();
        Map<String, Owned> by = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          Owned o = owned.get(r.partition());
          if (o == null) {
            continue;
          }
          String region = o.learn(r);
          if (region != null) {
            touched.add(region);
            by.put(region, o);
          }
        }
        for (String region : touched) {
          by.get(region).update(region); // a failure is tried again by the recheck
        }
        if (System.nanoTime() - lastCheck > RECHECK.toNanos()) {
          lastCheck = System.nanoTime();
          for (Owned o : owned.values()) {
            for (String region : o.regions()) {
              o.update(region);
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
        for (String region : new ArrayList<>(o.regions())) {
          o.update(region);
        }
      }
    }
  }

  /** Versions this member announced. */
  public int versions() {
    return versions;
  }

  public LoopHeartbeat heartbeat() {
    return heartbeat;
  }

  public void stop() {
    stopped = true;
    consumer.wakeup();
  }
}
