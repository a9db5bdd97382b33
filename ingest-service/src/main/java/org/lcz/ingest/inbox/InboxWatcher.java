package org.lcz.ingest.inbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.lcz.ingest.config.IngestConfig;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectStore;

/**
 * Lists the inbox every {@code lcz.ingest.inbox-poll-interval} and submits every scene object to
 * the {@link IngestQueue}: each {@code scene.json}, and each GeoTIFF in a folder without one. For
 * S3 servers without bucket notifications (the local stack's) this is how scenes arrive; with
 * MinIO's notifications it is the safety net that also retries scenes an outage interrupted. What
 * was ingested is known from the status objects, so restarts and repeated listings ingest nothing
 * twice.
 */
@ApplicationScoped
public class InboxWatcher {
  private static final Logger LOG = Logger.getLogger(InboxWatcher.class);

  private ScheduledExecutorService executor;
  private IngestQueue queue;
  private ObjectStore store;
  private FolderSettling settling;
  private final AtomicLong polls = new AtomicLong();

  void onStart(
      @Observes StartupEvent event, IngestConfig config, ObjectStore store, IngestQueue queue) {
    this.store = store;
    this.queue = queue;
    this.settling = new FolderSettling(config.folderSettle(), Clock.systemUTC());
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
      for (ObjectInfo object : settling.ready(store.list(Buckets.INBOX, ""))) {
        queue.submit(object);
      }
    } catch (RuntimeException e) {
      LOG.warnf("inbox poll failed (will retry): %s", e.getMessage());
    } finally {
      polls.incrementAndGet();
    }
  }

  /**
   * Polls of the inbox finished so far: whatever a poll submits is queued by the time this counts
   * it (so a test can wait for polls to have happened, instead of sleeping).
   */
  public long polls() {
    return polls.get();
  }

  void onStop(@Observes ShutdownEvent event) {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
