package org.lcz.inference.map;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.lcz.inference.window.TilePixels;

/**
 * One tile read ahead: while the mapping thread maps a tile, the next tile is downloaded and
 * decoded on a thread of its own, so that the mapper waits for the object store and the GeoTIFF
 * decoder only for what is left of that work. Holds at most {@value #HELD} tiles (the one about to
 * be mapped and the one after it): a further read-ahead cancels and forgets the eldest. A
 * read-ahead is only a hint — {@link #take} hands over its pixels when it succeeded, and nothing
 * otherwise, so every failure is met again, and reported, by the mapping thread's own read.
 */
final class ReadAhead implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ReadAhead.class.getName());

  static final int HELD = 2;

  private ExecutorService reader;
  private final Map<String, Future<TilePixels>> pending = new LinkedHashMap<>();

  /**
   * Starts reading the tile known as {@code key} with {@code read}, unless it is read already;
   * beyond {@value #HELD} tiles the eldest is cancelled and forgotten.
   */
  synchronized void start(String key, Supplier<TilePixels> read) {
    if (pending.containsKey(key)) {
      return;
    }
    if (pending.size() >= HELD) {
      String eldest = pending.keySet().iterator().next();
      pending.remove(eldest).cancel(true);
    }
    if (reader == null) {
      reader =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "lcz-tile-read-ahead");
                t.setDaemon(true);
                return t;
              });
    }
    pending.put(key, reader.submit(read::get));
  }

  /**
   * The pixels read ahead for {@code key}, waiting for the read to finish; empty when that tile was
   * not read ahead, or its read failed (the caller reads it again and meets the failure itself).
   */
  Optional<TilePixels> take(String key) {
    Future<TilePixels> f;
    synchronized (this) {
      f = pending.remove(key);
    }
    if (f == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(f.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      f.cancel(true);
      return Optional.empty();
    } catch (ExecutionException | CancellationException e) {
      LOG.fine(() -> "read-ahead of " + key + " failed; reading it again: " + e);
      return Optional.empty();
    }
  }

  /** Whether a read-ahead is held (for tests). */
  synchronized boolean holds(String key) {
    return pending.containsKey(key);
  }

  @Override
  public synchronized void close() {
    pending.values().forEach(f -> f.cancel(true));
    pending.clear();
    if (reader != null) {
      reader.shutdownNow();
      reader = null;
    }
  }
}
