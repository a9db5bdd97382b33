package org.lcz.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.ModelPublished;
import org.lcz.events.Topics;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.TopicSnapshot;

/**
 * Reads {@code lcz.models}: the current model of a name is the latest <em>promoted</em>
 * ModelPublished for it. Each call reads the compacted topic from its start to its end at the
 * moment of the call, outside any consumer group.
 */
public final class ModelRegistry {
  private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private final String bootstrapServers;
  private final InboundEvents inbound = new InboundEvents(new EventCodec());

  public ModelRegistry(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  /** The current (latest promoted) version of {@code modelName}, if any was promoted. */
  public Optional<ModelPublished> current(String modelName) {
    return Optional.ofNullable(currentAll().get(modelName));
  }

  /** The current version of every model name. */
  public Map<String, ModelPublished> currentAll() {
    Map<String, ModelPublished> current = new HashMap<>();
    for (ModelPublished p : published()) {
      if (p.promoted()) {
        current.put(p.modelName(), p);
      }
    }
    return current;
  }

  /**
   * The published version {@code version} of {@code modelName}, promoted or not, if the topic still
   * holds it (compaction keeps a name's current version and its latest candidate).
   */
  public Optional<ModelPublished> version(String modelName, String version) {
    ModelPublished found = null;
    for (ModelPublished p : published()) {
      if (p.modelName().equals(modelName) && p.version().equals(version)) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  /** Every ModelPublished on the topic in its order; tombstones and unreadable records skipped. */
  private List<ModelPublished> published() {
    List<ModelPublished> all = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(bootstrapServers, Topics.MODELS, READ_TIMEOUT)) {
      if (r.value() == null) {
        continue; // a tombstone
      }
      try {
        all.add(inbound.decode(r, ModelPublished.class));
      } catch (InvalidEventException e) {
        LOG.warning(
            "skipping offset " + r.offset() + " of " + Topics.MODELS + ": " + e.getMessage());
      }
    }
    return all;
  }
}
