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
import org.lcz.messaging.PollLoop;
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

  private volatile PollLoop loop;
  private DeadLetterPublisher deadLetters;

  void onStart(
      @Observes StartupEvent event,
      IngestConfig config,
      ObjectStore store,
      IngestQueue queue,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    deadLetters = new DeadLetterPublisher(bootstrap, application);
    PollLoop l =
        new PollLoop(
            new LoopHeartbeat("inbox-notifications"),
            () ->
                new KafkaConsumer<>(
                    KafkaClients.rawConsumer(bootstrap, config.notificationsGroup())),
            new Notifications(store, queue),
            PollLoop.OnFailure.RECONNECT,
            Duration.ofSeconds(5));
    loop = l;
    Thread t = new Thread(l, "inbox-notifications");
    t.setDaemon(true);
    t.start();
  }

  /** Whether the loop runs and went round within {@code limit} (true before start-up). */
  public boolean alive(Duration limit) {
    PollLoop l = loop;
    return l == null || l.alive(limit);
  }

  /**
   * The loop's own part under the {@link PollLoop} skeleton: the batch is committed once submitted;
   * when the store or the broker fails, the skeleton starts again in 5 s from the last commit.
   */
  private final class Notifications implements PollLoop.Body {
    private final ObjectStore store;
    private final IngestQueue queue;

    Notifications(ObjectStore store, IngestQueue queue) {
      this.store = store;
      this.queue = queue;
    }

    @Override
    public boolean start(Consumer<String, byte[]> c) {
      c.subscribe(List.of(Topics.INBOX_NOTIFICATIONS));
      return true;
    }

    @Override
    public Duration pollTimeout() {
      return Duration.ofSeconds(1);
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      for (ConsumerRecord<String, byte[]> r : records) {
        NotificationListener.this.handle(r, store, queue);
      }
      if (!records.isEmpty()) {
        c.commitSync();
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

  /** Stops the loop: the consumer leaves the group (liveness then says the loop stopped). */
  public void stop() {
    PollLoop l = loop;
    if (l != null) {
      l.stop();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
    if (deadLetters != null) {
      deadLetters.close();
    }
  }
}
