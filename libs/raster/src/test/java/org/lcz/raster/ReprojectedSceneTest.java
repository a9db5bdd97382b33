package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reprojection checked against gdalwarp on the same target grid. */
class ReprojectedSceneTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixture() throws Exception {
    // a smooth field in EPSG:4326 near Porto Trombetas (UTM 21S), ~10 m pixels, nodata 0 corner
    Gdal.python(
        dir,
        """
        import numpy as np
        from osgeo import gdal
        w, h = 240, 200
        ds = gdal.GetDriverByName('GTiff').Create('geo.tif', w, h, 2, gdal.GDT_Float32)
        ds.SetGeoTransform([-56.40, 8.98e-05, 0, -1.45, 0, -8.98e-05])
        ds.SetProjection('EPSG:4326')
        y, x = np.mgrid[0:h, 0:w]
        a = (0.05 + 0.2 * (np.sin(x / 25.0) * np.cos(y / 30.0) + 1) / 2).astype('float32')
        a[0:10, 0:10] = -1
        ds.GetRasterBand(1).WriteArray(a)
        ds.GetRasterBand(2).WriteArray((a * 2).astype('float32'))
        for b in (1, 2):
            ds.GetRasterBand(b).SetNoDataValue(-1)
        ds.GetRasterBand(1).SetDescription('B4')
        ds.GetRasterBand(2).SetDescription('B8')
        ds = None
        """);
  }

  @Test
  void aGeographicSceneLandsOnTheUtmGridOfItsCentreAsGdalwarpPutsIt() throws Exception {
    try (SceneRaster geo = SceneRaster.open(dir.resolve("geo.tif"))) {
      assertThat(ReprojectedScene.needed(geo, 10)).isTrue();
      ReprojectedScene utm =
          ReprojectedScene.ontoUtm(geo, 10, List.of(Resampling.BILINEAR, Resampling.BILINEAR));
      assertThat(Georeferencing.code(utm.crs())).isEqualTo("EPSG:32721");
      double[] g = utm.geoTransform();
      assertThat(g[1]).isEqualTo(10);
      assertThat(g[5]).isEqualTo(-10);
      assertThat(g[0] % 10).isZero();
      assertThat(g[3] % 10).isZero();
      assertThat(utm.nodata()).hasValue(-1.0);
      double xmax = g[0] + 10 * utm.width();
      double ymin = g[3] - 10 * utm.height();
      Gdal.run(
          dir,
          List.of(
              "gdalwarp",
              "-q",
              "-overwrite",
              "-t_srs",
              "EPSG:32721",
              "-te",
              Double.toString(g[0]),
              Double.toString(ymin),
              Double.toString(xmax),
              Double.toString(g[3]),
              "-tr",
              "10",
              "10",
              "-r",
              "bilinear",
              "geo.tif",
              "warp.tif"));
      try (SceneRaster warp = SceneRaster.open(dir.resolve("warp.tif"))) {
        assertThat(warp.width()).isEqualTo(utm.width());
        assertThat(warp.height()).isEqualTo(utm.height());
        Raster ours = utm.read(0, 0, utm.width(), utm.height());
        Raster theirs = warp.read(0, 0, warp.width(), warp.height());
        int compared = 0;
        double sumDiff = 0;
        int disagreeOnData = 0;
        for (int b = 0; b < 2; b++) {
          for (int y = 0; y < utm.height(); y++) {
            for (int x = 0; x < utm.width(); x++) {
              double a = ours.getSampleDouble(x, y, b);
              double c = theirs.getSampleDouble(x, y, b);
              boolean dataA = a != -1;
              boolean dataC = c != -1;
              if (dataA != dataC) {
                disagreeOnData++;
              } else if (dataA) {
                compared++;
                sumDiff += Math.abs(a - c);
              }
            }
          }
        }
        int all = 2 * utm.width() * utm.height();
        assertThat(compared).isGreaterThan(all / 2);
        assertThat((double) disagreeOnData / all).as("edge pixels only").isLessThan(0.02);
        assertThat(sumDiff / compared).as("mean |ours − gdalwarp|").isLessThan(0.002);
      }
    }
  }

  @Test
  void readsAWindowLikeTheWholeAndKeepsIntegerSamplesIntegers() throws Exception {
    try (SceneRaster geo = SceneRaster.open(dir.resolve("geo.tif"))) {
      ReprojectedScene utm =
          ReprojectedScene.ontoUtm(geo, 10, List.of(Resampling.NEAREST, Resampling.BILINEAR));
      Raster whole = utm.read(0, 0, utm.width(), utm.height());
      Raster part = utm.read(37, 101, 50, 70);
      for (int y = 0; y < 70; y++) {
        for (int x = 0; x < 50; x++) {
          assertThat(part.getSampleDouble(x, y, 0))
              .isEqualTo(whole.getSampleDouble(37 + x, 101 + y, 0));
          assertThat(part.getSampleDouble(x, y, 1))
              .isEqualTo(whole.getSampleDouble(37 + x, 101 + y, 1));
        }
      }
    }
  }

  @Test
  void aProjectedSceneAtTheGridsPixelSizeNeedsNothing() throws Exception {
    Gdal.run(
        dir,
        List.of(
            "gdalwarp",
            "-q",
            "-overwrite",
            "-t_srs",
            "EPSG:32721",
            "-tr",
            "10",
            "10",
            "geo.tif",
            "utm10.tif"));
    Gdal.run(
        dir,
        List.of(
            "gdalwarp",
            "-q",
            "-overwrite",
            "-t_srs",
            "EPSG:32721",
            "-tr",
            "20",
            "20",
            "geo.tif",
            "utm20.tif"));
    try (SceneRaster ten = SceneRaster.open(dir.resolve("utm10.tif"));
        SceneRaster twenty = SceneRaster.open(dir.resolve("utm20.tif"))) {
      assertThat(ReprojectedScene.needed(ten, 10)).isFalse();
      assertThat(ReprojectedScene.needed(twenty, 10)).isTrue();
      ReprojectedScene r =
          ReprojectedScene.ontoUtm(twenty, 10, List.of(Resampling.BILINEAR, Resampling.BILINEAR));
      assertThat(r.width()).isBetween(2 * twenty.width() - 2, 2 * twenty.width() + 2);
      assertThat(r.describeSource()).contains("EPSG:32721").contains("20.0 × 20.0 m");
    }
  }
}
