package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.LczEvent;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.SceneTiled;
import org.lcz.events.TileReady;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.SceneRaster;
import org.lcz.raster.TileLayout;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;

/**
 * scene.json scenes made by GDAL, through the real S3 server: bands at other resolutions and
 * extents are resampled as gdalwarp would, and bad manifests are rejected with their reason.
 */
@ExtendWith(LocalStackExtension.class)
class SceneIngestionTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    Path script =
        Path.of(
            SceneIngestionTest.class
                .getResource("/org/lcz/ingest/tiling/make_manifest_scenes.py")
                .toURI());
    Process p =
        new ProcessBuilder("/usr/bin/python3", script.toString(), dir.toString())
            .inheritIO()
            .start();
    assertThat(p.waitFor()).as("make_manifest_scenes.py (python3-gdal)").isZero();
  }

  private final List<LczEvent> events = new CopyOnWriteArrayList<>();

  private SceneIngestion ingestion(ObjectStore store, Duration wait) {
    SceneTiler tiler =
        new SceneTiler(
            store, new SceneTiler.Settings(List.of("B2", "B3", "B4", "LC"), 10, 128, 24));
    return new SceneIngestion(
        store, tiler, events::add, dir.resolve("work"), Clock.systemUTC(), wait);
  }

  /**
   * Puts fixture folder {@code name} into the inbox under a fresh folder; returns the manifest key.
   */
  private static String drop(ObjectStore store, String name) throws Exception {
    String folder = "manifests/" + UUID.randomUUID() + "/";
    try (var files = Files.list(dir.resolve(name))) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().equals("scene.json")) {
          store.put(Buckets.INBOX, folder + f.getFileName(), f, "image/tiff");
        }
      }
    }
    store.put(
        Buckets.INBOX,
        folder + "scene.json",
        dir.resolve(name).resolve("scene.json"),
        "application/json");
    return folder + "scene.json";
  }

  private static double[][] oracle(String name) {
    try (SceneRaster r = SceneRaster.open(dir.resolve("oracle").resolve(name + ".tif"))) {
      Raster px = r.read(0, 0, 300, 200);
      double[][] v = new double[200][300];
      for (int y = 0; y < 200; y++) {
        for (int x = 0; x < 300; x++) {
          v[y][x] = px.getSampleDouble(x, y, 0); // the warp's nodata (0) is 0
        }
      }
      return v;
    }
  }

  @Test
  void aSceneLeftInTilingIsTriedAgainByTheNextServiceAndGivenUpAfterThreeAttempts(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      // a real failure mid-tiling that is not the scene's fault: the work folder is a file
      Path blocked = Files.writeString(dir.resolve("blocked-" + UUID.randomUUID()), "a file");
      SceneTiler tiler =
          new SceneTiler(
              store, new SceneTiler.Settings(List.of("B2", "B3", "B4", "LC"), 10, 128, 24));
      SceneIngestion failing =
          new SceneIngestion(
              store, tiler, events::add, blocked, Clock.systemUTC(), Duration.ofMinutes(10));

      // 1. it fails as a crash would leave it: tiling, attempt 1; a restarted service (a new
      //    SceneIngestion with a usable work folder) takes it up again and tiles it
      var recovered = store.stat(Buckets.INBOX, drop(store, "good"));
      String recoveredId = SceneIngestion.sceneId(recovered);
      assertThatThrownBy(() -> failing.ingest(recovered)).isInstanceOf(RuntimeException.class);
      assertThat(failing.status(recoveredId).orElseThrow().state()).isEqualTo(SceneStatus.TILING);
      assertThat(failing.status(recoveredId).orElseThrow().attempts()).isEqualTo(1);
      SceneIngestion restarted = ingestion(store, Duration.ofMinutes(10));
      assertThat(restarted.ingest(recovered)).isEqualTo(SceneIngestion.Outcome.TILED);
      assertThat(restarted.status(recoveredId).orElseThrow().attempts()).isEqualTo(2);

      // 2. a scene that keeps failing is rejected after three attempts, naming the log
      var doomed = store.stat(Buckets.INBOX, drop(store, "good"));
      String doomedId = SceneIngestion.sceneId(doomed);
      for (int attempt = 1; attempt <= SceneIngestion.MAX_ATTEMPTS; attempt++) {
        assertThatThrownBy(() -> failing.ingest(doomed)).isInstanceOf(RuntimeException.class);
        assertThat(failing.status(doomedId).orElseThrow().attempts()).isEqualTo(attempt);
      }
      assertThat(failing.ingest(doomed)).isEqualTo(SceneIngestion.Outcome.REJECTED);
      SceneStatus rejected = failing.status(doomedId).orElseThrow();
      assertThat(rejected.state()).isEqualTo(SceneStatus.REJECTED);
      assertThat(rejected.reason()).isEqualTo("tiling failed 3 times; see the service log");
      assertThat(events)
          .anySatisfy(
              e ->
                  assertThat(e)
                      .isInstanceOfSatisfying(
                          org.lcz.events.SceneRejected.class,
                          r -> assertThat(r.sceneId()).isEqualTo(doomedId)));
      assertThat(store.list(Buckets.TILES, "scenes/" + doomedId + "/tiles/")).isEmpty();
    }
  }

  /** Drops fixture {@code name} with {@code "acquired"} in its scene.json, and metadata on it. */
  private static String dropDated(
      ObjectStore store, String name, String acquired, Map<String, String> metadata)
      throws Exception {
    String key = drop(store, name);
    String json = Files.readString(dir.resolve(name).resolve("scene.json"));
    if (acquired != null) {
      json = json.replaceFirst("\\{", "{\"acquired\": \"" + acquired + "\", ");
    }
    Path dated = Files.writeString(dir.resolve("dated-" + UUID.randomUUID() + ".json"), json);
    store.put(Buckets.INBOX, key, dated, "application/json", metadata);
    return key;
  }

  private <T extends LczEvent> T last(Class<T> type, String sceneId) {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (type.isInstance(events.get(i)) && events.get(i).key().equals(sceneId)) {
        return type.cast(events.get(i));
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " for " + sceneId + " in " + events);
  }

  @Test
  void theAcquisitionTimeComesFromTheSourceOrTheUploadAndIsAbsentWhenNeitherSays(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      SceneIngestion ingestion = ingestion(store, Duration.ofMinutes(10));
      Instant manifestTime = Instant.parse("2025-06-01T10:20:31Z");
      Instant uploadTime = Instant.parse("2025-07-04T00:00:00Z");

      // the manifest says; nothing else does: SceneReceived cannot know yet, SceneTiled does
      var fromManifest =
          store.stat(Buckets.INBOX, dropDated(store, "good", "2025-06-01T10:20:31Z", Map.of()));
      assertThat(ingestion.ingest(fromManifest)).isEqualTo(SceneIngestion.Outcome.TILED);
      String a = SceneIngestion.sceneId(fromManifest);
      assertThat(last(SceneReceived.class, a).acquiredAt()).isNull();
      SceneTiled tiledA = last(SceneTiled.class, a);
      assertThat(tiledA.acquiredAt()).isEqualTo(manifestTime);
      assertThat(SceneManifest.read(store.read(tiledA.manifest())).acquiredAt())
          .isEqualTo(manifestTime);

      // the object's 'acquired' metadata (the upload parameter) is a person's word: it wins, it
      // is known at receipt, and the files' other time is noted; the watcher's listing has no
      // metadata, so ingest looks the object up
      String key =
          dropDated(store, "good", "2025-06-01T10:20:31Z", Map.of("acquired", "2025-07-04"));
      var listed =
          store.list(Buckets.INBOX, key).stream()
              .filter(o -> o.ref().key().equals(key))
              .findFirst()
              .orElseThrow();
      assertThat(listed.metadata()).isEmpty();
      assertThat(ingestion.ingest(listed)).isEqualTo(SceneIngestion.Outcome.TILED);
      String b = SceneIngestion.sceneId(listed);
      assertThat(last(SceneReceived.class, b).acquiredAt()).isEqualTo(uploadTime);
      assertThat(last(SceneTiled.class, b).acquiredAt()).isEqualTo(uploadTime);
      assertThat(ingestion.status(b).orElseThrow().notes())
          .contains(
              "acquired " + uploadTime + " as the upload says; the files say " + manifestTime);

      // nothing says: absent everywhere, not the upload time in disguise
      var undated = store.stat(Buckets.INBOX, dropDated(store, "good", null, Map.of()));
      assertThat(ingestion.ingest(undated)).isEqualTo(SceneIngestion.Outcome.TILED);
      String c = SceneIngestion.sceneId(undated);
      assertThat(last(SceneTiled.class, c).acquiredAt()).isNull();
      assertThat(SceneManifest.read(store.read(last(SceneTiled.class, c).manifest())).acquiredAt())
          .isNull();
    }
  }

  @Test
  void bandsOnOtherGridsAreResampledOntoTheReferenceAsGdalwarpDoes(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String key = drop(store, "good");
      SceneIngestion ingestion = ingestion(store, Duration.ofMinutes(10));
      var object = store.stat(Buckets.INBOX, key);
      assertThat(ingestion.ingest(object)).isEqualTo(SceneIngestion.Outcome.TILED);
      String sceneId = SceneIngestion.sceneId(object);
      assertThat(sceneId).startsWith(key.split("/")[1].substring(0, 8));
      assertThat(events.get(0)).isInstanceOf(SceneReceived.class);
      SceneTiled tiled = (SceneTiled) events.get(events.size() - 1);
      SceneManifest manifest = SceneManifest.read(store.read(tiled.manifest()));
      assertThat(manifest.width()).isEqualTo(300);
      assertThat(manifest.bands()).containsExactly("B2", "B3", "B4", "LC");
      assertThat(manifest.sampleType()).isEqualTo("UInt16");
      assertThat(manifest.nodata()).isEqualTo(0.0);

      double[][] b4 = oracle("B4_20m");
      double[][] lc = oracle("LC_30m");
      TileLayout layout = new TileLayout(300, 200, 128, 24);
      int compared = 0;
      int covered = 0;
      for (LczEvent e : events) {
        if (!(e instanceof TileReady t)) {
          continue;
        }
        Path local = dir.resolve(t.tileId() + ".tif");
        store.download(t.tile(), local);
        TileLayout.Tile tile = layout.tile(t.row(), t.col());
        int[] xs = layout.sourceColumns(tile);
        int[] ys = layout.sourceRows(tile);
        try (SceneRaster r = SceneRaster.open(local)) {
          Raster px = r.read(0, 0, r.width(), r.height());
          for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
              int x = xs[i];
              int y = ys[j];
              assertThat(px.getSample(i, j, 0)).isEqualTo((37 * y + 11 * x) % 251 + 1000);
              assertThat(px.getSample(i, j, 1)).isEqualTo((37 * y + 11 * x + 101) % 251 + 1000);
              // bilinear: GDAL's own result, rounded; the outermost half source pixel is left out
              // (GDAL renormalises its kernel there, we extend the edge pixel)
              if (x >= 1 && x < 299 && y >= 1 && y < 199) {
                assertThat((double) px.getSample(i, j, 2))
                    .as("B4 at (%d, %d)", x, y)
                    .isCloseTo(b4[y][x], org.assertj.core.api.Assertions.within(0.5001));
                compared++;
              }
              // nearest, categorical, with nodata outside the land-cover raster's extent
              assertThat((double) px.getSample(i, j, 3))
                  .as("LC at (%d, %d)", x, y)
                  .isEqualTo(lc[y][x]);
              covered += lc[y][x] > 0 ? 1 : 0;
            }
          }
        }
        Files.delete(local);
      }
      assertThat(compared).isGreaterThan(50_000);
      assertThat(covered).isGreaterThan(10_000).isLessThan(70_000);
      assertThat(ingestion.status(sceneId).orElseThrow().state()).isEqualTo(SceneStatus.TILED);
    }
  }

  @Test
  void aManifestWaitsForItsFilesThenIsRejectedNamingTheMissingOnes(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String key = drop(store, "missing");
      var object = store.stat(Buckets.INBOX, key);
      SceneIngestion patient = ingestion(store, Duration.ofHours(1));
      assertThat(patient.ingest(object)).isEqualTo(SceneIngestion.Outcome.WAITING);
      SceneStatus waiting = patient.status(SceneIngestion.sceneId(object)).orElseThrow();
      assertThat(waiting.state()).isEqualTo(SceneStatus.RECEIVED);
      assertThat(waiting.reason())
          .isEqualTo("waiting for s3://lcz-inbox/" + InboxObjects.folder(key) + "dem.tif");

      SceneIngestion impatient = ingestion(store, Duration.ZERO);
      assertThat(impatient.ingest(object)).isEqualTo(SceneIngestion.Outcome.REJECTED);
      SceneRejected rejected = lastRejection();
      assertThat(rejected.reason())
          .startsWith("scene.json names objects that are not in the store after PT0S: ")
          .endsWith("s3://lcz-inbox/" + InboxObjects.folder(key) + "dem.tif");
      assertThat(events).noneMatch(TileReady.class::isInstance);
    }
  }

  @Test
  void aFileOnAnotherCrsOrABrokenManifestIsRejectedWithTheReason(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      String key = drop(store, "other_crs");
      SceneIngestion ingestion = ingestion(store, Duration.ofMinutes(10));
      assertThat(ingestion.ingest(store.stat(Buckets.INBOX, key)))
          .isEqualTo(SceneIngestion.Outcome.REJECTED);
      assertThat(lastRejection().reason())
          .isEqualTo(
              "B4_20m.tif: its coordinate reference system (EPSG:32633) differs from B2.tif's"
                  + " (EPSG:32632); reproject it, e.g. gdalwarp -t_srs EPSG:32632 in.tif out.tif");

      String broken = "manifests/" + UUID.randomUUID() + "/scene.json";
      store.put(
          Buckets.INBOX,
          broken,
          "{\"bands\": [{\"name\": \"B2\", \"file\": \"../other/B2.tif\"}]}".getBytes(),
          "application/json");
      assertThat(ingestion.ingest(store.stat(Buckets.INBOX, broken)))
          .isEqualTo(SceneIngestion.Outcome.REJECTED);
      assertThat(lastRejection().reason())
          .isEqualTo(
              "scene.json: band B2: file ../other/B2.tif must be a path inside the manifest's"
                  + " folder");
      assertThat(events).noneMatch(TileReady.class::isInstance);
      List<String> left = new ArrayList<>();
      store.list(Buckets.TILES, "scenes/").forEach(o -> left.add(o.ref().key()));
      String id = SceneIngestion.sceneId(store.stat(Buckets.INBOX, key));
      assertThat(left).noneMatch(k -> k.startsWith("scenes/" + id + "/"));
    }
  }

  private SceneRejected lastRejection() {
    for (int i = events.size() - 1; i >= 0; i--) {
      if (events.get(i) instanceof SceneRejected r) {
        return r;
      }
    }
    throw new AssertionError("no SceneRejected in " + events);
  }
}
