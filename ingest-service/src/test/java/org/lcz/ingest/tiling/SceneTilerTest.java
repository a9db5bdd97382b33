package org.lcz.ingest.tiling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.common.events.TileReady;
import org.lcz.common.raster.RasterException;
import org.lcz.common.raster.SceneManifest;
import org.lcz.common.raster.SceneRaster;
import org.lcz.common.raster.Scenes;
import org.lcz.common.raster.TileLayout;
import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.ObjectStore;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;

/** A GDAL-written scene tiled into the real S3 server of the local stack. */
@ExtendWith(LocalStackExtension.class)
class SceneTilerTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    Scenes.write(dir);
  }

  @Test
  void everyTileIsStoredWithTheSpecificationsBandsAndTheManifestPlacesIt(LocalStack stack)
      throws Exception {
    String sceneId = "s-" + UUID.randomUUID();
    try (ObjectStore store = stack.newObjectStore()) {
      SceneTiler tiler =
          new SceneTiler(store, new SceneTiler.Settings(List.of("B4", "B2"), 10, 128, 24));
      SceneTiler.Result result = tiler.tile(sceneId, dir.resolve("tiled_deflate_pred2.tif"));

      SceneManifest manifest = SceneManifest.read(store.read(result.manifestRef()));
      assertThat(manifest.tiles()).hasSize(6);
      assertThat(manifest.bands()).containsExactly("B4", "B2");
      assertThat(manifest.epsg()).isEqualTo(32632);
      assertThat(manifest.sampleType()).isEqualTo("UInt16");
      assertThat(result.tiles())
          .extracting(TileReady::tileId)
          .containsExactly(
              sceneId + "-0_0",
              sceneId + "-0_1",
              sceneId + "-0_2",
              sceneId + "-1_0",
              sceneId + "-1_1",
              sceneId + "-1_2");
      assertThat(result.tiles()).allMatch(t -> t.sceneTileCount() == 6);

      TileLayout layout = new TileLayout(300, 200, 128, 24);
      int[] sourceBand = {2, 0};
      for (TileReady event : result.tiles()) {
        Path local = dir.resolve(event.tileId() + ".tif");
        store.download(event.tile(), local);
        TileLayout.Tile t = layout.tile(event.row(), event.col());
        int[] xs = layout.sourceColumns(t);
        int[] ys = layout.sourceRows(t);
        try (SceneRaster tile = SceneRaster.open(local)) {
          assertThat(tile.bandNames()).containsExactly("B4", "B2");
          assertThat(tile.geoTransform()[0]).isEqualTo(500000 + (t.coreX() - 24) * 10.0);
          Raster pixels = tile.read(0, 0, tile.width(), tile.height());
          for (int b = 0; b < 2; b++) {
            for (int j = 0; j < ys.length; j++) {
              for (int i = 0; i < xs.length; i++) {
                assertThat(pixels.getSampleDouble(i, j, b))
                    .isEqualTo(Scenes.value(sourceBand[b], ys[j], xs[i], 1000));
              }
            }
          }
        }
        Files.delete(local);
      }
      assertThat(store.list(Buckets.TILES, "scenes/" + sceneId + "/")).hasSize(7);
    }
  }

  @Test
  void aSceneWithoutTheRequiredBandsIsRefusedAndOneAtAnotherResolutionReprojected(
      LocalStack stack) {
    try (ObjectStore store = stack.newObjectStore()) {
      Path scene = dir.resolve("strips_uint16.tif");
      assertThatThrownBy(
              () ->
                  new SceneTiler(store, new SceneTiler.Settings(List.of("B2", "B8"), 10, 128, 24))
                      .tile("x", scene))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("lacks bands [B8]")
          .hasMessageContaining("its bands are [B2, B3, B4]");
      assertThat(store.list(Buckets.TILES, "scenes/x/")).isEmpty();
      SceneTiler.Result coarse =
          new SceneTiler(store, new SceneTiler.Settings(List.of("B2"), 20, 128, 24))
              .tile("y", scene);
      assertThat(coarse.manifest().geoTransform()[1]).isEqualTo(20);
      assertThat(coarse.manifest().width()).isEqualTo(150);
      assertThat(coarse.manifest().epsg()).isEqualTo(32632);
      assertThat(coarse.notes())
          .anyMatch(
              n ->
                  n.contains(
                      "reprojected from strips_uint16.tif (EPSG:32632, pixels 10.0 × 10.0 m)"));
    }
  }

  @Test
  void aSceneWhoseValuesContradictItsDeclaredRadiometryIsRefusedNamingBoth(LocalStack stack) {
    try (ObjectStore store = stack.newObjectStore();
        org.lcz.common.raster.SceneRaster raster =
            org.lcz.common.raster.SceneRaster.open(dir.resolve("strips_uint16.tif"))) {
      org.lcz.ingest.source.SceneSource declaredFraction =
          new org.lcz.ingest.source.SceneSource(
              raster,
              List.of(
                  org.lcz.common.raster.Resampling.BILINEAR,
                  org.lcz.common.raster.Resampling.BILINEAR,
                  org.lcz.common.raster.Resampling.BILINEAR),
              java.util.Optional.of(org.lcz.common.preprocess.Radiometry.FRACTION),
              "scene.json",
              org.lcz.common.preprocess.RadiometryCheck.Trust.EXPLICIT,
              List.of(),
              List.of());
      assertThatThrownBy(
              () ->
                  new SceneTiler(store, new SceneTiler.Settings(List.of("B2", "B3"), 10, 128, 24))
                      .tile("contradiction", declaredFraction))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("scene.json declares surface reflectance as a fraction")
          .hasMessageContaining("values of reflectance × 10000");
      assertThat(store.list(Buckets.TILES, "scenes/contradiction/")).isEmpty();
    }
  }
}
