package org.lcz.ingest.inbox;

import org.lcz.ingest.source.GeoTiffFormat;
import org.lcz.ingest.source.ManifestFormat;
import org.lcz.ingest.source.SceneFormats;

/**
 * Which inbox objects are scenes, by the {@link SceneFormats} the platform reads: a scene document
 * ({@code scene.json}, a STAC Item {@code *.json}) with the files it names in its folder, a SAFE
 * product, or a GeoTIFF ({@code *.tif}, {@code *.tiff}) in a folder that has no document. GeoTIFFs
 * next to a document are its parts, never scenes of their own.
 */
public final class InboxObjects {
  private static final SceneFormats FORMATS = SceneFormats.standard();
  private static final ManifestFormat MANIFEST = new ManifestFormat();
  private static final GeoTiffFormat GEOTIFF = new GeoTiffFormat();

  private InboxObjects() {}

  /** Whether {@code key} is a GeoTIFF (a scene, or a document's part). */
  public static boolean isGeoTiff(String key) {
    return GEOTIFF.claims(key);
  }

  /** Whether {@code key} is a {@code scene.json} manifest. */
  public static boolean isManifest(String key) {
    return MANIFEST.claims(key);
  }

  /** Whether {@code key} is a scene document whose folder's GeoTIFFs are its parts. */
  public static boolean isDocument(String key) {
    return FORMATS.ownsFolder(key);
  }

  /** Whether {@code key} may be a scene: a document, a product or a GeoTIFF. */
  public static boolean isScene(String key) {
    return FORMATS.isScene(key);
  }

  /** The folder of {@code key}, with its trailing slash ({@code ""} at the top). */
  public static String folder(String key) {
    return key.substring(0, key.lastIndexOf('/') + 1);
  }
}
