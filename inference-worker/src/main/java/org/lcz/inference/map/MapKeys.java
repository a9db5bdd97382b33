package org.lcz.inference.map;

import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;

/** Where scene maps and their parts live: {@code lcz-maps/scenes/{sceneId}/…}. */
public final class MapKeys {
  private MapKeys() {}

  /** The map tile of tile {@code row_col}. */
  public static ObjectRef tile(String sceneId, String tileId) {
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId) + "tiles/" + tileId + ".tif");
  }

  /** A product file of the scene ({@code lcz.tif}, {@code preview.png}, {@code item.json} …). */
  public static ObjectRef product(String sceneId, String fileName) {
    if (!fileName.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("not a product file name: " + fileName);
    }
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId) + fileName);
  }

  /** The scene's tile manifest, written by the ingest service. */
  public static ObjectRef manifest(String sceneId) {
    return ObjectRef.of(Buckets.TILES, prefix(sceneId) + "manifest.json");
  }

  private static String prefix(String sceneId) {
    return "scenes/" + sceneId + "/";
  }
}
