package org.lcz.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lcz.contract.Radiometry;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;

/**
 * ModelPublished events as the training worker sends them, for tests of what ingest makes of them.
 */
public final class SampleModels {
  private SampleModels() {}

  /** Version {@code version} of model {@code name}, promoted or kept as a candidate. */
  public static ModelPublished published(String name, String version, boolean promoted) {
    Instant t = Instant.parse("2026-11-28T10:00:00Z");
    ObjectRef train = ObjectRef.of(Buckets.DATASETS, "train.h5");
    return new ModelPublished(
        ModelPublished.CURRENT_SCHEMA_VERSION,
        name,
        version,
        ObjectRef.of(Buckets.MODELS, name + "/" + version + "/model.onnx"),
        ObjectRef.of(Buckets.MODELS, name + "/" + version + "/model.json"),
        new ModelContract(
            "MSMLA-18",
            List.of("B2"),
            48,
            10,
            Radiometry.CANONICAL,
            List.of(0.0),
            List.of(1.0),
            List.of(1),
            List.of("1"),
            train,
            Map.of(),
            version,
            t),
        promoted,
        promoted ? "promoted" : "not promoted: OA_w below the current model's",
        0.7,
        null,
        t);
  }
}
