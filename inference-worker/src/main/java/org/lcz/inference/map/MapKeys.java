package org.lcz.inference.map;

import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;

/**
 * Where scene maps and their parts live: a scene's first map at {@code
 * lcz-maps/scenes/{sceneId}/…}, each re-map by a model version beside it at {@code
 * lcz-maps/scenes/{sceneId}/models/{modelVersion}/…} (a {@code remapModel} of {@code null} names
 * the first map).
 */
public final class MapKeys {
  private MapKeys() {}

  /** The map tile of tile {@code row_col} of the scene's first map. */
  public static ObjectRef tile(String sceneId, String tileId) {
    return tile(sceneId, null, tileId);
  }

  /** The map tile of tile {@code row_col} of the scene's first map or of its re-map. */
  public static ObjectRef tile(String sceneId, String remapModel, String tileId) {
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId, remapModel) + "tiles/" + tileId + ".tif");
  }

  /** A product file of the scene's first map ({@code lcz.tif}, {@code item.json} …). */
  public static ObjectRef product(String sceneId, String fileName) {
    return product(sceneId, null, fileName);
  }

  /** A product file of the scene's first map or of its re-map by {@code remapModel}. */
  public static ObjectRef product(String sceneId, String remapModel, String fileName) {
    if (!fileName.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a product file name: " + fileName);
    }
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId, remapModel) + fileName);
  }

  /** The scene's tile manifest, written by the ingest service. */
  public static ObjectRef manifest(String sceneId) {
    return ObjectRef.of(Buckets.TILES, prefix(sceneId, null) + "manifest.json");
  }

  private static String prefix(String sceneId, String remapModel) {
    String scene = "scenes/" + sceneId + "/";
    return remapModel == null ? scene : scene + "models/" + remapModel + "/";
  }
}
