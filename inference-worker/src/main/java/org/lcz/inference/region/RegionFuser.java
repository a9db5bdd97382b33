package org.lcz.inference.region;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.RegionMemberMapped;
import org.lcz.events.Topics;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.OwnedPartitionsLoop;
import org.lcz.storage.ObjectNotFoundException;

/**
 * Keeps each region's map current, exactly once per member set. Consumes {@code lcz.region-maps}
 * (keyed by region name, so a region's members and versions share one partition) in its own
 * consumer group; the member that owns a partition owns its regions, and updates of one region are
 * serialised on its thread ({@link OwnedPartitionsLoop}, as for scene assembly: a transactional
 * producer per partition fences the previous owner, the partition's committed history is read
 * first).
 *
 * <p>From the history and then from each record the owner knows each region's members (a scene's
 * latest map replaces its earlier ones) and its latest version with the members it was made from.
 * When the members due (by the region's definition and {@code models} rule) differ from the latest
 * version's, the next version is made ({@link RegionAssembler}: products first, then the
 * Collection) and announced by RegionMapUpdated in a transaction. A redelivered member, or one
 * already fused with the same map, makes no version; a worker killed mid-update leaves the version
 * unannounced, and the next owner makes it again (the same objects) and announces it once. Every 5
 * s the owner looks at its regions again: with {@code models: current} a newly promoted model's
 * maps take over as they come; a failed attempt is retried.
 */
public final class RegionFuser implements Runnable {
  private static final Logger LOG = Logger.getLogger(RegionFuser.class.getName());
  private static final Duration RECHECK = Duration.ofSeconds(5);

  private final RegionCatalogue catalogue;
  private final RegionAssembler assembler;
  private final Supplier<Optional<String>> currentModel;
  private final Clock clock;
  private final InboundEvents inbound = new InboundEvents(new EventCodec());
  private final OwnedPartitionsLoop loop;
  private volatile int versions;

  /**
   * @param currentModel the version of the model current now, if one is known
   */
  public RegionFuser(
      String bootstrap,
      String group,
      RegionCatalogue catalogue,
      RegionAssembler assembler,
      Supplier<Optional<String>> currentModel,
      URI source,
      Clock clock) {
    this.catalogue = catalogue;
    this.assembler = assembler;
    this.currentModel = currentModel;
    this.clock = clock;
    this.loop =
        new OwnedPartitionsLoop(
            bootstrap, group, Topics.REGION_MAPS, source, "region-fuser", RECHECK, Owned::new);
  }

  /**
   * The members a region's next version is made of, as its rule and definition say: of each scene's
   * maps routed since the definition, the latest one by the current model (rule {@code current};
   * any model while none is known) or its latest map (rule {@code any}) — a scene re-mapped by an
   * older version keeps counting with its map by the current one.
   */
  static List<RegionMapUpdated.Member> due(
      RegionDefined region, Collection<RegionMemberMapped> maps, Optional<String> current) {
    Map<String, RegionMemberMapped> chosen = new TreeMap<>();
    for (RegionMemberMapped m : maps) {
      if (!m.definedAt().equals(region.definedAt())) {
        continue;
      }
      if (!RegionDefined.ANY.equals(region.models())
          && !current.map(v -> v.equals(m.modelVersion())).orElse(true)) {
        continue;
      }
      chosen.merge(m.sceneId(), m, (a, b) -> b.completedAt().isAfter(a.completedAt()) ? b : a);
    }
    return chosen.values().stream().map(RegionMemberMapped::member).toList();
  }

  /** What this member knows of one partition it owns. */
  private final class Owned implements OwnedPartitionsLoop.Owner {
    final OwnedPartitionsLoop.Transactions transactions;

    /** region → scene and model version → the latest map of that scene by that version. */
    final Map<String, Map<String, RegionMemberMapped>> members = new HashMap<>();

    final Map<String, RegionMapUpdated> latest = new HashMap<>();

    /** Versions a newer owner took over. */
    final Set<String> leftToOthers = new HashSet<>();

    /** Per region, a member set that cannot be made (a member's map is gone): not tried again. */
    final Map<String, Set<RegionMapUpdated.Member>> unmakeable = new HashMap<>();

    Owned(int partition, OwnedPartitionsLoop.Transactions transactions) {
      this.transactions = transactions;
    }

    @Override
    public String learn(ConsumerRecord<String, byte[]> r) {
      try {
        LczEvent event = inbound.decode(r);
        if (event instanceof RegionMemberMapped m) {
          Map<String, RegionMemberMapped> scenes =
              members.computeIfAbsent(m.region(), k -> new HashMap<>());
          String key = m.sceneId() + "@" + m.modelVersion();
          RegionMemberMapped before = scenes.get(key);
          if (before == null
              || !m.definedAt().isBefore(before.definedAt())
                  && !m.completedAt().isBefore(before.completedAt())) {
            scenes.put(key, m);
          }
          return m.region();
        } else if (event instanceof RegionMapUpdated u) {
          RegionMapUpdated before = latest.get(u.region());
          if (before == null || u.version() > before.version()) {
            latest.put(u.region(), u);
          }
          return u.region();
        }
      } catch (InvalidEventException e) {
        LOG.warning("skipping " + r.topic() + "-" + r.partition() + "@" + r.offset() + ": " + e);
      }
      return null;
    }

    @Override
    public Collection<String> keys() {
      Set<String> all = new HashSet<>(members.keySet());
      all.addAll(latest.keySet());
      return all;
    }

    /** Brings region {@code name} up to date; false if it must be tried again. */
    @Override
    public boolean act(String name) {
      Optional<RegionDefined> region = catalogue.get(name);
      if (region.isEmpty()) {
        return true; // deleted, or not yet known: nothing to make
      }
      List<RegionMapUpdated.Member> due =
          due(region.get(), members.getOrDefault(name, Map.of()).values(), currentModel.get());
      RegionMapUpdated last = latest.get(name);
      if (due.isEmpty()
          || last != null && new HashSet<>(last.members()).equals(new HashSet<>(due))) {
        return true;
      }
      int version = last == null ? 1 : last.version() + 1;
      if (leftToOthers.contains(name + "-v" + version)
          || new HashSet<>(due).equals(unmakeable.get(name))) {
        return true;
      }
      RegionMapUpdated done;
      try {
        done = assembler.assemble(region.get(), version, due, clock.instant());
      } catch (ObjectNotFoundException e) {
        // permanent until the members change (a scene mapped again, a new member)
        LOG.warning(
            "region " + name + " version " + version + " cannot be made: " + e.getMessage());
        unmakeable.put(name, new HashSet<>(due));
        return true;
      } catch (RuntimeException e) {
        LOG.warning("region " + name + " version " + version + " cannot be made yet: " + e);
        return false;
      }
      switch (transactions.publish(done, "region-map-updated-" + name + "-v" + version)) {
        case FENCED:
          leftToOthers.add(name + "-v" + version);
          return true;
        case FAILED:
          return false;
        default:
          break;
      }
      latest.put(name, done);
      versions++;
      LOG.info(
          String.format(
              Locale.ROOT,
              "region %s version %d: %d members, coverage %.1f %%",
              name,
              version,
              due.size(),
              100 * done.coverage()));
      return true;
    }
  }

  @Override
  public void run() {
    loop.run();
  }

  /** Versions this member announced. */
  public int versions() {
    return versions;
  }

  /** The partitions of {@code lcz.region-maps} this worker owns — the regions it keeps. */
  public Set<Integer> partitions() {
    return loop.ownedPartitions();
  }

  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }

  public void stop() {
    loop.stop();
  }
}
