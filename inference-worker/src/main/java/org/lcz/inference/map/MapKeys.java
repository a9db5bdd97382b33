package org.lcz.inference.map;

import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.ObjectRef;

/** Where scene maps and their parts live: {@code lcz-maps/scenes/{sceneId}/…}. */
public final class MapKeys {
  private MapKeys() {}

  /** The map tile of tile {@code row_col}. */
  public static ObjectRef tile(String sceneId, String tileId) {
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId) + "tiles/" + tileId + ".tif");
  }

  /** The scene's Cloud-Optimized GeoTIFF. */
  public static ObjectRef map(String sceneId) {
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId) + "lcz.tif");
  }

  /** The scene's preview PNG. */
  public static ObjectRef preview(String sceneId) {
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId) + "preview.png");
  }

  /** The scene's STAC Item. */
  public static ObjectRef stacItem(String sceneId) {
    return ObjectRef.of(Buckets.MAPS, prefix(sceneId) + "item.json");
  }

  /** The scene's tile manifest, written by the ingest service. */
  public static ObjectRef manifest(String sceneId) {
    return ObjectRef.of(Buckets.TILES, prefix(sceneId) + "manifest.json");
  }

  private static String prefix(String sceneId) {
    return "scenes/" + sceneId + "/";
  }
}
