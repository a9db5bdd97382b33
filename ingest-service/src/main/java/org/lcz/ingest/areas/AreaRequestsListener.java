package org.lcz.ingest.areas;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lcz.events.EventCodec;
import org.lcz.ingest.config.IngestConfig;
import org.lcz.ingest.inbox.SceneIngestion;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.storage.ObjectStore;

/** Starts the {@link AreaRequestLoop} with the service and stops it with the service. */
@ApplicationScoped
public class AreaRequestsListener {
  private AreaRequestLoop loop;

  void onStart(
      @Observes StartupEvent event,
      IngestConfig config,
      ObjectStore store,
      SceneIngestion ingestion,
      EventPublisher publisher,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    Properties p = KafkaClients.rawConsumer(bootstrap, config.areas().group());
    // building a large set takes minutes; the group must not think the loop dead meanwhile
    p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.toString(60 * 60 * 1000));
    p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "1");
    AreaRequests.Events events = e -> publisher.publishAndWait(e, Duration.ofSeconds(30));
    AreaRequests requests =
        new AreaRequests(
            store,
            ingestion.formats(),
            ingestion.tiler(),
            events,
            config.workDir(),
            config.areas().patch(),
            Clock.systemUTC());
    loop =
        new AreaRequestLoop(
            new KafkaConsumer<>(p),
            new InboundEvents(new EventCodec()),
            requests,
            events,
            Duration.ofSeconds(5));
    Thread t = new Thread(loop, "training-areas");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /**
   * Whether the loop's thread runs (true before start-up). Building a set takes minutes inside one
   * record, so a silent loop is not taken for a stuck one.
   */
  public boolean alive() {
    Thread t = thread;
    return t == null || t.isAlive();
  }

  private volatile Thread thread;

  void onStop(@Observes ShutdownEvent event) {
    if (loop != null) {
      loop.stop();
    }
  }
}
