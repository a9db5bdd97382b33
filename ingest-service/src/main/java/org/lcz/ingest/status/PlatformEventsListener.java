package org.lcz.ingest.status;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.Topics;
import org.lcz.ingest.live.LiveEvents;
import org.lcz.ingest.regions.RegionsView;
import org.lcz.ingest.stac.StacFeed;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.PollLoop;
import org.lcz.stac.StacCatalogue;
import org.lcz.stac.StaticCatalog;
import org.lcz.storage.ObjectStore;

/**
 * Reads the topics people follow ({@code lcz.scenes}, {@code lcz.maps}, the training topics and
 * {@code lcz.models}) from their beginning, outside any consumer group (every ingest replica sees
 * every event, and a restart rebuilds what it knows): map progress into {@link MapProgress},
 * training runs and models into {@link TrainingRuns}, regions into {@link RegionsView}, and every
 * event to the web page's {@link LiveEvents}.
 */
@ApplicationScoped
public class PlatformEventsListener {
  private static final Logger LOG = Logger.getLogger(PlatformEventsListener.class);

  /** The topics read, in this order of assignment. */
  static final List<String> TOPICS =
      List.of(
          Topics.SCENES,
          Topics.MAPS,
          Topics.TRAINING_REQUESTS,
          Topics.TRAINING_PROGRESS,
          Topics.MODELS,
          Topics.REGIONS,
          Topics.REGION_MAPS);

  private final MapProgress progress = new MapProgress();
  private final TrainingRuns training = new TrainingRuns();
  private final RegionsView regions = new RegionsView();
  private final StacCatalogue stac = new StacCatalogue();
  private StacFeed stacFeed;
  @Inject LiveEvents live;
  @Inject ObjectStore store;
  private volatile PollLoop loop;

  @Produces
  @Singleton
  MapProgress progress() {
    return progress;
  }

  @Produces
  @Singleton
  TrainingRuns trainingRuns() {
    return training;
  }

  @Produces
  @Singleton
  RegionsView regions() {
    return regions;
  }

  @Produces
  @Singleton
  StacCatalogue stacCatalogue() {
    return stac;
  }

  void onStart(
      @Observes StartupEvent event,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    stacFeed = new StacFeed(store, stac, new StaticCatalog(store));
    PollLoop l =
        new PollLoop(
            new LoopHeartbeat("platform-events"),
            () ->
                new KafkaConsumer<>(
                    KafkaClients.rawConsumer(
                        bootstrap, "ingest-platform-events-" + UUID.randomUUID())),
            new Events(),
            PollLoop.OnFailure.RECONNECT,
            Duration.ofSeconds(5));
    loop = l;
    Thread t = new Thread(l, "platform-events");
    t.setDaemon(true);
    t.start();
  }

  /**
   * The loop's own part under the {@link PollLoop} skeleton: every topic from its start on each new
   * consumer (after a failure, 5 s later, everything is read again).
   */
  private final class Events implements PollLoop.Body {
    private final InboundEvents inbound = new InboundEvents(new EventCodec());

    @Override
    public boolean start(Consumer<String, byte[]> c) {
      PollLoop.assignFromStart(c, TOPICS);
      return true;
    }

    @Override
    public Duration pollTimeout() {
      return Duration.ofSeconds(1);
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      for (ConsumerRecord<String, byte[]> r : records) {
        if (r.value() == null) {
          continue; // a tombstone on the compacted model topic
        }
        try {
          LczEvent event = inbound.decode(r, LczEvent.class);
          Instant at = Instant.ofEpochMilli(r.timestamp());
          progress.record(event);
          training.record(event, at);
          regions.record(event);
          stacFeed.record(event);
          live.publish(event, at);
        } catch (InvalidEventException e) {
          LOG.debugf("ignoring a record on %s: %s", r.topic(), e.getMessage());
        }
      }
    }
  }

  /** Whether the loop runs and went round within {@code limit} (true before start-up). */
  public boolean alive(Duration limit) {
    PollLoop l = loop;
    return l == null || l.alive(limit);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (stacFeed != null) {
      stacFeed.close();
    }
    PollLoop l = loop;
    if (l != null) {
      l.stop();
    }
  }
}
