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
   * @param modelVersion the re-map's model version; for the first map the version(s) reported so
   *     far
   * @param remap whether it is a re-map
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
    volatile int total;
    volatile SceneMapCompleted completed;

    OneMap(boolean remap) {
      this.remap = remap;
    }

    MapState state() {
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
    /** "" for the first map, the model version for a re-map; in the order they began. */
    final Map<String, OneMap> maps = new LinkedHashMap<>();

    volatile SceneMapCompleted latest;

    synchronized OneMap map(String key, boolean remap) {
      return maps.computeIfAbsent(key, k -> new OneMap(remap));
    }

    synchronized List<MapState> states() {
      List<MapState> all = new ArrayList<>();
      OneMap first = maps.get("");
      if (first != null) {
        all.add(first.state());
      }
      maps.forEach(
          (k, m) -> {
            if (!k.isEmpty()) {
              all.add(m.state());
            }
          });
      return all;
    }
  }

  private final Map<String, Scene> scenes = new ConcurrentHashMap<>();

  /** Takes in one event from {@code lcz.maps}; other events are ignored. */
  public void record(LczEvent event) {
    if (event instanceof MapTileWritten t) {
      OneMap m =
          scenes
              .computeIfAbsent(t.sceneId(), k -> new Scene())
              .map(t.remap() ? t.modelVersion() : "", t.remap());
      m.tiles.add(t.tileId());
      m.total = t.sceneTileCount();
      if (m.completed == null) {
        m.modelVersion = t.modelVersion();
      }
    } else if (event instanceof SceneMapCompleted c) {
      Scene s = scenes.computeIfAbsent(c.sceneId(), k -> new Scene());
      OneMap m = s.map(c.remap() ? c.modelVersion() : "", c.remap());
      m.total = c.tileCount();
      m.completed = c;
      s.latest = c;
    }
  }

  /** The scene's progress, if inference reported anything for it. */
  public Optional<Progress> of(String sceneId) {
    Scene s = scenes.get(sceneId);
    if (s == null) {
      return Optional.empty();
    }
    List<MapState> maps = s.states();
    MapState first =
        maps.isEmpty() || maps.get(0).remap() ? new MapState(null, false, 0, 0, null) : maps.get(0);
    int total = first.tilesTotal() > 0 ? first.tilesTotal() : maps.get(0).tilesTotal();
    return Optional.of(new Progress(first.tilesMapped(), total, s.latest, maps));
  }
}
