package org.lcz.ingest.inbox;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.lcz.storage.ObjectInfo;

/**
 * The one way into ingestion for every entry point (inbox polls, bucket notifications, REST): each
 * object is received at once, on the caller's thread, and tiled later on a single worker thread,
 * one scene at a time (a scene's memory is bounded, scenes add no more). An object already queued
 * or finished is not queued again, however many entry points see it.
 */
public final class IngestQueue implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(IngestQueue.class);

  /**
   * What submitting an object did.
   *
   * @param status the scene's status when it was submitted
   * @param queued whether it was queued now (false: already queued, or finished)
   */
  public record Submission(SceneStatus status, boolean queued) {}

  private final SceneIngestion ingestion;
  private final ExecutorService worker;
  private final Set<String> pending = ConcurrentHashMap.newKeySet();

  public IngestQueue(SceneIngestion ingestion) {
    this.ingestion = ingestion;
    this.worker =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "scene-ingestion");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Receives {@code object} and queues its tiling unless its scene is queued or finished.
   *
   * @throws RuntimeException when the store or the broker cannot record it (nothing is queued)
   */
  public synchronized Submission submit(ObjectInfo object) {
    String sceneId = SceneIngestion.sceneId(object);
    if (!pending.add(sceneId)) {
      return new Submission(ingestion.status(sceneId).orElseThrow(), false);
    }
    SceneStatus status;
    try {
      status = ingestion.receive(object);
    } catch (RuntimeException e) {
      pending.remove(sceneId);
      throw e;
    }
    if (status.finished()) {
      pending.remove(sceneId);
      return new Submission(status, false);
    }
    worker.execute(
        () -> {
          try {
            ingestion.ingest(object);
          } catch (RuntimeException e) {
            LOG.warnf(
                "scene %s could not be tiled now (tried again at the next inbox poll): %s",
                sceneId, e.toString());
          } finally {
            pending.remove(sceneId);
          }
        });
    return new Submission(status, true);
  }

  /**
   * Rejects {@code object} for a reason found before ingestion, unless its scene is queued (it will
   * then reject it itself) or finished; returns the scene's status.
   */
  public synchronized SceneStatus reject(ObjectInfo object, String reason) {
    String sceneId = SceneIngestion.sceneId(object);
    if (pending.contains(sceneId)) {
      return ingestion.status(sceneId).orElseThrow();
    }
    return ingestion.reject(object, reason);
  }

  /** Whether no scene is queued or being tiled. */
  public boolean idle() {
    return pending.isEmpty();
  }

  /** Whether {@code sceneId} is queued or being tiled. */
  public boolean isPending(String sceneId) {
    return pending.contains(sceneId);
  }

  @Override
  public void close() {
    worker.shutdownNow();
    try {
      worker.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
