package org.lcz.ingest.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.LczEvent;
import org.lcz.events.TrainingAreas;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.ingest.source.SceneFormats;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.raster.Gdal;
import org.lcz.raster.RealData;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** Training requests with training areas, through the real S3 server; h5py reads what is built. */
@ExtendWith(LocalStackExtension.class)
class AreaRequestsTest {
  @TempDir Path dir;
  private final List<LczEvent> events = new CopyOnWriteArrayList<>();

  private AreaRequests requests(ObjectStore store, int patch) {
    SceneTiler tiler =
        new SceneTiler(store, new SceneTiler.Settings(SceneFormats.DEFAULT_BANDS, 10, 512, 24));
    return new AreaRequests(
        store,
        SceneFormats.standard(),
        tiler,
        events::add,
        dir.resolve("work"),
        patch,
        Clock.systemUTC());
  }

  private static TrainingRequested request(String runId, ObjectRef areas, List<ObjectRef> scenes) {
    return TrainingRequested.minimal(runId, "msmla-18", ObjectRef.of("x", "y"), Instant.now())
        .with(new TrainingAreas(areas, scenes, null, null))
        .withDataSets(null, null, null);
  }

  /** The patches in the built sets of {@code runId}, per scene index, read by h5py. */
  private String builtPatches(ObjectStore store, String runId) throws Exception {
    Path local = java.nio.file.Files.createDirectories(dir.resolve("built-" + runId));
    StringBuilder files = new StringBuilder();
    for (String name : AreaDataSets.FILES) {
      ObjectRef ref = ObjectRef.of(Buckets.DATASETS, AreaRequests.PREFIX + runId + "/" + name);
      if (store.exists(ref.bucket(), ref.key())) {
        store.download(ref, local.resolve(name));
        files.append("'").append(local.resolve(name)).append("', ");
      }
    }
    return Gdal.python(
            dir,
            "import h5py, numpy as np\nn = {}\n"
                + "for f in ["
                + files
                + "]:\n"
                + "    for s in h5py.File(f)['scene'][:]: n[int(s)] = n.get(int(s), 0) + 1\n"
                + "print(' '.join('%d:%d' % kv for kv in sorted(n.items())))\n")
        .strip();
  }

  @Test
  void theRealAreasAndSceneBecomeDataSetsAndTheRequestGoesOn(LocalStack stack) throws Exception {
    Path folder = RealData.dir().resolve("sentinel2-l2a-porto-trombetas");
    try (ObjectStore store = stack.newObjectStore()) {
      String at = UUID.randomUUID() + "/";
      ObjectRef scene =
          store.put(Buckets.INBOX, at + "sen2.tif", folder.resolve("sen2.tif"), "image/tiff");
      ObjectRef areas =
          store.put(
              Buckets.DATASETS,
              at + "training-areas.kml",
              folder.resolve("training-areas.kml"),
              "application/vnd.google-earth.kml+xml");
      String runId = "areas-" + UUID.randomUUID();
      TrainingRequested request = request(runId, areas, List.of(scene));
      assertThat(requests(store, 48).handle(request)).isEqualTo(AreaRequests.Outcome.BUILT);

      assertThat(events).hasSize(1);
      TrainingRequested sent = (TrainingRequested) events.get(0);
      assertThat(sent.runId()).isEqualTo(runId);
      assertThat(sent.requestedAt()).isEqualTo(request.requestedAt());
      assertThat(sent.trainingAreas()).isEqualTo(request.trainingAreas());
      assertThat(
              sent.trainData()
                  .sameObject(ObjectRef.of(Buckets.DATASETS, "areas/" + runId + "/train.h5")))
          .isTrue();
      // the worker checks what it downloads against these digests
      assertThat(sent.trainData().sha256()).isEqualTo(sha256(store.read(sent.trainData())));
      assertThat(
              sent.validationData()
                  .sameObject(ObjectRef.of(Buckets.DATASETS, "areas/" + runId + "/val.h5")))
          .isTrue();
      assertThat(sent.validationData().sha256())
          .isEqualTo(sha256(store.read(sent.validationData())));
      String prefix = AreaRequests.PREFIX + runId + "/";
      assertThat(new String(store.read(ObjectRef.of(Buckets.DATASETS, prefix + "qc.txt"))))
          .contains("25 training areas read");
      assertThat(store.exists(Buckets.DATASETS, prefix + "areas.json")).isTrue();
      // every patch is of the one scene; 25 areas give at least one cell each
      String perScene = builtPatches(store, runId);
      assertThat(perScene).matches("0:\\d+");
      assertThat(Integer.parseInt(perScene.substring(2))).isGreaterThanOrEqualTo(25);
    }
  }

  @Test
  void anAreaIsSampledInEveryScene(LocalStack stack) throws Exception {
    Path scene = AreaFixtures.scene(dir);
    Path kml = AreaFixtures.areas(dir, 4);
    try (ObjectStore store = stack.newObjectStore()) {
      String at = UUID.randomUUID() + "/";
      ObjectRef first = store.put(Buckets.INBOX, at + "a/scene.tif", scene, "image/tiff");
      ObjectRef second = store.put(Buckets.INBOX, at + "b/scene.tif", scene, "image/tiff");
      ObjectRef areas = store.put(Buckets.DATASETS, at + "areas.kml", kml, "application/xml");
      String one = "one-" + UUID.randomUUID();
      String two = "two-" + UUID.randomUUID();
      AreaRequests r = requests(store, 8);
      assertThat(r.handle(request(one, areas, List.of(first))))
          .isEqualTo(AreaRequests.Outcome.BUILT);
      assertThat(r.handle(request(two, areas, List.of(first, second))))
          .isEqualTo(AreaRequests.Outcome.BUILT);
      String single = builtPatches(store, one); // e.g. 0:57
      assertThat(single).matches("0:\\d+");
      String n = single.substring(2);
      assertThat(builtPatches(store, two)).isEqualTo("0:" + n + " 1:" + n);
    }
  }

  @Test
  void areasThatCannotTrainEndTheRunNamingTheClassAndLeaveTheReport(LocalStack stack)
      throws Exception {
    Path scene = AreaFixtures.scene(dir);
    Path kml = AreaFixtures.areas(dir, 2);
    try (ObjectStore store = stack.newObjectStore()) {
      String at = UUID.randomUUID() + "/";
      ObjectRef s = store.put(Buckets.INBOX, at + "scene.tif", scene, "image/tiff");
      ObjectRef areas = store.put(Buckets.DATASETS, at + "areas.kml", kml, "application/xml");
      String runId = "few-" + UUID.randomUUID();
      assertThat(requests(store, 8).handle(request(runId, areas, List.of(s))))
          .isEqualTo(AreaRequests.Outcome.FAILED);
      TrainingFailed failed = (TrainingFailed) events.get(0);
      assertThat(failed.runId()).isEqualTo(runId);
      assertThat(failed.reason())
          .contains("cannot train a model")
          .contains("class 2: 2 usable areas, fewer than the 3")
          .contains("class G: 2 usable areas")
          .contains("s3://lcz-datasets/areas/" + runId + "/qc.txt");
      assertThat(store.exists(Buckets.DATASETS, "areas/" + runId + "/qc.txt")).isTrue();
      assertThat(store.exists(Buckets.DATASETS, "areas/" + runId + "/train.h5")).isFalse();
    }
  }

  @Test
  void missingObjectsAndNonScenesEndTheRunWithTheReason(LocalStack stack) throws Exception {
    Path kml = AreaFixtures.areas(dir, 4);
    try (ObjectStore store = stack.newObjectStore()) {
      String at = UUID.randomUUID() + "/";
      ObjectRef areas = store.put(Buckets.DATASETS, at + "areas.kml", kml, "application/xml");
      ObjectRef notes =
          store.put(Buckets.INBOX, at + "notes.txt", "not a scene".getBytes(), "text/plain");
      AreaRequests r = requests(store, 8);
      ObjectRef absent = ObjectRef.of(Buckets.DATASETS, at + "absent.kml");
      assertThat(r.handle(request("r1", absent, List.of(notes))))
          .isEqualTo(AreaRequests.Outcome.FAILED);
      assertThat(((TrainingFailed) events.get(0)).reason())
          .contains("no object at " + absent.uri());
      assertThat(r.handle(request("r2", areas, List.of(notes))))
          .isEqualTo(AreaRequests.Outcome.FAILED);
      assertThat(((TrainingFailed) events.get(1)).reason())
          .contains(notes.uri() + " is not a scene");
      ObjectRef noScene = ObjectRef.of(Buckets.INBOX, at + "gone.tif");
      assertThat(r.handle(request("r3", areas, List.of(noScene))))
          .isEqualTo(AreaRequests.Outcome.FAILED);
      assertThat(((TrainingFailed) events.get(2)).reason())
          .contains("no scene at " + noScene.uri());
      // a request with data sets is not ingest's
      assertThat(
              r.handle(
                  TrainingRequested.minimal(
                      "r4", "msmla-18", ObjectRef.of(Buckets.DATASETS, "t.h5"), Instant.now())))
          .isEqualTo(AreaRequests.Outcome.NOT_AREAS);
      assertThat(events).hasSize(3);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
