package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.MapTileWritten;
import org.lcz.events.ModelContract;
import org.lcz.events.ModelPublished;
import org.lcz.events.TileReady;
import org.lcz.inference.Fixtures;
import org.lcz.inference.model.ComputeDevice;
import org.lcz.inference.model.OrtClassifier;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.training.LearnableSets;
import org.lcz.training.card.ModelCard;

/**
 * The radiometry of the model contract, end to end through TileJob: one trained network described
 * in three radiometries (its own, fractions, L2A numbers with the offset; statistics converted
 * accordingly) maps the same canonical tiles to the same classes, and a model of another quantity
 * is refused naming both.
 */
@ExtendWith(LocalStackExtension.class)
class TileJobTest {
  @TempDir Path dir;

  /** The contract with another radiometry and the statistics that go with it. */
  private static ModelPublished twin(
      ModelPublished p, Radiometry r, UnaryOperator<Double> mean, UnaryOperator<Double> std) {
    ModelContract c = p.contract();
    ModelContract t =
        new ModelContract(
            c.architecture(),
            c.bands(),
            c.patchSize(),
            c.groundSampleDistance(),
            r,
            c.bandMeans().stream().map(mean).toList(),
            c.bandStds().stream().map(std).toList(),
            c.classValues(),
            c.classCodes(),
            c.dataset(),
            c.measures(),
            c.version(),
            c.createdAt());
    return new ModelPublished(
        p.schemaVersion(),
        p.modelName(),
        p.version(),
        p.model(),
        p.card(),
        t,
        p.promoted(),
        p.decision(),
        p.oaW(),
        p.championOaW(),
        p.publishedAt());
  }

  private static List<Integer> classes(
      ObjectStore store, TileJob job, List<TileReady> tiles, ActiveModel model) {
    List<Integer> out = new ArrayList<>();
    for (TileReady t : tiles) {
      MapTileWritten w = job.map(t, model);
      MapTile m = MapTileFile.read(store.read(w.mapTile()));
      for (int y = 0; y < m.height(); y++) {
        for (int x = 0; x < m.width(); x++) {
          out.add(m.classAt(x, y));
        }
      }
    }
    return out;
  }

  @Test
  void oneNetworkInThreeRadiometriesMapsTheSameTilesAlike(LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      ModelPublished own = Fixtures.sharedModel(stack.kafkaBootstrapServers(), store);
      assertThat(own.contract().radiometry())
          .as("detected on the learnable sets")
          .isEqualTo(Radiometry.CANONICAL);
      Path onnx = store.download(own.model(), dir.resolve("model.onnx"));
      Path scene = Fixtures.scene(Files.createDirectories(dir.resolve("scene")), 500, 300, 5);
      SceneTiler.Result tiled =
          Fixtures.tile(store, "radiometry-" + UUID.randomUUID(), scene, 256, 24);
      assertThat(tiled.manifest().radiometry()).isEqualTo(Radiometry.CANONICAL);
      TileJob job = new TileJob(store, dir.resolve("tiles"), 100);
      List<List<Integer>> maps = new ArrayList<>();
      for (ModelPublished p :
          List.of(
              own,
              twin(own, Radiometry.FRACTION, m -> m / 10_000, s -> s / 10_000),
              twin(own, Radiometry.L2A_WITH_OFFSET, m -> m + 1_000, s -> s))) {
        try (ActiveModel model = open(p, onnx)) {
          maps.add(classes(store, job, tiled.tiles(), model));
        }
      }
      assertThat(maps.get(0).stream().distinct().count()).as("classes mapped").isGreaterThan(2);
      for (int i = 1; i < maps.size(); i++) {
        assertThat(agreement(maps.get(0), maps.get(i)))
            .as("twin " + i)
            .isGreaterThanOrEqualTo(0.995);
      }

      ModelPublished toa = twin(own, Radiometry.parse("toa-x10000"), m -> m, s -> s);
      try (ActiveModel model = open(toa, onnx)) {
        assertThatThrownBy(() -> job.map(tiled.tiles().get(0), model))
            .isInstanceOf(UnmappableTileException.class)
            .hasMessageContaining("the model was trained on top-of-atmosphere reflectance × 10000")
            .hasMessageContaining("the input holds surface reflectance × 10000");
      }
    }
  }

  @Test
  void eachMappedTileReportsItsTimesAndItsClassifiedCellsAndAFailingReportLosesNothing(
      LocalStack stack) throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      ModelPublished own = Fixtures.sharedModel(stack.kafkaBootstrapServers(), store);
      Path onnx = store.download(own.model(), dir.resolve("model.onnx"));
      Path scene = Fixtures.scene(Files.createDirectories(dir.resolve("scene")), 500, 300, 5);
      SceneTiler.Result tiled = Fixtures.tile(store, "times-" + UUID.randomUUID(), scene, 256, 24);
      List<TileTimes> reported = new ArrayList<>();
      TileJob job = new TileJob(store, dir.resolve("tiles"), 100, reported::add);
      try (ActiveModel model = open(own, onnx)) {
        for (TileReady t : tiled.tiles()) {
          MapTileWritten w = job.map(t, model);
          TileTimes times = reported.get(reported.size() - 1);
          assertThat(times.tileId()).isEqualTo(t.tileId());
          assertThat(times.sceneId()).isEqualTo(t.sceneId());
          MapTile m = MapTileFile.read(store.read(w.mapTile()));
          int withClass = 0;
          for (int y = 0; y < m.height(); y++) {
            for (int x = 0; x < m.width(); x++) {
              withClass += m.classAt(x, y) == 0 ? 0 : 1;
            }
          }
          assertThat(times.patches())
              .as("cells classified in the stored map tile")
              .isEqualTo(withClass);
          assertThat(times.readNanos()).isPositive();
          assertThat(times.mapNanos()).isPositive();
          assertThat(times.writeNanos()).isPositive();
        }
        assertThat(reported).hasSameSizeAs(tiled.tiles());
        assertThat(reported.stream().mapToInt(TileTimes::patches).sum()).isPositive();

        TileJob failingReport =
            new TileJob(
                store,
                dir.resolve("tiles2"),
                100,
                times -> {
                  throw new IllegalStateException("metrics down");
                });
        TileReady first = tiled.tiles().get(0);
        MapTileWritten again = failingReport.map(first, model);
        assertThat(store.exists(again.mapTile().bucket(), again.mapTile().key())).isTrue();
        assertThat(again.tileId()).isEqualTo(first.tileId());
      }
    }
  }

  @Test
  void aTileReadAheadMapsAsItsOwnReadAndAFailedReadAheadFailsAsItsOwnRead(LocalStack stack)
      throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      ModelPublished own = Fixtures.sharedModel(stack.kafkaBootstrapServers(), store);
      Path onnx = store.download(own.model(), dir.resolve("model.onnx"));
      Path scene = Fixtures.scene(Files.createDirectories(dir.resolve("scene")), 500, 300, 5);
      SceneTiler.Result tiled = Fixtures.tile(store, "ahead-" + UUID.randomUUID(), scene, 256, 24);
      assertThat(tiled.tiles()).hasSizeGreaterThanOrEqualTo(2);
      try (ActiveModel model = open(own, onnx);
          TileJob plain = new TileJob(store, dir.resolve("plain"), 100);
          TileJob ahead = new TileJob(store, dir.resolve("ahead"), 100)) {
        List<Integer> expected = classes(store, plain, tiled.tiles(), model);
        List<Integer> actual = new ArrayList<>();
        for (int i = 0; i < tiled.tiles().size(); i++) {
          TileReady t = tiled.tiles().get(i);
          if (i == 0) {
            ahead.readAhead(t);
          }
          assertThat(ahead.holdsReadAhead(t)).as("tile %d read ahead", i).isTrue();
          if (i + 1 < tiled.tiles().size()) {
            // the next tile's read is started before this one is mapped, as the tile loop does
            ahead.readAhead(tiled.tiles().get(i + 1));
          }
          actual.addAll(classes(store, ahead, List.of(t), model));
          assertThat(ahead.holdsReadAhead(t)).as("taken").isFalse();
        }
        assertThat(actual).as("the same classes, cell by cell").isEqualTo(expected);

        // a tile whose object is not the one the event names: the read-ahead fails quietly, the
        // mapping thread's own read fails with the reason
        TileReady first = tiled.tiles().get(0);
        TileReady forged =
            new TileReady(
                first.schemaVersion(),
                first.sceneId(),
                first.tileId(),
                first.row(),
                first.col(),
                first.sceneTileCount(),
                new ObjectRef(first.tile().bucket(), first.tile().key(), "0".repeat(64)),
                first.manifest(),
                null);
        TileReady second = tiled.tiles().get(1);
        ahead.readAhead(first);
        ahead.readAhead(second);
        ahead.readAhead(forged);
        assertThat(ahead.holdsReadAhead(first)).as("the eldest forgotten").isFalse();
        assertThat(ahead.holdsReadAhead(second)).isTrue();
        assertThatThrownBy(() -> ahead.map(forged, model))
            .isInstanceOf(UnmappableTileException.class)
            .hasMessageContaining("is not the one the event names");
        assertThat(ahead.holdsReadAhead(forged)).isFalse();
      }
    }
  }

  /**
   * Trains MSMLA-18 two epochs on {@code sets} with {@code ./lcz train}'s command in a JVM of its
   * own, as the platform trains (a JVM apart from ONNX Runtime), and returns the published form of
   * the exported model. (Before the training worker's kernel self-check, training in a JVM that had
   * run ONNX Runtime sessions turned NaN on this project's machines; see its README, "CPU
   * kernels".)
   */
  private static ModelPublished trained(Path sets, Path out) throws Exception {
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process p =
        new ProcessBuilder(
                javaBin,
                "-Dai.djl.offline=true",
                "-Djava.awt.headless=true",
                "-cp",
                classpath,
                "org.lcz.training.cli.TrainingCommand",
                "train",
                "--data",
                sets.resolve("train.h5").toString(),
                "--val",
                sets.resolve("val.h5").toString(),
                "--epochs",
                "2",
                "--seed",
                "5",
                "--out",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(log).isZero();
    ModelCard card = ModelCard.read(out.resolve("model.json"));
    ObjectRef ref = ObjectRef.of("lcz-models", "local/" + out.getFileName());
    return new ModelPublished(
        1,
        "msmla",
        card.version(),
        ref,
        ref,
        card.contract(),
        true,
        "test",
        0.5,
        null,
        Instant.now());
  }

  private static ActiveModel open(ModelPublished p, Path onnx) {
    ModelContract c = p.contract();
    return new ActiveModel(
        p,
        OrtClassifier.load(
            onnx,
            c.bands().size(),
            c.patchSize(),
            c.classValues().size(),
            new ComputeDevice(false, "test"),
            2),
        64);
  }

  private static double agreement(List<Integer> a, List<Integer> b) {
    assertThat(b).hasSameSizeAs(a);
    int same = 0;
    for (int k = 0; k < a.size(); k++) {
      same += a.get(k).equals(b.get(k)) ? 1 : 0;
    }
    return (double) same / a.size();
  }

  @Test
  void modelsTrainedOnFractionsAndOnNumbersMapBothKindsOfSceneAlike(LocalStack stack)
      throws Exception {
    Path dn = Files.createDirectories(dir.resolve("sets-dn"));
    LearnableSets.write(dn);
    Path fraction = Files.createDirectories(dir.resolve("sets-fraction"));
    Path scenes = Files.createDirectories(dir.resolve("scenes"));
    Path scene = Fixtures.scene(scenes, 400, 300, 9);
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                String.join(
                    "\n",
                    "import h5py",
                    "from osgeo import gdal",
                    "for n in ('train.h5', 'val.h5'):",
                    "    with h5py.File('"
                        + dn
                        + "/' + n) as a, h5py.File('"
                        + fraction
                        + "/' + n, 'w') as b:",
                    "        b['sen2'] = a['sen2'][:] / 10000.0",
                    "        b['label'] = a['label'][:]",
                    "s = gdal.Open('" + scene + "')",
                    "d = gdal.GetDriverByName('GTiff').Create('"
                        + scenes
                        + "/fraction.tif', s.RasterXSize, s.RasterYSize, s.RasterCount,"
                        + " gdal.GDT_Float32)",
                    "d.SetGeoTransform(s.GetGeoTransform())",
                    "d.SetProjection(s.GetProjection())",
                    "for i in range(1, s.RasterCount + 1):",
                    "    d.GetRasterBand(i).WriteArray(s.GetRasterBand(i).ReadAsArray() / 10000.0)",
                    "    d.GetRasterBand(i).SetDescription(s.GetRasterBand(i).GetDescription())",
                    "d = None"))
            .inheritIO()
            .start();
    assertThat(p.waitFor()).as("python3-h5py, python3-gdal").isZero();
    ModelPublished onNumbers = trained(dn, Files.createDirectories(dir.resolve("m-dn")));
    ModelPublished onFractions = trained(fraction, Files.createDirectories(dir.resolve("m-fr")));
    assertThat(onNumbers.contract().radiometry()).isEqualTo(Radiometry.CANONICAL);
    assertThat(onFractions.contract().radiometry()).isEqualTo(Radiometry.FRACTION);
    try (ObjectStore store = stack.newObjectStore()) {
      SceneTiler.Result numbers = Fixtures.tile(store, "dn-" + UUID.randomUUID(), scene, 256, 24);
      SceneTiler.Result fractions =
          Fixtures.tile(store, "fr-" + UUID.randomUUID(), scenes.resolve("fraction.tif"), 256, 24);
      assertThat(fractions.notes())
          .anyMatch(n -> n.contains("detected as surface reflectance as a fraction"));
      TileJob job = new TileJob(store, dir.resolve("tiles"), 100);
      List<List<Integer>> maps = new ArrayList<>();
      for (ModelPublished m : List.of(onNumbers, onFractions)) {
        try (ActiveModel model =
            open(m, dir.resolve(m == onNumbers ? "m-dn" : "m-fr").resolve("model.onnx"))) {
          maps.add(classes(store, job, numbers.tiles(), model));
          maps.add(classes(store, job, fractions.tiles(), model));
        }
      }
      assertThat(maps.get(0).stream().distinct().count()).as("classes mapped").isGreaterThan(2);
      assertThat(agreement(maps.get(0), maps.get(1)))
          .as("number model: DN scene vs fraction scene")
          .isGreaterThanOrEqualTo(0.995);
      assertThat(agreement(maps.get(2), maps.get(3)))
          .as("fraction model: DN scene vs fraction scene")
          .isGreaterThanOrEqualTo(0.995);
      assertThat(agreement(maps.get(0), maps.get(2)))
          .as("number model vs fraction model")
          .isGreaterThanOrEqualTo(0.95);
    }
  }
}
