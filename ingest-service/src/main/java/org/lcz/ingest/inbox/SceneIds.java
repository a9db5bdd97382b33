package org.lcz.ingest.inbox;

import java.util.Locale;

/**
 * Scene ids derived from the inbox object alone (its key and ETag), so the same object always gets
 * the same id however often it is seen, and a replaced object gets a new one.
 */
public final class SceneIds {
  private SceneIds() {}

  /**
   * E.g. {@code seoul_2026-05-01-3f9a2c1b} for {@code seoul 2026-05-01.tif} with its ETag; a
   * manifest {@code seoul/2026-05-01/scene.json} is named after its folder ({@code 2026-05-01-…}).
   */
  public static String of(String key, String etag) {
    if (InboxObjects.isManifest(key) && key.contains("/")) {
      key = key.substring(0, key.lastIndexOf('/'));
    }
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    stem = stem.replaceAll("[^A-Za-z0-9._-]", "_");
    if (stem.length() > 60) {
      stem = stem.substring(0, 60);
    }
    String tag = etag == null ? "" : etag.replace("\"", "").toLowerCase(Locale.ROOT);
    tag = tag.replaceAll("[^a-z0-9]", "");
    return stem + "-" + (tag.length() > 8 ? tag.substring(0, 8) : tag);
  }
}
