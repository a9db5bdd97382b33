package org.lcz.ingest.inbox;

import java.util.Locale;
import org.lcz.ingest.tiling.SceneDefinition;

/**
 * Which inbox objects are scenes: a {@code scene.json} manifest (with the files it names in its
 * folder), or a GeoTIFF ({@code *.tif}, {@code *.tiff}) in a folder that has no manifest. GeoTIFFs
 * next to a manifest are its band files, never scenes of their own.
 */
public final class InboxObjects {
  private InboxObjects() {}

  /** Whether {@code key} is a GeoTIFF (a scene, or a manifest's band file). */
  public static boolean isGeoTiff(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith(".tif") || k.endsWith(".tiff");
  }

  /** Whether {@code key} is a scene manifest. */
  public static boolean isManifest(String key) {
    return key.equals(SceneDefinition.FILE_NAME) || key.endsWith("/" + SceneDefinition.FILE_NAME);
  }

  /** Whether {@code key} may be a scene: a manifest or a GeoTIFF. */
  public static boolean isScene(String key) {
    return isManifest(key) || isGeoTiff(key);
  }

  /** The folder of {@code key}, with its trailing slash ({@code ""} at the top). */
  public static String folder(String key) {
    return key.substring(0, key.lastIndexOf('/') + 1);
  }

  /** The key a manifest next to {@code key} would have. */
  public static String manifestNextTo(String key) {
    return folder(key) + SceneDefinition.FILE_NAME;
  }
}
