package org.lcz.ingest.inbox;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.lcz.storage.Sha256;

/**
 * Scene ids derived from the inbox object alone (its key and ETag), so the same object always gets
 * the same id however often it is seen, and a replaced object gets a new one.
 */
public final class SceneIds {
  private SceneIds() {}

  /**
   * E.g. {@code seoul_2026-05-01-3f9a2c1b} for {@code seoul_2026-05-01.tif} with its ETag. When the
   * name alone does not tell the object apart — it is in a folder, or characters were replaced
   * ({@code séoul.tif}, spaces) or cut — four hex digits of the key's SHA-256 follow ({@code
   * seoul_2026-05-01-3f9a2c1b-k1a2b}), so the same content under two keys is two scenes. A manifest
   * {@code seoul/2026-05-01/scene.json} is named after its folder ({@code 2026-05-01-…-k…}).
   */
  public static String of(String key, String etag) {
    String fullKey = key;
    if (InboxObjects.isManifest(key) && key.contains("/")) {
      key = key.substring(0, key.lastIndexOf('/'));
    }
    String name = key.substring(key.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String original = dot > 0 ? name.substring(0, dot) : name;
    String stem = original.replaceAll("[^A-Za-z0-9._-]", "_");
    if (stem.length() > 60) {
      stem = stem.substring(0, 60);
    }
    String tag = etag == null ? "" : etag.replace("\"", "").toLowerCase(Locale.ROOT);
    tag = tag.replaceAll("[^a-z0-9]", "");
    String id = stem + "-" + (tag.length() > 8 ? tag.substring(0, 8) : tag);
    boolean lossless = !fullKey.contains("/") && stem.equals(original);
    return lossless
        ? id
        : id + "-k" + Sha256.of(fullKey.getBytes(StandardCharsets.UTF_8)).substring(0, 4);
  }
}
