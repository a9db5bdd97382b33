package org.lcz.ingest.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.lcz.common.messaging.EventPublisher;
import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.ObjectInfo;
import org.lcz.common.storage.ObjectStore;
import org.lcz.ingest.config.IngestConfig;
import org.lcz.ingest.tiling.SceneTiler;

/**
 * Lists the inbox every {@code lcz.ingest.inbox-poll-interval} (for S3 servers without bucket
 * notifications, such as the local stack's) and ingests every GeoTIFF it has not ingested yet, one
 * at a time. What was ingested is known from the status objects in {@code lcz-tiles}, so restarts
 * and repeated listings ingest nothing twice.
 */
@ApplicationScoped
public class InboxWatcher {
  private static final Logger LOG = Logger.getLogger(InboxWatcher.class);

  private ScheduledExecutorService executor;
  private SceneIngestion ingestion;
  private ObjectStore store;

  void onStart(
      @Observes StartupEvent event,
      IngestConfig config,
      ObjectStore store,
      EventPublisher publisher) {
    this.store = store;
    SceneTiler tiler =
        new SceneTiler(
            store,
            new SceneTiler.Settings(
                config.bands(), config.groundSampleDistance(), config.tileSize(), config.halo()));
    ingestion =
        new SceneIngestion(
            store,
            tiler,
            e -> {
              try {
                publisher.publish(e).get(30, TimeUnit.SECONDS);
              } catch (Exception failure) {
                throw new IllegalStateException("could not publish " + e, failure);
              }
            },
            config.workDir(),
            Clock.systemUTC());
    executor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "inbox-watcher");
              t.setDaemon(true);
              return t;
            });
    long every = config.inboxPollInterval().toMillis();
    executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
  }

  void poll() {
    try {
      for (ObjectInfo object : store.list(Buckets.INBOX, "")) {
        String key = object.ref().key().toLowerCase(Locale.ROOT);
        if (key.endsWith(".tif") || key.endsWith(".tiff")) {
          ingestion.ingest(object);
        }
      }
    } catch (RuntimeException e) {
      LOG.warnf("inbox poll failed (will retry): %s", e.getMessage());
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
