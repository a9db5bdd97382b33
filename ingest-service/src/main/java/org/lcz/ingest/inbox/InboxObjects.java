package org.lcz.ingest.inbox;

import java.util.Locale;

/** Which inbox objects are scenes: GeoTIFFs ({@code *.tif}, {@code *.tiff}). */
public final class InboxObjects {
  private InboxObjects() {}

  /** Whether the inbox object {@code key} is a scene to ingest. */
  public static boolean isScene(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.endsWith(".tif") || k.endsWith(".tiff");
  }
}
