package org.lcz.ingest.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** Opens an inbox object's scene as the ingestion does: plan, download the parts, open. */
final class Plans {
  private Plans() {}

  static SceneSource open(ObjectStore store, SceneFormat format, String key, Path work)
      throws Exception {
    SceneFormat.Plan plan = format.plan(store.stat(Buckets.INBOX, key), store);
    Files.createDirectories(work);
    Map<ObjectRef, Path> local = new LinkedHashMap<>();
    int n = 0;
    for (ObjectRef part : plan.parts()) {
      Path f = Files.createTempFile(work, "part-" + n++ + "-", ".bin");
      store.download(part, f);
      local.put(part, f);
    }
    return plan.open(local, work);
  }
}
