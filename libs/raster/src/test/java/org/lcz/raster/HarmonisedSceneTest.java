package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.contract.ValueSurvey;

class HarmonisedSceneTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixture() throws Exception {
    Gdal.python(
        dir,
        """
        import numpy as np
        from osgeo import gdal
        ds = gdal.GetDriverByName('GTiff').Create('dn.tif', 40, 30, 3, gdal.GDT_UInt16)
        ds.SetGeoTransform([500000, 10, 0, 4000000, 0, -10])
        ds.SetProjection('EPSG:32633')
        y, x = np.mgrid[0:30, 0:40]
        for b, name in enumerate(['B2', 'B8', 'HEIGHT']):
            a = (1000 + 30 * x + 7 * y + 100 * b).astype('uint16')
            a[0, 0] = 0
            band = ds.GetRasterBand(b + 1)
            band.WriteArray(a)
            band.SetNoDataValue(0)
            band.SetDescription(name)
        ds = None
        """);
  }

  @Test
  void offsetNumbersBecomeCanonicalAndNodataStaysNodata() {
    try (SceneRaster dn = SceneRaster.open(dir.resolve("dn.tif"))) {
      HarmonisedScene h = new HarmonisedScene(dn, Radiometry.L2A_WITH_OFFSET, Radiometry.CANONICAL);
      assertThat(h.unchanged()).isFalse();
      assertThat(h.dataType()).isEqualTo(DataBuffer.TYPE_FLOAT);
      assertThat(h.nodata()).hasValue(HarmonisedScene.NODATA);
      Raster r = h.read(0, 0, 40, 30);
      assertThat(r.getSampleDouble(0, 0, 0)).isEqualTo(HarmonisedScene.NODATA);
      assertThat(r.getSampleDouble(5, 2, 0)).isEqualTo(1000 + 30 * 5 + 7 * 2 - 1000);
      assertThat(r.getSampleDouble(5, 2, 1)).isEqualTo(100 + 30 * 5 + 7 * 2);
      assertThat(r.getSampleDouble(5, 2, 2)).as("HEIGHT is not reflectance").isEqualTo(1364);
    }
  }

  @Test
  void theCanonicalRadiometryPassesUntouched() {
    try (SceneRaster dn = SceneRaster.open(dir.resolve("dn.tif"))) {
      HarmonisedScene h = new HarmonisedScene(dn, Radiometry.CANONICAL, Radiometry.CANONICAL);
      assertThat(h.unchanged()).isTrue();
      assertThat(h.dataType()).isEqualTo(DataBuffer.TYPE_USHORT);
      assertThat(h.nodata()).hasValue(0.0);
      assertThat(h.read(3, 4, 2, 2).getSampleDouble(1, 1, 0)).isEqualTo(1000 + 30 * 4 + 7 * 5);
    }
  }

  @Test
  void theSurveySeesEveryValidPixelOfASmallScene() {
    try (SceneRaster dn = SceneRaster.open(dir.resolve("dn.tif"))) {
      ValueSurvey s = RadiometrySurvey.of(SelectedBands.of(dn, new int[] {1, 0}));
      assertThat(s.bands()).containsExactly("B8", "B2");
      assertThat(s.validValues(0)).isEqualTo(40 * 30 - 1);
      assertThat(s.quantile(1, 0)).isEqualTo(1007); // pixel (0, 1) is the smallest valid B2
    }
  }
}
