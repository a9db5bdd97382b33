package org.lcz.inference.map;

import org.lcz.events.MapTileWritten;
import org.lcz.events.SceneMapCompleted;

/**
 * Which map of a scene: its first map ({@code remapModel} null, mapped by whatever model was
 * current tile by tile) or its re-map by one named model version. A scene has one map of each.
 *
 * @param remapModel the re-map's model version, or null for the first map
 */
public record SceneMapId(String sceneId, String remapModel) {
  /** The scene's first map. */
  public static SceneMapId first(String sceneId) {
    return new SceneMapId(sceneId, null);
  }

  /** The map a map tile belongs to. */
  public static SceneMapId of(MapTileWritten tile) {
    return new SceneMapId(tile.sceneId(), tile.remap() ? tile.modelVersion() : null);
  }

  /** The map an announcement is of. */
  public static SceneMapId of(SceneMapCompleted map) {
    return new SceneMapId(map.sceneId(), map.remap() ? map.modelVersion() : null);
  }

  public boolean isRemap() {
    return remapModel != null;
  }

  /** One string per map: the scene id, or {@code sceneId@modelVersion} for a re-map. */
  public String key() {
    return remapModel == null ? sceneId : sceneId + "@" + remapModel;
  }

  /** As logs and titles name it: "scene s1" or "scene s1 re-mapped by model v2". */
  @Override
  public String toString() {
    return "scene " + sceneId + (remapModel == null ? "" : " re-mapped by model " + remapModel);
  }
}
