package org.lcz.inference.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.MapTileWritten;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.inference.Fixtures;
import org.lcz.inference.map.MapTile;
import org.lcz.inference.map.MapTileFile;
import org.lcz.inference.map.TileMapper;
import org.lcz.inference.model.ComputeDevice;
import org.lcz.inference.model.DevicePreference;
import org.lcz.inference.model.ModelOpener;
import org.lcz.inference.model.OrtClassifier;
import org.lcz.inference.window.PatchSampler;
import org.lcz.inference.window.TilePixels;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.GroupOffsets;
import org.lcz.raster.CellGrid;
import org.lcz.raster.SceneRaster;
import org.lcz.raster.TileCutter;
import org.lcz.raster.TileLayout;
import org.lcz.scheme.LczFilter;
import org.lcz.storage.ObjectStore;

/**
 * Whole workers against the local stack's real broker and S3 server, with a model trained and
 * exported by the training worker's code and scenes tiled by the ingest service's tiler.
 */
@ExtendWith(LocalStackExtension.class)
class WorkerLoopsTest {
  private static final int HALO = 8;
  private static final int COG_BLOCK = 32;
  private static final Duration MINUTES_2 = Duration.ofMinutes(2);

  @Test
  void aSceneEndsAsOneValidCogPreviewAndStacItemThatEqualTheSceneMappedInOnePiece(
      LocalStack stack, @TempDir Path work) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    try (ObjectStore store = stack.newObjectStore()) {
      ModelPublished published = Fixtures.sharedModel(bootstrap, store);
      Path scene = Fixtures.scene(work, 700, 460, 5);
      String sceneId = "one-" + UUID.randomUUID();
      String run = UUID.randomUUID().toString();
      GroupOffsets.startAtEnd(bootstrap, "tiles-" + run, Topics.TILES);
      SceneTiler.Result tiled = Fixtures.tile(store, sceneId, scene, 256, HALO);
      assertThat(tiled.tiles()).hasSize(6);

      try (WorkerLoops worker = worker(stack, store, work.resolve("a"), run)) {
        publish(bootstrap, tiled.tiles());
        publish(bootstrap, tiled.tiles()); // every tile delivered twice
        await(() -> worker.tiles().mapped() == 12, Duration.ofMinutes(3));
        await(() -> !completions(bootstrap, sceneId).isEmpty(), Duration.ofMinutes(1));
      }
      // closed: the worker's loops have ended and its producers flushed, so whatever it would
      // announce is on the broker; read to the topic's end offsets, the count below is final

      List<SceneMapCompleted> done = completions(bootstrap, sceneId);
      assertThat(done).hasSize(1);
      SceneMapCompleted completed = done.get(0);
      assertThat(completed.modelVersion()).isEqualTo(published.version());
      assertThat(completed.tileCount()).isEqualTo(6);
      assertThat(Fixtures.events(bootstrap, Topics.MAPS, sceneId, MapTileWritten.class))
          .hasSize(12)
          .allSatisfy(w -> assertThat(w.modelVersion()).isEqualTo(published.version()));

      // the COG: valid for GDAL's validator; overviews, colour table, georeferencing for gdalinfo
      Path cog = store.download(completed.map(), work.resolve("lcz.tif"));
      assertThat(
              run(
                  "/usr/bin/python3",
                  "-m",
                  "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                  cog.toString()))
          .contains("is a valid cloud optimized GeoTIFF");
      JsonNode info = new ObjectMapper().readTree(run("gdalinfo", "-json", cog.toString()));
      assertThat(info.at("/size").toString()).isEqualTo("[70,46]");
      assertThat(info.at("/geoTransform").toString())
          .isEqualTo("[500000.0,100.0,0.0,5000000.0,0.0,-100.0]");
      assertThat(info.at("/coordinateSystem/wkt").asText()).contains("\"EPSG\",32632]]");
      JsonNode band1 = info.at("/bands/0");
      assertThat(band1.at("/overviews")).hasSize(2);
      assertThat(band1.at("/colorInterpretation").asText()).isEqualTo("Palette");
      assertThat(band1.at("/colorTable/entries/1").toString()).isEqualTo("[140,0,0,255]");
      assertThat(band1.at("/noDataValue").asInt()).isZero();
      assertThat(info.at("/bands"))
          .extracting(b -> b.at("/description").asText())
          .containsExactly("lcz", "lczFilter", "classProbability");
      assertThat(info.at("/metadata//LCZ_MODEL_VERSION").asText()).isEqualTo(published.version());

      // seamless: the tiled map equals the scene mapped in one piece, cell for cell, and its
      // filtered band the filter of that one piece (the filter runs across tile borders)
      List<byte[]> assembled = MapTileFile.bands(Files.readAllBytes(cog));
      MapTile whole = inOnePiece(store, published, scene, work);
      assertThat(assembled.get(0)).isEqualTo(whole.classes());
      assertThat(assembled.get(1))
          .isEqualTo(LczFilter.demuzere().filter(whole.classes(), 70, 46, 100, 100));
      assertThat(assembled.get(2)).isEqualTo(whole.confidence());
      assertThat(distinct(assembled.get(0))).as("stripes map to several classes").isGreaterThan(1);
      List<byte[]> probabilities =
          MapTileFile.bands(store.read(completed.products().get("probabilities")));
      assertThat(probabilities).hasSize(17);
      for (int v = 1; v <= 17; v++) {
        byte[] expected =
            java.util.Arrays.copyOfRange(whole.probabilities(), (v - 1) * 70 * 46, v * 70 * 46);
        for (int i = 0; i < expected.length; i++) {
          expected[i] = whole.classes()[i] == 0 ? (byte) 255 : expected[i];
        }
        assertThat(probabilities.get(v - 1)).as("LCZ value %d", v).isEqualTo(expected);
      }
      assertThat(completed.products().keySet())
          .containsExactly(
              "map",
              "probabilities",
              "map-4326",
              "kmz",
              "areas",
              "areas-csv",
              "preview",
              "web-lcz",
              "web-lczFilter",
              "web-confidence",
              "web-layers",
              "stac-item");

      // the preview and the STAC item
      BufferedImage preview =
          ImageIO.read(new ByteArrayInputStream(store.read(completed.preview())));
      assertThat(preview.getWidth()).isGreaterThan(700);
      JsonNode item = new ObjectMapper().readTree(store.read(completed.stacItem()));
      assertThat(item.at("/properties/proj:code").asText()).isEqualTo("EPSG:32632");
      assertThat(item.at("/properties/proj:shape").toString()).isEqualTo("[46,70]");
      assertThat(item.at("/assets/map/href").asText()).isEqualTo(completed.map().uri());
      assertThat(item.at("/assets/map/raster:bands/0/classification:classes")).hasSize(18);
      assertThat(item.at("/assets/map/raster:bands/0/classification:classes/0/color_hint").asText())
          .isEqualTo("8C0000");
      assertThat(item.at("/bbox/0").asDouble()).isBetween(8.99, 9.01); // UTM 32N, x = 500 km
      assertThat(item.at("/bbox/3").asDouble()).isBetween(45.1, 45.2);
    }
  }

  @Test
  void aWorkerStoppedMidSceneLeavesItToTheOtherAndTheSceneIsAnnouncedOnce(
      LocalStack stack, @TempDir Path work) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    try (ObjectStore store = stack.newObjectStore()) {
      ModelPublished published = Fixtures.sharedModel(bootstrap, store);
      Path scene = Fixtures.scene(work, 1280, 640, 6);
      String sceneId = "failover-" + UUID.randomUUID();
      String run = UUID.randomUUID().toString();
      GroupOffsets.startAtEnd(bootstrap, "tiles-" + run, Topics.TILES);
      SceneTiler.Result tiled = Fixtures.tile(store, sceneId, scene, 128, HALO);
      assertThat(tiled.tiles()).hasSize(50);

      try (WorkerLoops a = worker(stack, store, work.resolve("a"), run)) {
        WorkerLoops b = worker(stack, store, work.resolve("b"), run);
        await(
            () ->
                !a.tiles().assignedPartitions().isEmpty()
                    && !b.tiles().assignedPartitions().isEmpty(),
            Duration.ofMinutes(1));
        publish(bootstrap, tiled.tiles());
        await(() -> b.tiles().mapped() >= 3, Duration.ofMinutes(2));
        assertThat(b.loopsAlive(Duration.ofMinutes(10)))
            .isEqualTo(
                java.util.Map.of(
                    "tiles",
                    true,
                    "assembly",
                    true,
                    "regions",
                    true,
                    "region-router",
                    true,
                    "region-fuser",
                    true));
        b.close(); // mid-scene: its partitions of both topics go to a
        assertThat(b.loopsAlive(Duration.ofMinutes(10)))
            .as("stopped loops are not alive")
            .isEqualTo(
                java.util.Map.of(
                    "tiles",
                    false,
                    "assembly",
                    false,
                    "regions",
                    false,
                    "region-router",
                    false,
                    "region-fuser",
                    false));
        assertThat(completions(bootstrap, sceneId)).isEmpty();
        await(() -> !completions(bootstrap, sceneId).isEmpty(), Duration.ofMinutes(3));
        assertThat(b.tiles().mapped()).isLessThan(50);
        assertThat(a.tiles().mapped() + b.tiles().mapped()).isGreaterThanOrEqualTo(50);
      }
      // both workers closed: the count, read to the end offsets, is final
      List<SceneMapCompleted> done = completions(bootstrap, sceneId);
      assertThat(done).hasSize(1);
      List<byte[]> assembled = MapTileFile.bands(store.read(done.get(0).map()));
      MapTile whole = inOnePiece(store, published, scene, work);
      assertThat(assembled.get(0)).isEqualTo(whole.classes());
    }
  }

  @Test
  void aModelSwappedMidSceneMapsEachTileWithOneModelAndTheSceneNamesBoth(
      LocalStack stack, @TempDir Path work) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    try (ObjectStore store = stack.newObjectStore()) {
      // two real models under a name of their own: the shared one, then a second training
      String name = "swap-" + UUID.randomUUID();
      ModelPublished first = Fixtures.named(Fixtures.sharedModel(bootstrap, store), name);
      publishModel(bootstrap, first);
      Path scene = Fixtures.scene(work, 700, 460, 7);
      String sceneId = "swap-" + UUID.randomUUID();
      String run = UUID.randomUUID().toString();
      GroupOffsets.startAtEnd(bootstrap, "tiles-" + run, Topics.TILES);
      List<TileReady> tiles = Fixtures.tile(store, sceneId, scene, 128, HALO).tiles();
      assertThat(tiles).hasSize(24);

      ModelPublished second;
      try (WorkerLoops worker = worker(stack, store, work.resolve("a"), run, name)) {
        await(() -> worker.models().version().equals(Optional.of(first.version())), MINUTES_2);
        publish(bootstrap, tiles.subList(0, 8));
        await(() -> worker.tiles().mapped() == 8, Duration.ofMinutes(2));

        second = Fixtures.trainAndPublish(bootstrap, store, work.resolve("second"), 12, name);
        publish(bootstrap, tiles.subList(8, 16)); // in flight while the worker swaps
        await(() -> worker.models().version().equals(Optional.of(second.version())), MINUTES_2);
        publish(bootstrap, tiles.subList(16, 24)); // after the swap: mapped by the second
        await(() -> !completions(bootstrap, sceneId).isEmpty(), Duration.ofMinutes(3));

        // the scene re-mapped by the first version, no longer current: opened beside the second
        publish(bootstrap, tiles.stream().map(t -> t.remappedBy(first.version())).toList());
        await(() -> completions(bootstrap, sceneId).size() == 2, Duration.ofMinutes(3));
        assertThat(worker.models().version()).as("still current").contains(second.version());
      }
      // the worker closed: the counts below, read to the end offsets, are final
      List<SceneMapCompleted> all = completions(bootstrap, sceneId);
      List<SceneMapCompleted> done = all.stream().filter(c -> !c.remap()).toList();
      assertThat(done).hasSize(1);
      List<MapTileWritten> written =
          Fixtures.events(bootstrap, Topics.MAPS, sceneId, MapTileWritten.class).stream()
              .filter(w -> !w.remap())
              .toList();
      assertThat(written)
          .as("every tile mapped once: none dropped, none mapped twice by the swap")
          .extracting(MapTileWritten::tileId)
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(tiles.stream().map(TileReady::tileId).toList());
      java.util.Map<String, String> versionOf = new java.util.HashMap<>();
      written.forEach(w -> versionOf.put(w.tileId(), w.modelVersion()));
      tiles
          .subList(0, 8)
          .forEach(t -> assertThat(versionOf.get(t.tileId())).isEqualTo(first.version()));
      tiles
          .subList(16, 24)
          .forEach(t -> assertThat(versionOf.get(t.tileId())).isEqualTo(second.version()));
      java.util.Map<String, Long> counts =
          written.stream()
              .collect(
                  java.util.stream.Collectors.groupingBy(
                      MapTileWritten::modelVersion, java.util.stream.Collectors.counting()));
      assertThat(done.get(0).modelVersion())
          .isEqualTo(
              java.util.stream.Stream.of(first.version(), second.version())
                  .sorted()
                  .collect(java.util.stream.Collectors.joining(",")));
      JsonNode item = new ObjectMapper().readTree(store.read(done.get(0).stacItem()));
      assertThat(item.at("/properties/lcz:model_versions/" + first.version()).asLong())
          .isEqualTo(counts.get(first.version()));
      assertThat(item.at("/properties/lcz:model_versions/" + second.version()).asLong())
          .isEqualTo(counts.get(second.version()));

      // each map tile is one model's from start to end: it names the model its event names and
      // holds exactly that model's map of its cells (the two models' maps differ)
      MapTile byFirst = inOnePiece(store, first, scene, work);
      MapTile bySecond = inOnePiece(store, second, scene, work);
      assertThat(byFirst.classes()).isNotEqualTo(bySecond.classes());
      byte[] expected = new byte[byFirst.classes().length];
      for (MapTileWritten w : written) {
        MapTile tile = MapTileFile.read(store.read(w.mapTile()));
        assertThat(tile.modelVersion()).isEqualTo(w.modelVersion());
        MapTile whole = w.modelVersion().equals(first.version()) ? byFirst : bySecond;
        int x0 = (int) Math.round((tile.geoTransform()[0] - whole.geoTransform()[0]) / 100);
        int y0 = (int) Math.round((whole.geoTransform()[3] - tile.geoTransform()[3]) / 100);
        for (int y = 0; y < tile.height(); y++) {
          for (int x = 0; x < tile.width(); x++) {
            assertThat(tile.classAt(x, y))
                .as("tile %s cell (%d, %d)", w.tileId(), x, y)
                .isEqualTo(whole.classAt(x0 + x, y0 + y));
            expected[(y0 + y) * whole.width() + x0 + x] = tile.classes()[y * tile.width() + x];
          }
        }
      }
      assertThat(MapTileFile.bands(store.read(done.get(0).map())).get(0)).isEqualTo(expected);

      // the re-map: a map of its own by the first version alone, beside the first map (unchanged)
      SceneMapCompleted remap = all.stream().filter(SceneMapCompleted::remap).findFirst().get();
      assertThat(remap.modelVersion()).isEqualTo(first.version());
      assertThat(remap.tileCount()).isEqualTo(24);
      String prefix = "scenes/" + sceneId + "/models/" + first.version() + "/";
      assertThat(remap.products().values())
          .allSatisfy(ref -> assertThat(ref.key()).startsWith(prefix));
      assertThat(
              Fixtures.events(bootstrap, Topics.MAPS, sceneId, MapTileWritten.class).stream()
                  .filter(MapTileWritten::remap))
          .hasSize(24)
          .allSatisfy(
              w -> {
                assertThat(w.modelVersion()).isEqualTo(first.version());
                assertThat(w.mapTile().key()).startsWith(prefix + "tiles/");
              });
      assertThat(MapTileFile.bands(store.read(remap.map())).get(0))
          .as("the whole scene as the first version maps it")
          .isEqualTo(byFirst.classes());
      assertThat(MapTileFile.bands(store.read(done.get(0).map())).get(0))
          .as("the first map is kept as it was")
          .isEqualTo(expected);
      JsonNode remapItem = new ObjectMapper().readTree(store.read(remap.stacItem()));
      assertThat(remapItem.at("/id").asText()).isEqualTo(sceneId + "-lcz-" + first.version());
      assertThat(remapItem.at("/properties/lcz:remap_model").asText()).isEqualTo(first.version());
      assertThat(remapItem.at("/links/0/href").asText()).isEqualTo(remap.stacItem().uri());
      assertThat(item.at("/id").asText()).isEqualTo(sceneId + "-lcz");
    }
  }

  private static void publishModel(String bootstrap, ModelPublished model) {
    try (EventPublisher p = new EventPublisher(bootstrap, URI.create("/lcz/it/training"))) {
      p.publishAndWait(model, Duration.ofSeconds(30));
    }
  }

  private static WorkerLoops worker(LocalStack stack, ObjectStore store, Path dir, String run) {
    return worker(stack, store, dir, run, "msmla");
  }

  private static WorkerLoops worker(
      LocalStack stack, ObjectStore store, Path dir, String run, String modelName) {
    ComputeDevice device = ComputeDevice.choose(DevicePreference.AUTO, OrtClassifier.visibleGpus());
    return new WorkerLoops(
        new WorkerLoops.Settings(
            stack.kafkaBootstrapServers(),
            modelName,
            100,
            "tiles-" + run,
            "assembly-" + run,
            COG_BLOCK,
            Duration.ofSeconds(2),
            dir,
            URI.create("/lcz/it/inference")),
        store,
        new ModelOpener(device, 64, 2));
  }

  /** The scene mapped as one tile (halo by reflection, as the tiler does) with the same model. */
  private static MapTile inOnePiece(
      ObjectStore store, ModelPublished published, Path scene, Path work) throws Exception {
    Path onnx =
        store.download(published.model(), work.resolve("whole-" + UUID.randomUUID() + ".onnx"));
    ModelContract c = published.contract();
    try (SceneRaster raster = SceneRaster.open(scene);
        OrtClassifier classifier =
            OrtClassifier.load(
                onnx,
                c.bands().size(),
                c.patchSize(),
                c.classValues().size(),
                new ComputeDevice(false, "test"),
                2)) {
      int side = Math.max(raster.width(), raster.height());
      TileLayout layout = new TileLayout(raster.width(), raster.height(), side, HALO);
      TileLayout.Tile only = layout.tile(0, 0);
      TilePixels pixels =
          TilePixels.of(
              new TileCutter(raster, layout).cut(only),
              Fixtures.BANDS,
              -HALO,
              -HALO,
              Optional.empty());
      CellGrid grid = CellGrid.of(raster.width(), raster.height(), 100, 10);
      TileMapper mapper =
          new TileMapper(
              classifier, c.classValues(), 200, c.bands().size() * c.patchSize() * c.patchSize());
      return mapper.map(
          grid,
          grid.cellsOf(0, 0, raster.width(), raster.height()),
          new PatchSampler(pixels, c.patchSize(), c.bands(), c.bandMeans(), c.bandStds()),
          raster.geoTransform(),
          published.version());
    }
  }

  private static void publish(String bootstrap, List<TileReady> tiles) {
    try (EventPublisher p = new EventPublisher(bootstrap, URI.create("/lcz/it/ingest"))) {
      tiles.forEach(t -> p.publishAndWait(t, Duration.ofSeconds(30)));
    }
  }

  private static List<SceneMapCompleted> completions(String bootstrap, String sceneId) {
    return Fixtures.events(bootstrap, Topics.MAPS, sceneId, SceneMapCompleted.class);
  }

  private static int distinct(byte[] values) {
    return (int)
        new String(values, java.nio.charset.StandardCharsets.ISO_8859_1).chars().distinct().count();
  }

  /** Waits for {@code condition}, checking every 200 ms; fails after {@code timeout}. */
  static void await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
    Instant end = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(end)) {
        throw new AssertionError("not reached within " + timeout);
      }
      Thread.sleep(200);
    }
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
