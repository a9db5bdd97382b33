package org.lcz.inference.messaging;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.Topics;
import org.lcz.inference.assembly.MapAssembler;
import org.lcz.inference.map.SceneMapId;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.OwnedPartitionsLoop;

/**
 * Assembles each scene's map exactly once. Consumes {@code lcz.maps} (keyed by scene id, so a
 * scene's events share one partition) in its own consumer group; the member that owns a partition
 * owns the scenes in it ({@link OwnedPartitionsLoop}: a transactional producer per partition fences
 * the previous owner, the partition's committed history is read first).
 *
 * <p>From the history and then from each record, the owner learns which tiles of which scenes are
 * mapped and which scenes already have a SceneMapCompleted; when a scene's distinct tiles reach its
 * tile count and no SceneMapCompleted was seen, the map is assembled and SceneMapCompleted is sent
 * in a transaction. A scene's re-map by a model version is a map of its own ({@link SceneMapId}),
 * assembled and announced the same way. Redelivered or duplicate MapTileWritten events count once;
 * a scene is never announced twice, whichever member dies when; a scene that could not be assembled
 * (a tile not yet readable) is tried again every 5 s.
 */
public final class AssemblyLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(AssemblyLoop.class.getName());
  private static final Duration RETRY = Duration.ofSeconds(5);

  private final MapAssembler assembler;
  private final Clock clock;
  private final InboundEvents inbound = new InboundEvents(new EventCodec());
  private final OwnedPartitionsLoop loop;
  private volatile int completed;

  public AssemblyLoop(
      String bootstrap, String group, MapAssembler assembler, URI source, Clock clock) {
    this.assembler = assembler;
    this.clock = clock;
    this.loop =
        new OwnedPartitionsLoop(
            bootstrap, group, Topics.MAPS, source, "assembly", RETRY, Owned::new);
  }

  /** What this member knows of one partition it owns. */
  private final class Owned implements OwnedPartitionsLoop.Owner {
    final int partition;
    final OwnedPartitionsLoop.Transactions transactions;
    final Map<String, Set<String>> tiles = new HashMap<>();
    final Map<String, Integer> tileCounts = new HashMap<>();
    final Map<String, SceneMapId> maps = new HashMap<>();
    final Set<String> announced = new HashSet<>();

    Owned(int partition, OwnedPartitionsLoop.Transactions transactions) {
      this.partition = partition;
      this.transactions = transactions;
    }

    @Override
    public String learn(ConsumerRecord<String, byte[]> r) {
      try {
        LczEvent event = inbound.decode(r);
        if (event instanceof MapTileWritten w) {
          SceneMapId id = SceneMapId.of(w);
          tiles.computeIfAbsent(id.key(), k -> new HashSet<>()).add(w.tileId());
          tileCounts.put(id.key(), w.sceneTileCount());
          maps.put(id.key(), id);
          return id.key();
        } else if (event instanceof SceneMapCompleted c) {
          announced.add(SceneMapId.of(c).key());
        }
      } catch (InvalidEventException e) {
        LOG.warning(
            "skipping "
                + r.topic()
                + "-"
                + r.partition()
                + "@"
                + r.offset()
                + ": "
                + e.getMessage());
      }
      return null;
    }

    /** Whether every tile of {@code scene} is mapped and it is not yet announced. */
    boolean isDue(String scene) {
      Set<String> done = tiles.get(scene);
      return done != null && !announced.contains(scene) && done.size() >= tileCounts.get(scene);
    }

    @Override
    public Collection<String> keys() {
      return tiles.keySet().stream().filter(this::isDue).toList();
    }

    /** Assembles and announces {@code scene} if it is due; false if it must be tried again. */
    @Override
    public boolean act(String scene) {
      if (!isDue(scene)) {
        return true;
      }
      SceneMapId id = maps.get(scene);
      SceneMapCompleted done;
      try {
        done = assembler.assemble(id, clock.instant());
      } catch (RuntimeException e) {
        LOG.warning(id + " cannot be assembled yet: " + e.getMessage());
        return false;
      }
      switch (transactions.publish(done, "scene-map-completed-" + scene)) {
        case FENCED:
          announced.add(scene); // the new owner's to announce
          return true;
        case FAILED:
          return false;
        default:
          break;
      }
      announced.add(scene);
      completed++;
      LOG.info(id + " assembled: " + done.map().uri() + " (model " + done.modelVersion() + ")");
      return true;
    }
  }

  @Override
  public void run() {
    loop.run();
  }

  /** Scenes this member announced. */
  public int completed() {
    return completed;
  }

  /** Stops the loop; the consumer leaves the group and the producers close. */
  public void stop() {
    loop.stop();
  }

  /** When the loop last went round (every poll). */
  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }
}
