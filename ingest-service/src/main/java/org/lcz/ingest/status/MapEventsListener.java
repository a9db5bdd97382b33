package org.lcz.ingest.status;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lcz.common.events.EventCodec;
import org.lcz.common.events.InvalidEventException;
import org.lcz.common.events.LczEvent;
import org.lcz.common.messaging.InboundEvents;
import org.lcz.common.messaging.KafkaClients;
import org.lcz.common.messaging.Topics;

/**
 * Reads {@code lcz.maps} from its beginning into the service's {@link MapProgress}, outside any
 * consumer group (every ingest replica sees every event, and a restart rebuilds the progress).
 */
@ApplicationScoped
public class MapEventsListener {
  private static final Logger LOG = Logger.getLogger(MapEventsListener.class);

  private final MapProgress progress = new MapProgress();
  private volatile Consumer<String, byte[]> consumer;
  private volatile boolean running;
  private Thread thread;

  @Produces
  @Singleton
  MapProgress progress() {
    return progress;
  }

  void onStart(
      @Observes StartupEvent event,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap) {
    running = true;
    thread = new Thread(() -> run(bootstrap), "map-events");
    thread.setDaemon(true);
    thread.start();
  }

  private void run(String bootstrap) {
    InboundEvents inbound = new InboundEvents(new EventCodec());
    while (running) {
      try (Consumer<String, byte[]> c =
          new KafkaConsumer<>(
              KafkaClients.rawConsumer(bootstrap, "ingest-map-progress-" + UUID.randomUUID()))) {
        consumer = c;
        List<TopicPartition> partitions =
            c.partitionsFor(Topics.MAPS, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.MAPS, p.partition()))
                .toList();
        c.assign(partitions);
        c.seekToBeginning(partitions);
        while (running) {
          for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofSeconds(1))) {
            try {
              progress.record(inbound.decode(r, LczEvent.class));
            } catch (InvalidEventException e) {
              LOG.debugf("ignoring a record on %s: %s", Topics.MAPS, e.getMessage());
            }
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf("reading %s failed (retrying in 5 s): %s", Topics.MAPS, e.toString());
        sleep();
      }
    }
  }

  private void sleep() {
    try {
      Thread.sleep(5000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    running = false;
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }
}
