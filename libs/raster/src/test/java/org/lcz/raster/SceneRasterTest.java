package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GDAL-written fixtures (make_scenes.py, Debian's python3-gdal) read back through Apache SIS. */
class SceneRasterTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    Scenes.write(dir);
  }

  private static double expected(int b, int y, int x, double offset) {
    return Scenes.value(b, y, x, offset);
  }

  private static void assertWindow(SceneRaster r, int x, int y, int w, int h, double offset) {
    Raster window = r.read(x, y, w, h);
    assertThat(window.getWidth()).isEqualTo(w);
    assertThat(window.getHeight()).isEqualTo(h);
    for (int b = 0; b < 3; b++) {
      for (int j = 0; j < h; j++) {
        for (int i = 0; i < w; i++) {
          double v = window.getSampleDouble(i, j, b);
          if (v != expected(b, y + j, x + i, offset)) {
            throw new AssertionError(
                r.file().getFileName()
                    + " band "
                    + b
                    + " pixel ("
                    + (y + j)
                    + ", "
                    + (x + i)
                    + "): "
                    + v
                    + " != "
                    + expected(b, y + j, x + i, offset));
          }
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({
    "strips_uint8.tif, 0, " + DataBuffer.TYPE_BYTE,
    "strips_int16.tif, -100, " + DataBuffer.TYPE_SHORT,
    "strips_uint16.tif, 1000, " + DataBuffer.TYPE_USHORT,
    "strips_int32.tif, -70000, " + DataBuffer.TYPE_INT,
    "strips_float32.tif, 0.25, " + DataBuffer.TYPE_FLOAT,
    "strips_float64.tif, -0.5, " + DataBuffer.TYPE_DOUBLE,
    "tiled_deflate_pred2.tif, 1000, " + DataBuffer.TYPE_USHORT,
    "strips_lzw_pred2.tif, -100, " + DataBuffer.TYPE_SHORT,
    "packbits.tif, 0, " + DataBuffer.TYPE_BYTE,
    "band_interleave.tif, 0.25, " + DataBuffer.TYPE_FLOAT,
    "bigtiff.tif, 1000, " + DataBuffer.TYPE_USHORT,
    "nodata_overviews.tif, 1000, " + DataBuffer.TYPE_USHORT,
    "sirgas_utm25s.tif, 1000, " + DataBuffer.TYPE_USHORT
  })
  void windowsEqualWhatGdalWrote(String name, double offset, int type) {
    try (SceneRaster r = SceneRaster.open(dir.resolve(name))) {
      assertThat(r.width()).isEqualTo(300);
      assertThat(r.height()).isEqualTo(200);
      assertThat(r.bandNames()).containsExactly("B2", "B3", "B4");
      assertThat(r.dataType()).isEqualTo(type);
      assertThat(r.geoTransform()).containsExactly(500000, 10, 0, 4000000, 0, -10);
      assertWindow(r, 37, 23, 50, 40, offset);
      assertWindow(r, 250, 150, 50, 50, offset); // the bottom-right corner, partial tiles
      assertWindow(r, 0, 0, 300, 1, offset);
    }
  }

  @Test
  void theCrsIsKnownEvenOutsideSissBuiltInSet() {
    try (SceneRaster r = SceneRaster.open(dir.resolve("sirgas_utm25s.tif"))) {
      assertThat(r.crs().getName().getCode()).contains("SIRGAS 2000 / UTM zone 25S");
      assertThat(r.crsWkt()).startsWith("PROJCRS[\"SIRGAS 2000 / UTM zone 25S\"");
    }
    try (SceneRaster r = SceneRaster.open(dir.resolve("nodata_overviews.tif"))) {
      assertThat(r.nodata()).contains(0.0);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "zstd.tif | compression ZSTD (50000) is not supported",
        "float_predictor.tif | floating-point predictor (PREDICTOR=3) is not supported",
        "wide_tiles_pred2.tif | internal tiles (256 px) wider than the image (100 px)",
        "no_crs.tif | has no coordinate reference system",
        "rotated.tif | the grid is rotated or sheared; warp it north-up first (gdalwarp)",
        "sheared.tif | the grid is rotated or sheared; warp it north-up first (gdalwarp)",
        "bomb_one_strip.tif | one internal strip decodes to 6866 MB",
        "not_a_tiff.tif | not a",
        "absent.tif | no such file"
      })
  void whatWouldBeReadWronglyIsRefusedByName(String name, String problem) {
    assertThatThrownBy(() -> SceneRaster.open(dir.resolve(name)).close())
        .isInstanceOf(RasterException.class)
        .hasMessageStartingWith(name + ": ")
        .hasMessageContaining(problem);
  }

  @Test
  void floatingPointNodataComesBackAsTheDeclaredValueNotNaN() {
    try (SceneRaster r = SceneRaster.open(dir.resolve("float_nodata.tif"))) {
      assertThat(r.nodata()).contains(-9999.0);
      Raster px = r.read(0, 0, 3, 2);
      for (int b = 0; b < 3; b++) {
        assertThat(px.getSampleDouble(0, 0, b)).isEqualTo(-9999.0);
        assertThat(px.getSampleDouble(1, 0, b)).isEqualTo(Scenes.value(b, 0, 1, 0.25));
      }
    }
  }

  @Test
  void aHugeTiledImageOpensWithoutReadingItAndReportsItsSize() {
    try (SceneRaster r = SceneRaster.open(dir.resolve("absurd_size.tif"))) {
      assertThat(r.width()).isEqualTo(100_000);
      assertThat(r.height()).isEqualTo(100_000);
    }
  }

  @Test
  void aTruncatedFileFailsWhenItsMissingPixelsAreRead() {
    assertThatThrownBy(
            () -> {
              try (SceneRaster r = SceneRaster.open(dir.resolve("truncated.tif"))) {
                r.read(0, 0, 300, 200);
              }
            })
        .isInstanceOf(RasterException.class)
        .hasMessageContaining("truncated.tif");
  }

  @Test
  void theAcquisitionTimeIsGdalsAcquisitionDateElseTheTiffDateTimeTagElseUnknown()
      throws Exception {
    Gdal.python(
        dir,
        """
        from osgeo import gdal, osr
        srs = osr.SpatialReference(); srs.ImportFromEPSG(32632)
        for name, md in [
            ("acquired-both.tif", {"TIFFTAG_DATETIME": "2026:01:02 03:04:05",
                                   "ACQUISITION_DATE": "2025-06-01T10:20:31Z"}),
            ("acquired-tag.tif", {"TIFFTAG_DATETIME": "2025:06:01 10:20:30"}),
            ("acquired-none.tif", {})]:
            d = gdal.GetDriverByName("GTiff").Create(name, 16, 16, 1, gdal.GDT_UInt16)
            d.SetGeoTransform((500000, 10, 0, 4000160, 0, -10))
            d.SetProjection(srs.ExportToWkt())
            d.SetMetadata(md)
            d.GetRasterBand(1).Fill(7)
            d = None
        """);
    try (SceneRaster r = SceneRaster.open(dir.resolve("acquired-both.tif"))) {
      assertThat(r.tags().datasetMetadata())
          .containsEntry("ACQUISITION_DATE", "2025-06-01T10:20:31Z")
          .containsEntry(TiffTags.DATETIME, "2026:01:02 03:04:05");
      assertThat(r.acquiredAt()).contains(Instant.parse("2025-06-01T10:20:31Z"));
      // SIS makes a dated file a cube with a time axis; it is read as the plain image it is
      assertThat(r.geoTransform()).containsExactly(500000, 10, 0, 4000160, 0, -10);
      assertThat(r.crs().getCoordinateSystem().getDimension()).isEqualTo(2);
      assertThat(r.read(3, 5, 4, 4).getSample(2, 2, 0)).isEqualTo(7);
    }
    try (SceneRaster r = SceneRaster.open(dir.resolve("acquired-tag.tif"))) {
      assertThat(r.acquiredAt()).contains(Instant.parse("2025-06-01T10:20:30Z"));
    }
    try (SceneRaster r = SceneRaster.open(dir.resolve("acquired-none.tif"))) {
      assertThat(r.acquiredAt()).isEmpty();
    }
  }
}
