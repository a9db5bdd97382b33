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
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.TileReady;
import org.lcz.raster.Gdal;
import org.lcz.raster.RasterException;
import org.lcz.raster.SceneManifest;
import org.lcz.raster.SceneRaster;
import org.lcz.raster.Scenes;
import org.lcz.raster.TileLayout;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;

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
  void aSceneWhoseBandsAreNamedAsLandsatsIsRefusedNamingTheSensor(LocalStack stack)
      throws Exception {
    Gdal.python(
        dir,
        String.join(
            "\n",
            "from osgeo import gdal, osr",
            "import numpy as np",
            "srs = osr.SpatialReference(); srs.ImportFromEPSG(32632)",
            "for name, bands in [('tm.tif', ['B1', 'B2', 'B3', 'B4', 'B5', 'B7']),",
            "                    ('c2.tif', ['SR_B2', 'SR_B3', 'SR_B4', 'SR_B5'])]:",
            "    ds = gdal.GetDriverByName('GTiff').Create(name, 64, 64, len(bands), gdal.GDT_UInt16)",
            "    ds.SetGeoTransform([500000, 30, 0, 5000000, 0, -30])",
            "    ds.SetProjection(srs.ExportToWkt())",
            "    for i, b in enumerate(bands):",
            "        band = ds.GetRasterBand(i + 1)",
            "        band.SetDescription(b)",
            "        band.WriteArray(np.full((64, 64), 1000 + i, dtype=np.uint16))",
            "    ds = None"));
    try (ObjectStore store = stack.newObjectStore()) {
      SceneTiler tiler =
          new SceneTiler(
              store, new SceneTiler.Settings(List.of("B2", "B3", "B4", "B5"), 10, 128, 24));
      assertThatThrownBy(() -> tiler.tile("tm", dir.resolve("tm.tif")))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining(
              "tm.tif: a scene of Landsat (bands numbered [B1, B2, B3, B4, B5, B7]")
          .hasMessageContaining("the platform reads Sentinel-2 only");
      assertThatThrownBy(() -> tiler.tile("c2", dir.resolve("c2.tif")))
          .hasMessageContaining(
              "c2.tif: a scene of Landsat (Collection 2 band names such as SR_B2)");
      assertThat(store.list(Buckets.TILES, "scenes/tm/")).isEmpty();
      assertThat(store.list(Buckets.TILES, "scenes/c2/")).isEmpty();
    }
  }

  @Test
  void garbageScenesAreRefusedWithTheirReasonNotMappedAsGarbage(LocalStack stack) throws Exception {
    org.lcz.raster.Gdal.python(
        dir,
        "import numpy as np\nfrom osgeo import gdal, osr\n"
            + "s = osr.SpatialReference(); s.ImportFromEPSG(32632)\n"
            + "def write(name, w, h, n, dtype, fill, nodata=None):\n"
            + "    d = gdal.GetDriverByName('GTiff').Create(name, w, h, n, dtype)\n"
            + "    d.SetGeoTransform([500000, 10, 0, 5000000, 0, -10]); d.SetProjection(s.ExportToWkt())\n"
            + "    for b in range(1, n + 1):\n"
            + "        band = d.GetRasterBand(b); band.SetDescription('B%d' % (b + 1))\n"
            + "        band.Fill(fill)\n"
            + "        if nodata is not None: band.SetNoDataValue(nodata)\n"
            + "    d = None\n"
            + "write('all_nan.tif', 300, 300, 3, gdal.GDT_Float32, float('nan'))\n"
            + "write('all_nodata.tif', 300, 300, 3, gdal.GDT_UInt16, 0, 0)\n"
            + "write('one_pixel.tif', 1, 1, 3, gdal.GDT_UInt16, 900)\n"
            + "write('many_bands.tif', 20, 20, 201, gdal.GDT_Byte, 9)\n");
    try (ObjectStore store = stack.newObjectStore()) {
      SceneTiler tiler =
          new SceneTiler(store, new SceneTiler.Settings(List.of("B2", "B3"), 10, 128, 24));
      assertThatThrownBy(() -> tiler.tile("nan", dir.resolve("all_nan.tif")))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("all_nan.tif holds no data to map: 0.00 %");
      assertThatThrownBy(() -> tiler.tile("nodata", dir.resolve("all_nodata.tif")))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("holds no data to map")
          .hasMessageContaining("nodata (0.0)");
      assertThatThrownBy(() -> tiler.tile("tiny", dir.resolve("one_pixel.tif")))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("1 × 1 px at 10.0 m is smaller than one 100.0 m LCZ cell");
      assertThatThrownBy(() -> tiler.tile("wide", dir.resolve("many_bands.tif")))
          .isInstanceOf(RasterException.class)
          .hasMessageContaining("201 bands, more than the 200");
      for (String id : List.of("nan", "nodata", "tiny", "wide")) {
        assertThat(store.list(Buckets.TILES, "scenes/" + id + "/")).as(id).isEmpty();
      }
    }
  }

  @Test
  void aSceneWhoseValuesContradictItsDeclaredRadiometryIsRefusedNamingBoth(LocalStack stack) {
    try (ObjectStore store = stack.newObjectStore();
        org.lcz.raster.SceneRaster raster =
            org.lcz.raster.SceneRaster.open(dir.resolve("strips_uint16.tif"))) {
      org.lcz.ingest.source.SceneSource declaredFraction =
          new org.lcz.ingest.source.SceneSource(
              raster,
              List.of(
                  org.lcz.raster.Resampling.BILINEAR,
                  org.lcz.raster.Resampling.BILINEAR,
                  org.lcz.raster.Resampling.BILINEAR),
              java.util.Optional.of(org.lcz.contract.Radiometry.FRACTION),
              "scene.json",
              org.lcz.contract.RadiometryCheck.Trust.EXPLICIT,
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
