package org.lcz.ingest.status;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneMapCompleted;

/**
 * What inference has reported per scene, from the events on {@code lcz.maps}: the distinct map
 * tiles written (a redelivered tile counts once) and the scene map once it is assembled.
 */
public final class MapProgress {
  /**
   * One scene's map progress.
   *
   * @param tilesMapped distinct tiles with a map tile
   * @param tilesTotal the scene's tile count, as inference reports it
   * @param completed the completion event, once the scene map is assembled
   */
  public record Progress(int tilesMapped, int tilesTotal, SceneMapCompleted completed) {}

  private static final class Scene {
    final Set<String> tiles = ConcurrentHashMap.newKeySet();
    volatile int total;
    volatile SceneMapCompleted completed;
  }

  private final Map<String, Scene> scenes = new ConcurrentHashMap<>();

  /** Takes in one event from {@code lcz.maps}; other events are ignored. */
  public void record(LczEvent event) {
    if (event instanceof MapTileWritten t) {
      Scene s = scenes.computeIfAbsent(t.sceneId(), k -> new Scene());
      s.tiles.add(t.tileId());
      s.total = t.sceneTileCount();
    } else if (event instanceof SceneMapCompleted c) {
      Scene s = scenes.computeIfAbsent(c.sceneId(), k -> new Scene());
      s.total = c.tileCount();
      s.completed = c;
    }
  }

  /** The scene's progress, if inference reported anything for it. */
  public Optional<Progress> of(String sceneId) {
    Scene s = scenes.get(sceneId);
    if (s == null) {
      return Optional.empty();
    }
    SceneMapCompleted done = s.completed;
    int mapped = done != null ? done.tileCount() : s.tiles.size();
    return Optional.of(new Progress(mapped, s.total, done));
  }
}
