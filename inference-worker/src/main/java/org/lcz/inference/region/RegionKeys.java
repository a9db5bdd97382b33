package org.lcz.inference.region;

import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;

/**
 * Where a region's products live in {@code lcz-maps}: {@code regions/{name}/v{n}/…} per version
 * (immutable once announced) and {@code regions/{name}/collection.json}, the STAC Collection of its
 * versions.
 */
public final class RegionKeys {
  private RegionKeys() {}

  /** The folder of version {@code version}. */
  public static String version(String region, int version) {
    return "regions/" + region + "/v" + version + "/";
  }

  /** A product file of version {@code version}. */
  public static ObjectRef product(String region, int version, String fileName) {
    return ObjectRef.of(Buckets.MAPS, version(region, version) + fileName);
  }

  /** The region's STAC Collection. */
  public static ObjectRef collection(String region) {
    return ObjectRef.of(Buckets.MAPS, "regions/" + region + "/collection.json");
  }
}
