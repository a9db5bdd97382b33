package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.LczEvent;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.SceneTiled;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.ingest.TopicEvents;
import org.lcz.raster.Scenes;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** GeoTIFFs dropped into the inbox of the real S3 server become tiles and events on the broker. */
@QuarkusTest
@TestProfile(SmallTiles.class)
@WithTestResource(LocalStackTestResource.class)
class InboxWatcherTest {
  private static Path fixtures;

  @Inject ObjectStore store;
  @Inject InboxWatcher watcher;
  @Inject IngestQueue queue;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @BeforeAll
  static void writeFixtures() throws Exception {
    fixtures = Files.createTempDirectory("scenes");
    Scenes.write(fixtures);
  }

  private String drop(String fixture) {
    String key = "it-" + UUID.randomUUID() + ".tif";
    store.put(Buckets.INBOX, key, fixtures.resolve(fixture), "image/tiff");
    return SceneIds.of(key, store.stat(Buckets.INBOX, key).etag());
  }

  private List<LczEvent> events(String topic, Predicate<LczEvent> mine) {
    return new TopicEvents(bootstrap).read(topic, mine);
  }

  /**
   * Returns once the watcher has finished {@code n} more polls of the inbox and nothing is queued:
   * whatever those polls found is on the broker by then (the queue publishes before it is idle), so
   * an event that is absent afterwards will not come from them.
   */
  private void afterPolls(int n) throws InterruptedException {
    long target = watcher.polls() + n;
    java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
    while (watcher.polls() < target || !queue.idle()) {
      if (java.time.Instant.now().isAfter(deadline)) {
        throw new AssertionError("the inbox watcher did not poll " + n + " times within 60 s");
      }
      Thread.sleep(50);
    }
  }

  private List<LczEvent> await(
      String topic, Predicate<LczEvent> mine, Predicate<List<LczEvent>> done) throws Exception {
    return new TopicEvents(bootstrap).await(topic, mine, done);
  }

  @Test
  void aDroppedSceneBecomesTilesTileEventsAndSceneTiledOnce() throws Exception {
    String sceneId = drop("tiled_deflate_pred2.tif");
    List<LczEvent> scene =
        await(
            Topics.SCENES,
            e ->
                e instanceof SceneTiled t && t.sceneId().equals(sceneId)
                    || e instanceof SceneReceived r && r.sceneId().equals(sceneId),
            l -> l.stream().anyMatch(SceneTiled.class::isInstance));
    SceneTiled tiled =
        scene.stream()
            .filter(SceneTiled.class::isInstance)
            .map(SceneTiled.class::cast)
            .findFirst()
            .get();
    assertThat(tiled.tileCount()).isEqualTo(6);
    List<LczEvent> tiles =
        events(Topics.TILES, e -> e instanceof TileReady t && t.sceneId().equals(sceneId));
    assertThat(tiles).hasSize(6);
    for (LczEvent e : tiles) {
      TileReady t = (TileReady) e;
      assertThat(store.exists(Buckets.TILES, t.tile().key())).isTrue();
      assertThat(t.manifest()).isEqualTo(tiled.manifest());
    }
    SceneStatus status =
        SceneStatus.read(store.read(ObjectRef.of(Buckets.TILES, SceneStatus.key(sceneId))));
    assertThat(status.state()).isEqualTo(SceneStatus.TILED);

    // later polls see the same object again and ingest nothing twice
    afterPolls(3);
    assertThat(events(Topics.SCENES, e -> e instanceof SceneTiled t && t.sceneId().equals(sceneId)))
        .hasSize(1);
    assertThat(events(Topics.TILES, e -> e instanceof TileReady t && t.sceneId().equals(sceneId)))
        .hasSize(6);
  }

  @Test
  void aCrsOutsideSissBuiltInSetIsKnownInsideTheService() throws Exception {
    String sceneId = drop("sirgas_utm25s.tif"); // EPSG:31985, SIRGAS 2000 / UTM zone 25S
    List<LczEvent> done =
        await(
            Topics.SCENES,
            e ->
                e instanceof SceneTiled t && t.sceneId().equals(sceneId)
                    || e instanceof SceneRejected r && r.sceneId().equals(sceneId),
            l -> !l.isEmpty());
    assertThat(done.get(0)).isInstanceOf(SceneTiled.class);
  }

  @Test
  void aSceneWithoutGeoreferencingIsRejectedWithAReasonAndNoTiles() throws Exception {
    String sceneId = drop("no_crs.tif");
    SceneRejected rejected =
        (SceneRejected)
            await(
                    Topics.SCENES,
                    e -> e instanceof SceneRejected r && r.sceneId().equals(sceneId),
                    l -> !l.isEmpty())
                .get(0);
    assertThat(rejected.reason()).contains("has no coordinate reference system");
    assertThat(events(Topics.TILES, e -> e instanceof TileReady t && t.sceneId().equals(sceneId)))
        .isEmpty();
    assertThat(store.list(Buckets.TILES, "scenes/" + sceneId + "/")).isEmpty();
    SceneStatus status =
        SceneStatus.read(store.read(ObjectRef.of(Buckets.TILES, SceneStatus.key(sceneId))));
    assertThat(status.state()).isEqualTo(SceneStatus.REJECTED);
    assertThat(status.reason()).isEqualTo(rejected.reason());
  }

  private Path manifestScenes() throws Exception {
    Path made = Files.createTempDirectory("manifests");
    Path script =
        Path.of(getClass().getResource("/org/lcz/ingest/tiling/make_manifest_scenes.py").toURI());
    assertThat(
            new ProcessBuilder("/usr/bin/python3", script.toString(), made.toString())
                .inheritIO()
                .start()
                .waitFor())
        .isZero();
    return made;
  }

  @Test
  void bandFilesUploadedBeforeTheirManifestWaitForItAndAreItsParts() throws Exception {
    // the finding: alphabetical bulk uploads put B2.tif … before scene.json, and each band file
    // became a scene of its own (and was rejected)
    Path made = manifestScenes();
    String folder = "bulk-" + UUID.randomUUID() + "/";
    for (String f : List.of("B2.tif", "B3.tif", "B4_20m.tif", "LC_30m.tif")) {
      store.put(Buckets.INBOX, folder + f, made.resolve("good").resolve(f), "image/tiff");
    }
    afterPolls(3); // polls see the band files alone (settling takes 4 s)
    store.put(
        Buckets.INBOX, folder + "scene.json", made.resolve("good/scene.json"), "application/json");
    String sceneId =
        SceneIds.of(folder + "scene.json", store.stat(Buckets.INBOX, folder + "scene.json").etag());
    await(
        Topics.SCENES,
        e -> e instanceof SceneTiled t && t.sceneId().equals(sceneId),
        l -> !l.isEmpty());
    assertThat(
            events(
                Topics.SCENES,
                e ->
                    (e instanceof SceneReceived r && r.source().key().startsWith(folder))
                        || (e instanceof SceneRejected j && j.source().key().startsWith(folder))))
        .extracting(e -> e.getClass().getSimpleName() + " " + source(e))
        .containsExactly("SceneReceived " + folder + "scene.json");
  }

  @Test
  void aLoneGeoTiffInAFolderBecomesASceneOnceItsFolderHasSettled() throws Exception {
    String key = "lone-" + UUID.randomUUID() + "/scene.tif";
    java.time.Instant put = java.time.Instant.now();
    store.put(Buckets.INBOX, key, fixtures.resolve("strips_uint16.tif"), "image/tiff");
    String sceneId = SceneIds.of(key, store.stat(Buckets.INBOX, key).etag());
    SceneReceived received =
        (SceneReceived)
            await(
                    Topics.SCENES,
                    e -> e instanceof SceneReceived r && r.sceneId().equals(sceneId),
                    l -> !l.isEmpty())
                .get(0);
    // not before its folder was quiet for lcz.ingest.folder-settle (4 s in this profile)
    assertThat(java.time.Duration.between(put, received.receivedAt()))
        .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(3500));
    await(
        Topics.SCENES,
        e -> e instanceof SceneTiled t && t.sceneId().equals(sceneId),
        l -> !l.isEmpty());
  }

  @Test
  void anEmptyFileAndAnEmptyManifestAreRejectedAtOnceWithTheReason() throws Exception {
    // the finding: an empty file ended as "tiling failed 3 times", a {} scene.json stayed
    // received forever; both are permanent problems a person must fix
    String empty = "empty-" + UUID.randomUUID() + ".tif";
    store.put(Buckets.INBOX, empty, new byte[0], "image/tiff");
    String folder = "empty-manifest-" + UUID.randomUUID() + "/";
    store.put(
        Buckets.INBOX,
        folder + "scene.json",
        "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        "application/json");
    for (String key : List.of(empty, folder + "scene.json")) {
      String sceneId = SceneIds.of(key, store.stat(Buckets.INBOX, key).etag());
      SceneRejected rejected =
          (SceneRejected)
              await(
                      Topics.SCENES,
                      e -> e instanceof SceneRejected r && r.sceneId().equals(sceneId),
                      l -> !l.isEmpty())
                  .get(0);
      assertThat(rejected.reason())
          .as(key)
          .doesNotContain("failed 3 times")
          .contains(
              key.equals(empty)
                  ? empty + ": the file is empty (0 bytes)"
                  : "scene.json: lists no bands");
      SceneStatus status =
          SceneStatus.read(store.read(ObjectRef.of(Buckets.TILES, SceneStatus.key(sceneId))));
      assertThat(status.attempts()).as("not retried: %s", rejected.reason()).isLessThanOrEqualTo(1);
    }
  }

  private static String source(LczEvent e) {
    return e instanceof SceneReceived r
        ? r.source().key()
        : e instanceof SceneRejected j ? j.source().key() : "";
  }

  @Test
  void aManifestFolderIsOneSceneAndItsBandFilesAreNotScenesOfTheirOwn() throws Exception {
    Path made = manifestScenes();
    String folder = "city-" + UUID.randomUUID() + "/";
    // the manifest first, its files after: the watcher waits for them
    store.put(
        Buckets.INBOX, folder + "scene.json", made.resolve("good/scene.json"), "application/json");
    afterPolls(2); // the watcher has seen the manifest without its files
    for (String f : List.of("B2.tif", "B3.tif", "B4_20m.tif", "LC_30m.tif")) {
      store.put(Buckets.INBOX, folder + f, made.resolve("good").resolve(f), "image/tiff");
    }
    String sceneId =
        SceneIds.of(folder + "scene.json", store.stat(Buckets.INBOX, folder + "scene.json").etag());
    await(
        Topics.SCENES,
        e -> e instanceof SceneTiled t && t.sceneId().equals(sceneId),
        l -> !l.isEmpty());
    afterPolls(3);
    // no band file became a scene
    assertThat(
            events(
                Topics.SCENES,
                e -> e instanceof SceneReceived r && r.source().key().startsWith(folder)))
        .extracting(e -> ((SceneReceived) e).source().key())
        .containsExactly(folder + "scene.json");
  }
}
