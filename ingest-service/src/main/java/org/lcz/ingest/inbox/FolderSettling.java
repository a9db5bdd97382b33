package org.lcz.ingest.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lcz.storage.ObjectInfo;

/**
 * Which inbox objects are scenes to ingest now, whatever order a folder was uploaded in. A scene
 * document ({@code scene.json}, a STAC Item, a SAFE product) and a GeoTIFF at the top of the inbox
 * are ready at once. A GeoTIFF in a folder is one of the parts of a document when the folder has
 * one; when it has none yet — band files uploaded before their {@code scene.json}, as alphabetical
 * bulk uploads do — it waits until the folder has had no new object for {@code settle}, and only
 * then, still without a document, is taken as a scene of its own.
 *
 * <p>"New" is by this watcher's clock (when it first listed the object, or saw its content change),
 * so the object store's clock does not matter.
 */
public final class FolderSettling {
  private final Duration settle;
  private final Clock clock;
  private final Map<String, Seen> seen = new HashMap<>();

  private record Seen(String etag, Instant at) {}

  public FolderSettling(Duration settle, Clock clock) {
    this.settle = settle;
    this.clock = clock;
  }

  /** Of one listing of the inbox, the scene objects to submit now. */
  public synchronized List<ObjectInfo> ready(List<ObjectInfo> objects) {
    Instant now = clock.instant();
    Set<String> keys = new HashSet<>();
    Set<String> documentFolders = new HashSet<>();
    Map<String, Instant> newestByFolder = new HashMap<>();
    for (ObjectInfo o : objects) {
      String key = o.ref().key();
      keys.add(key);
      Seen s = seen.get(key);
      if (s == null || !s.etag().equals(String.valueOf(o.etag()))) {
        s = new Seen(String.valueOf(o.etag()), now);
        seen.put(key, s);
      }
      newestByFolder.merge(InboxObjects.folder(key), s.at(), (a, b) -> a.isAfter(b) ? a : b);
      if (InboxObjects.isDocument(key)) {
        documentFolders.add(InboxObjects.folder(key));
      }
    }
    seen.keySet().retainAll(keys);
    List<ObjectInfo> ready = new ArrayList<>();
    for (ObjectInfo o : objects) {
      String key = o.ref().key();
      if (!InboxObjects.isScene(key)) {
        continue;
      }
      String folder = InboxObjects.folder(key);
      if (!InboxObjects.isGeoTiff(key) || folder.isEmpty()) {
        ready.add(o);
      } else if (!documentFolders.contains(folder)
          && !newestByFolder.get(folder).plus(settle).isAfter(now)) {
        ready.add(o);
      }
    }
    return ready;
  }

  /** Whether a GeoTIFF at {@code key} waits for its folder to settle before it is a scene. */
  public static boolean waitsForFolder(String key) {
    return InboxObjects.isGeoTiff(key) && !InboxObjects.folder(key).isEmpty();
  }
}
