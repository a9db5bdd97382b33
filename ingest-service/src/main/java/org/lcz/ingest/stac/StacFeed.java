package org.lcz.ingest.stac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelPublished;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.SceneMapCompleted;
import org.lcz.stac.ModelItem;
import org.lcz.stac.StacCatalogue;
import org.lcz.stac.StaticCatalog;
import org.lcz.storage.ObjectNotFoundException;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * Keeps a {@link StacCatalogue} current from the platform's events: a {@code SceneMapCompleted}
 * adds its map's STAC Item, a {@code RegionMapUpdated} its version's Item (to the region's
 * collection, named by {@code RegionDefined}, dropped by {@code RegionDeleted}), a {@code
 * ModelPublished} its model Item ({@link ModelItem}). Items are read from the store on a thread of
 * the feed's own, so a slow store never holds the events; an Item that is gone is left out
 * (logged), a store that fails is retried {@value #ATTEMPTS} times, 2 s apart, then the Item is
 * left out until the service restarts (logged as a warning).
 */
public final class StacFeed implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(StacFeed.class);
  static final int ATTEMPTS = 5;
  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final ObjectStore store;
  private final StacCatalogue catalogue;
  private final BlockingQueue<LczEvent> queue = new LinkedBlockingQueue<>();
  private final StaticCatalog staticCatalog;
  private final Map<String, Set<String>> changed = new TreeMap<>();
  private final Set<String> removed = new TreeSet<>();
  private int flushFailures;

  /** How long the feed waits for more events before it writes the static catalog. */
  static final Duration FLUSH_AFTER = Duration.ofMillis(500);

  private final Thread thread;
  private volatile boolean running = true;

  /**
   * @param staticCatalog where the catalogue is also written as a static catalog, or null
   */
  public StacFeed(ObjectStore store, StacCatalogue catalogue, StaticCatalog staticCatalog) {
    this.store = store;
    this.catalogue = catalogue;
    this.staticCatalog = staticCatalog;
    changed(StacCatalogue.SCENE_MAPS, null); // the root and the platform's collections at start
    changed(StacCatalogue.MODELS, null);
    this.thread = new Thread(this::run, "stac-feed");
    thread.setDaemon(true);
    thread.start();
  }

  /** Takes note of an event (returns at once). */
  public void record(LczEvent event) {
    if (event instanceof SceneMapCompleted
        || event instanceof RegionMapUpdated
        || event instanceof RegionDefined
        || event instanceof RegionDeleted
        || event instanceof ModelPublished) {
      queue.add(event);
    }
  }

  private void run() {
    while (running) {
      try {
        LczEvent event = queue.poll(FLUSH_AFTER.toMillis(), TimeUnit.MILLISECONDS);
        if (event != null) {
          apply(event);
        }
        if (queue.isEmpty() && (!changed.isEmpty() || !removed.isEmpty())) {
          flush();
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.warnf("a STAC Item was left out: %s", e.toString());
      }
    }
  }

  /** Writes the static catalog's changed objects; on failure keeps them to write next time. */
  private void flush() throws InterruptedException {
    if (staticCatalog == null) {
      changed.clear();
      removed.clear();
      return;
    }
    try {
      staticCatalog.write(catalogue, changed, removed);
      changed.clear();
      removed.clear();
      flushFailures = 0;
    } catch (RuntimeException e) {
      flushFailures++;
      LOG.warnf(
          "the static STAC catalog could not be written (attempt %d; retried in 2 s): %s",
          flushFailures, e.toString());
      Thread.sleep(2000);
    }
  }

  private void changed(String collection, String id) {
    Set<String> ids = changed.computeIfAbsent(collection, k -> new TreeSet<>());
    if (id != null) {
      ids.add(id);
    }
  }

  /** Applies one event to the catalogue (the store read, if any, on the caller's thread). */
  void apply(LczEvent event) throws InterruptedException {
    if (event instanceof SceneMapCompleted m) {
      read(m.stacItem()).ifPresent(i -> put(StacCatalogue.SCENE_MAPS, i));
    } else if (event instanceof RegionDefined d) {
      changed(StacCatalogue.REGION_PREFIX + d.name(), null);
      removed.remove(StacCatalogue.REGION_PREFIX + d.name());
      catalogue.describe(
          StacCatalogue.REGION_PREFIX + d.name(),
          "LCZ map of region " + d.name(),
          "Versions of region "
              + d.name()
              + "'s Local Climate Zone map, each fused from every scene map that covers it.");
    } else if (event instanceof RegionDeleted d) {
      catalogue.remove(StacCatalogue.REGION_PREFIX + d.name());
      changed.remove(StacCatalogue.REGION_PREFIX + d.name());
      removed.add(StacCatalogue.REGION_PREFIX + d.name());
    } else if (event instanceof RegionMapUpdated u) {
      ObjectRef item = u.products().get("stac-item");
      if (item != null) {
        read(item).ifPresent(i -> put(StacCatalogue.REGION_PREFIX + u.region(), i));
      }
    } else if (event instanceof ModelPublished m) {
      put(StacCatalogue.MODELS, ModelItem.of(m));
    }
  }

  private void put(String collection, ObjectNode item) {
    catalogue.put(collection, item);
    changed(collection, item.path("id").asText());
  }

  private Optional<ObjectNode> read(ObjectRef ref) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        JsonNode item = JSON.readTree(store.read(ref));
        if (item instanceof ObjectNode o) {
          return Optional.of(o);
        }
        LOG.warnf("%s is not a STAC Item; left out of /stac", ref.uri());
        return Optional.empty();
      } catch (ObjectNotFoundException e) {
        LOG.debugf("%s is gone; left out of /stac", ref.uri());
        return Optional.empty();
      } catch (IOException e) {
        LOG.warnf("%s is not JSON (%s); left out of /stac", ref.uri(), e.getMessage());
        return Optional.empty();
      } catch (RuntimeException e) {
        if (attempt >= ATTEMPTS) {
          LOG.warnf(
              "%s could not be read after %d attempts (%s); left out of /stac until a restart",
              ref.uri(), ATTEMPTS, e.toString());
          return Optional.empty();
        }
        Thread.sleep(2000);
      }
    }
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
