package org.lcz.inference.region;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionMemberMapped;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.Topics;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.PollLoop;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.scheme.regions.RegionOutline;
import org.lcz.storage.ObjectNotFoundException;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.locationtech.jts.geom.Geometry;

/**
 * Finds the regions each scene map meets. Consumes {@code lcz.maps} in its own consumer group; for
 * every SceneMapCompleted, and for every region that its footprint (its STAC Item's geometry) and
 * acquisition time meet, sends a RegionMemberMapped keyed by the region, so the region's owner
 * fuses it. A region newly defined is given every scene map already made (read from the start of
 * {@code lcz.maps}). At least once: the owner counts a member once.
 */
public final class RegionRouter implements Runnable {
  private static final Logger LOG = Logger.getLogger(RegionRouter.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration SEND = Duration.ofSeconds(30);
  private static final Duration SCAN = Duration.ofSeconds(60);

  private final String bootstrap;
  private final RegionCatalogue catalogue;
  private final ObjectStore store;
  private final EventPublisher publisher;
  private final PollLoop loop;
  private final InboundEvents inbound = new InboundEvents(new EventCodec());
  private final ConcurrentLinkedQueue<RegionDefined> defined = new ConcurrentLinkedQueue<>();
  private final Map<String, Geometry> footprints =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Geometry> eldest) {
          return size() > 10_000;
        }
      };
  private final Map<RegionDefined, RegionOutline> outlines = new HashMap<>();
  private volatile long routed;

  public RegionRouter(
      String bootstrap,
      String group,
      RegionCatalogue catalogue,
      ObjectStore store,
      EventPublisher publisher) {
    this.bootstrap = bootstrap;
    this.catalogue = catalogue;
    this.store = store;
    this.publisher = publisher;
    this.loop =
        new PollLoop(
            new LoopHeartbeat("region-router"),
            () -> new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, group)),
            new Maps(),
            PollLoop.OnFailure.RECONNECT,
            Duration.ofSeconds(5));
    catalogue.onDefined(defined::add);
  }

  @Override
  public void run() {
    loop.run();
  }

  /**
   * The loop's own part under the {@link PollLoop} skeleton: when the store or the broker fails,
   * the skeleton starts again in 5 s with a new consumer, from the group's last commit.
   */
  private final class Maps implements PollLoop.Body {
    @Override
    public boolean start(Consumer<String, byte[]> c) {
      c.subscribe(List.of(Topics.MAPS));
      return true;
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      backfill();
      for (ConsumerRecord<String, byte[]> r : records) {
        LczEvent event;
        try {
          event = inbound.decode(r);
        } catch (InvalidEventException e) {
          continue; // not a map event this loop reads
        }
        if (event instanceof SceneMapCompleted map) {
          route(map, catalogue.all());
        }
      }
      if (!records.isEmpty()) {
        c.commitSync();
      }
    }
  }

  /** Gives the regions defined since the last call every scene map made so far. */
  private void backfill() {
    List<RegionDefined> regions = new ArrayList<>();
    for (RegionDefined d; (d = defined.poll()) != null; ) {
      regions.add(d);
    }
    if (regions.isEmpty()) {
      return;
    }
    try {
      scan(regions);
    } catch (RuntimeException e) {
      defined.addAll(regions); // tried again on the next round
      throw e;
    }
  }

  private void scan(List<RegionDefined> regions) {
    for (ConsumerRecord<String, byte[]> r : TopicSnapshot.read(bootstrap, Topics.MAPS, SCAN)) {
      try {
        if (inbound.decode(r) instanceof SceneMapCompleted c) {
          route(c, regions);
        }
      } catch (InvalidEventException e) {
        // not a map event
      }
    }
  }

  /** Sends {@code map} to each of {@code regions} it meets. */
  void route(SceneMapCompleted map, List<RegionDefined> regions) {
    ObjectRef probabilities = map.products().get("probabilities");
    ObjectRef item = map.products().get("stac-item");
    if (probabilities == null || item == null || regions.isEmpty()) {
      return;
    }
    Geometry footprint = footprint(item);
    if (footprint == null) {
      return;
    }
    for (RegionDefined region : regions) {
      if (!region.inPeriod(map.acquiredAt()) || !meets(region, footprint)) {
        continue;
      }
      RegionMemberMapped member =
          new RegionMemberMapped(
              region.name(),
              map.sceneId(),
              map.modelVersion(),
              map.acquiredAt(),
              map.map(),
              probabilities,
              item,
              map.completedAt(),
              region.definedAt());
      try {
        publisher.publish(member).get(SEND.toSeconds(), TimeUnit.SECONDS);
        routed++;
      } catch (Exception e) {
        throw new IllegalStateException(
            "could not send scene " + map.sceneId() + " to region " + region.name(), e);
      }
    }
  }

  /** Whether {@code footprint} meets the region's outline (an outline that is none: never). */
  private boolean meets(RegionDefined region, Geometry footprint) {
    RegionOutline outline = outlines.get(region);
    if (outline == null) {
      try {
        outline = RegionOutline.parse(region.outline());
      } catch (IllegalArgumentException e) {
        LOG.warning("region " + region.name() + " has no usable outline: " + e.getMessage());
        return false;
      }
      outlines.put(region, outline);
    }
    return outline.intersects(footprint);
  }

  /** The scene map's footprint in longitude/latitude, from its STAC Item; null if unreadable. */
  private Geometry footprint(ObjectRef item) {
    Geometry known = footprints.get(item.uri());
    if (known != null) {
      return known;
    }
    try {
      JsonNode geometry = JSON.readTree(store.read(item)).get("geometry");
      Geometry g = RegionOutline.geometry(geometry);
      footprints.put(item.uri(), g);
      return g;
    } catch (IOException | IllegalArgumentException | ObjectNotFoundException e) {
      LOG.warning("no footprint for " + item.uri() + " (left out of regions): " + e.getMessage());
      return null;
    }
  }

  /** Members sent. */
  public long routed() {
    return routed;
  }

  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }

  public void stop() {
    loop.stop();
  }
}
