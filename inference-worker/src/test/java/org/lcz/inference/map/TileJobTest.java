package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.common.events.MapTileWritten;
import org.lcz.common.events.ModelContract;
import org.lcz.common.events.ModelPublished;
import org.lcz.common.events.TileReady;
import org.lcz.common.preprocess.Radiometry;
import org.lcz.common.storage.ObjectStore;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.inference.Fixtures;
import org.lcz.inference.model.ActiveModel;
import org.lcz.inference.model.ComputeDevice;
import org.lcz.inference.model.OrtClassifier;
import org.lcz.ingest.tiling.SceneTiler;

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
      ModelContract c = own.contract();
      List<List<Integer>> maps = new ArrayList<>();
      for (ModelPublished p :
          List.of(
              own,
              twin(own, Radiometry.FRACTION, m -> m / 10_000, s -> s / 10_000),
              twin(own, Radiometry.L2A_WITH_OFFSET, m -> m + 1_000, s -> s))) {
        try (ActiveModel model =
            new ActiveModel(
                p,
                OrtClassifier.load(
                    onnx,
                    c.bands().size(),
                    c.patchSize(),
                    c.classValues().size(),
                    new ComputeDevice(false, "test"),
                    2),
                64)) {
          maps.add(classes(store, job, tiled.tiles(), model));
        }
      }
      assertThat(maps.get(0).stream().distinct().count()).as("classes mapped").isGreaterThan(2);
      for (int i = 1; i < maps.size(); i++) {
        int same = 0;
        for (int k = 0; k < maps.get(0).size(); k++) {
          same += maps.get(0).get(k).equals(maps.get(i).get(k)) ? 1 : 0;
        }
        assertThat((double) same / maps.get(0).size())
            .as("twin " + i)
            .isGreaterThanOrEqualTo(0.995);
      }

      ModelPublished toa = twin(own, Radiometry.parse("toa-x10000"), m -> m, s -> s);
      try (ActiveModel model =
          new ActiveModel(
              toa,
              OrtClassifier.load(
                  onnx,
                  c.bands().size(),
                  c.patchSize(),
                  c.classValues().size(),
                  new ComputeDevice(false, "test"),
                  2),
              64)) {
        assertThatThrownBy(() -> job.map(tiled.tiles().get(0), model))
            .isInstanceOf(UnmappableTileException.class)
            .hasMessageContaining("the model was trained on top-of-atmosphere reflectance × 10000")
            .hasMessageContaining("the input holds surface reflectance × 10000");
      }
    }
  }
}
