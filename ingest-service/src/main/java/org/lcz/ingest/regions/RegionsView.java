package org.lcz.ingest.regions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionDefined;
import org.lcz.events.RegionDeleted;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.RegionMemberMapped;
import org.lcz.storage.ObjectRef;

/**
 * What the region events say of each region: its definition, its members (each scene's latest map
 * routed since the definition), its versions and the latest one's products. Fed from {@code
 * lcz.regions} and {@code lcz.region-maps}; thread-safe.
 */
public final class RegionsView {
  /** A member scene map. */
  public record Member(String sceneId, String modelVersion, Instant acquiredAt) {}

  /** One version of the region's map. */
  public record Version(
      int version,
      int members,
      double coverage,
      long observedCells,
      long outlineCells,
      Instant updatedAt) {}

  /**
   * A region as the REST API shows it.
   *
   * @param crs {@code EPSG:…} of the grid
   * @param latest the latest version's products by name ({@code s3://…}), empty before the first
   */
  public record Region(
      String name,
      JsonNode outline,
      Instant from,
      Instant to,
      String crs,
      double cellSize,
      String models,
      Instant definedAt,
      List<Member> members,
      List<Version> versions,
      Integer latestVersion,
      Double coverage,
      Map<String, String> latest,
      String collection) {}

  private static final class State {
    RegionDefined definition;
    final Map<String, RegionMemberMapped> members = new TreeMap<>();
    final Map<Integer, RegionMapUpdated> versions = new TreeMap<>();
  }

  private final Map<String, State> regions = new LinkedHashMap<>();
  private final Map<String, Map<Integer, RegionMapUpdated>> versionsOfDeleted = new TreeMap<>();

  /** Takes in one event (others are ignored). */
  public synchronized void record(LczEvent event) {
    if (event instanceof RegionDefined d) {
      State s = regions.computeIfAbsent(d.name(), k -> new State());
      if (s.definition == null || !d.definedAt().equals(s.definition.definedAt())) {
        s.members.clear();
      }
      s.definition = d;
      Map<Integer, RegionMapUpdated> earlier = versionsOfDeleted.remove(d.name());
      if (earlier != null) {
        s.versions.putAll(earlier);
      }
    } else if (event instanceof RegionDeleted d) {
      State s = regions.remove(d.name());
      if (s != null) {
        versionsOfDeleted.put(d.name(), s.versions);
      }
    } else if (event instanceof RegionMemberMapped m) {
      State s = regions.get(m.region());
      if (s != null && s.definition != null && m.definedAt().equals(s.definition.definedAt())) {
        RegionMemberMapped before = s.members.get(m.sceneId());
        if (before == null || !m.completedAt().isBefore(before.completedAt())) {
          s.members.put(m.sceneId(), m);
        }
      }
    } else if (event instanceof RegionMapUpdated u) {
      State s = regions.get(u.region());
      Map<Integer, RegionMapUpdated> versions =
          s != null
              ? s.versions
              : versionsOfDeleted.computeIfAbsent(u.region(), k -> new TreeMap<>());
      versions.put(u.version(), u);
    }
  }

  /** Every region defined, by name. */
  public synchronized List<Region> all() {
    return regions.keySet().stream().sorted().map(this::show).flatMap(Optional::stream).toList();
  }

  /** The region {@code name}, if defined. */
  public synchronized Optional<Region> get(String name) {
    return show(name);
  }

  /** Version {@code version} of region {@code name}, if it was made. */
  public synchronized Optional<RegionMapUpdated> version(String name, int version) {
    State s = regions.get(name);
    return Optional.ofNullable(s == null ? null : s.versions.get(version));
  }

  private Optional<Region> show(String name) {
    State s = regions.get(name);
    if (s == null || s.definition == null) {
      return Optional.empty();
    }
    RegionDefined d = s.definition;
    List<Member> members = new ArrayList<>();
    s.members.values().stream()
        .sorted(Comparator.comparing(RegionMemberMapped::sceneId))
        .forEach(m -> members.add(new Member(m.sceneId(), m.modelVersion(), m.acquiredAt())));
    List<Version> versions = new ArrayList<>();
    RegionMapUpdated latest = null;
    for (RegionMapUpdated u : s.versions.values()) {
      versions.add(
          new Version(
              u.version(),
              u.members().size(),
              u.coverage(),
              u.observedCells(),
              u.outlineCells(),
              u.updatedAt()));
      latest = u;
    }
    Map<String, String> products = new LinkedHashMap<>();
    if (latest != null) {
      latest.products().forEach((k, ref) -> products.put(k, ref.uri()));
    }
    return Optional.of(
        new Region(
            d.name(),
            d.outline(),
            d.from(),
            d.to(),
            "EPSG:" + d.epsg(),
            d.cellSize(),
            d.models(),
            d.definedAt(),
            members,
            versions,
            latest == null ? null : latest.version(),
            latest == null ? null : latest.coverage(),
            products,
            ObjectRef.of("lcz-maps", "regions/" + d.name() + "/collection.json").uri()));
  }
}
