package org.lcz.ingest.notify;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lcz.events.Topics;
import org.lcz.ingest.config.IngestConfig;
import org.lcz.ingest.inbox.FolderSettling;
import org.lcz.ingest.inbox.InboxObjects;
import org.lcz.ingest.inbox.IngestQueue;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectStore;

/**
 * Consumes MinIO's notifications of the inbox from {@code lcz.inbox.notifications} (group {@code
 * lcz.ingest.notifications-group}) and submits each created scene object to the {@link
 * IngestQueue}. Offsets are committed once a batch is submitted; a record that is not MinIO's event
 * JSON goes to {@code lcz.deadletter}; when the store or broker fails the batch is read again.
 */
@ApplicationScoped
public class NotificationListener {
  private static final Logger LOG = Logger.getLogger(NotificationListener.class);

  private volatile boolean running;
  private volatile Consumer<String, byte[]> consumer;
  private volatile Thread thread;
  private final LoopHeartbeat heartbeat = new LoopHeartbeat("inbox-notifications");
  private DeadLetterPublisher deadLetters;

  void onStart(
      @Observes StartupEvent event,
      IngestConfig config,
      ObjectStore store,
      IngestQueue queue,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    deadLetters = new DeadLetterPublisher(bootstrap, application);
    running = true;
    Thread t =
        new Thread(
            () -> run(bootstrap, config.notificationsGroup(), store, queue), "inbox-notifications");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  /** Whether the loop runs and went round within {@code limit} (true before start-up). */
  public boolean alive(Duration limit) {
    Thread t = thread;
    return t == null || (t.isAlive() && !heartbeat.stuck(limit));
  }

  private void run(String bootstrap, String group, ObjectStore store, IngestQueue queue) {
    while (running) {
      try (Consumer<String, byte[]> c =
          new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, group))) {
        consumer = c;
        c.subscribe(List.of(Topics.INBOX_NOTIFICATIONS));
        while (running) {
          heartbeat.beat();
          ConsumerRecords<String, byte[]> records = c.poll(Duration.ofSeconds(1));
          for (ConsumerRecord<String, byte[]> r : records) {
            handle(r, store, queue);
          }
          if (!records.isEmpty()) {
            c.commitSync();
          }
        }
      } catch (WakeupException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf(
            "inbox notifications: %s (reading again from the last commit in 5 s)", e.toString());
        heartbeat.beat();
        sleep();
      }
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record, ObjectStore store, IngestQueue queue) {
    List<MinioNotification.Created> created;
    try {
      created = MinioNotification.created(record.value());
    } catch (MinioNotification.InvalidNotification e) {
      LOG.warnf("dead-lettering a record of %s: %s", record.topic(), e.getMessage());
      try {
        deadLetters.publish(record, e.getMessage()).get(30, TimeUnit.SECONDS);
      } catch (Exception failure) {
        throw new IllegalStateException("could not dead-letter: " + failure, failure);
      }
      return;
    }
    for (MinioNotification.Created o : created) {
      if (!o.bucket().equals(Buckets.INBOX) || !InboxObjects.isScene(o.key())) {
        continue;
      }
      // a GeoTIFF next to a scene document is one of its parts: the document may now be complete
      String key = o.key();
      if (InboxObjects.isGeoTiff(key)) {
        String folder = InboxObjects.folder(key);
        List<ObjectInfo> documents =
            store.list(o.bucket(), folder).stream()
                .filter(d -> InboxObjects.folder(d.ref().key()).equals(folder))
                .filter(d -> InboxObjects.isDocument(d.ref().key()))
                .toList();
        if (!documents.isEmpty()) {
          documents.forEach(queue::submit);
          continue;
        }
        if (FolderSettling.waitsForFolder(key)) {
          // its scene.json may still be on its way: the inbox watcher takes it once the folder
          // has settled (lcz.ingest.folder-settle)
          continue;
        }
      }
      if (!store.exists(o.bucket(), key)) {
        LOG.infof("s3://%s/%s is gone; nothing to ingest", o.bucket(), key);
        continue;
      }
      queue.submit(store.stat(o.bucket(), key));
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
    if (deadLetters != null) {
      deadLetters.close();
    }
  }
}
