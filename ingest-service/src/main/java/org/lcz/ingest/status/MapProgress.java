package org.lcz.ingest.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneMapCompleted;

/**
 * What inference has reported per scene, from the events on {@code lcz.maps}: for each of its maps
 * — the first one and every re-map by a model version — the distinct map tiles written (a
 * redelivered tile counts once) and the map once it is assembled.
 */
public final class MapProgress {
  /**
   * One scene's map progress.
   *
   * @param tilesMapped distinct tiles of the first map with a map tile
   * @param tilesTotal the scene's tile count, as inference reports it
   * @param completed the newest assembled map (the first map, or a later re-map), once there is one
   * @param maps every map of the scene, the first one first, then the re-maps as they began
   */
  public record Progress(
      int tilesMapped, int tilesTotal, SceneMapCompleted completed, List<MapState> maps) {
    public Progress {
      maps = List.copyOf(maps);
    }
  }

  /**
   * One map of a scene.
   *
   * @param modelVersion the re-map's model version; for the first map its announcement's, and until
   *     then the version of its latest tile
   * @param remap whether it is a re-map
   * @param tilesTotal the scene's tile count
   * @param completed its announcement, once assembled
   */
  public record MapState(
      String modelVersion,
      boolean remap,
      int tilesMapped,
      int tilesTotal,
      SceneMapCompleted completed) {}

  private static final class OneMap {
    final boolean remap;
    final Set<String> tiles = ConcurrentHashMap.newKeySet();
    volatile String modelVersion;
    volatile SceneMapCompleted completed;

    OneMap(boolean remap) {
      this.remap = remap;
    }

    MapState state(int total) {
      SceneMapCompleted done = completed;
      return new MapState(
          done != null ? done.modelVersion() : modelVersion,
          remap,
          done != null ? done.tileCount() : tiles.size(),
          total,
          done);
    }
  }

  private static final class Scene {
    /** The scene's tile count: every map of it has the same tiles. */
    volatile int total;

    volatile SceneMapCompleted latest;

    private OneMap first;

    /** Re-maps by model version, in the order they began. */
    private final Map<String, OneMap> remaps = new LinkedHashMap<>();

    synchronized OneMap map(boolean remap, String modelVersion) {
      if (remap) {
        return remaps.computeIfAbsent(modelVersion, k -> new OneMap(true));
      }
      if (first == null) {
        first = new OneMap(false);
      }
      return first;
    }

    synchronized OneMap first() {
      return first;
    }

    synchronized List<MapState> states() {
      List<MapState> all = new ArrayList<>();
      if (first != null) {
        all.add(first.state(total));
      }
      remaps.values().forEach(m -> all.add(m.state(total)));
      return all;
    }
  }

  private final Map<String, Scene> scenes = new ConcurrentHashMap<>();

  /** Takes in one event from {@code lcz.maps}; other events are ignored. */
  public void record(LczEvent event) {
    if (event instanceof MapTileWritten t) {
      Scene s = scenes.computeIfAbsent(t.sceneId(), k -> new Scene());
      OneMap m = s.map(t.remap(), t.modelVersion());
      m.tiles.add(t.tileId());
      s.total = t.sceneTileCount();
      if (m.completed == null) {
        m.modelVersion = t.modelVersion();
      }
    } else if (event instanceof SceneMapCompleted c) {
      Scene s = scenes.computeIfAbsent(c.sceneId(), k -> new Scene());
      s.map(c.remap(), c.modelVersion()).completed = c;
      s.total = c.tileCount();
      s.latest = c;
    }
  }

  /** The scene's progress, if inference reported anything for it. */
  public Optional<Progress> of(String sceneId) {
    Scene s = scenes.get(sceneId);
    if (s == null) {
      return Optional.empty();
    }
    OneMap first = s.first();
    int mapped = first == null ? 0 : first.state(s.total).tilesMapped();
    return Optional.of(new Progress(mapped, s.total, s.latest, s.states()));
  }
}
