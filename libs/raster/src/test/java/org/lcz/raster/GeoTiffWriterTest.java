package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Tiles written, then checked with GDAL's gdalinfo and read back. */
class GeoTiffWriterTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    Scenes.write(dir);
  }

  static JsonNode gdalinfo(Path file) throws Exception {
    Process p = new ProcessBuilder("gdalinfo", "-json", file.toString()).start();
    byte[] out = p.getInputStream().readAllBytes();
    String warnings =
        new String(p.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(warnings).as("GDAL's warnings").isEmpty();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    return new ObjectMapper().readTree(out);
  }

  @ParameterizedTest
  @CsvSource({
    "strips_uint8.tif, Byte",
    "strips_int16.tif, Int16",
    "tiled_deflate_pred2.tif, UInt16",
    "strips_int32.tif, Int32",
    "strips_float32.tif, Float32",
    "strips_float64.tif, Float64",
    "sirgas_utm25s.tif, UInt16"
  })
  void gdalSeesTheTilesPlaceBandsTypeAndPixels(String name, String gdalType) throws Exception {
    try (SceneRaster scene = SceneRaster.open(dir.resolve(name))) {
      TileLayout layout = new TileLayout(300, 200, 128, 24);
      TileCutter cutter = new TileCutter(scene, layout);
      TileLayout.Tile tile = layout.tile(1, 1);
      Raster pixels = cutter.cut(tile);
      double[] g = cutter.geoTransform(tile);
      Path out = dir.resolve("tile_" + name);
      Files.write(
          out,
          GeoTiffWriter.write(
              pixels,
              new GeoTiffWriter.Georeference(g, scene.georeference().epsg(), true),
              scene.bandNames(),
              -9999.0));

      JsonNode info = gdalinfo(out);
      assertThat(info.get("size").get(0).asInt()).isEqualTo(tile.coreWidth() + 48);
      assertThat(info.get("size").get(1).asInt()).isEqualTo(tile.coreHeight() + 48);
      for (int i = 0; i < 6; i++) {
        assertThat(info.get("geoTransform").get(i).asDouble()).isEqualTo(g[i]);
      }
      String wkt = info.get("coordinateSystem").get("wkt").asText();
      assertThat(wkt).contains(scene.crs().getName().getCode());
      JsonNode bands = info.get("bands");
      assertThat(bands).hasSize(3);
      for (int b = 0; b < 3; b++) {
        assertThat(bands.get(b).get("type").asText()).isEqualTo(gdalType);
        assertThat(bands.get(b).get("description").asText()).isEqualTo(scene.bandNames().get(b));
        assertThat(bands.get(b).get("noDataValue").asDouble()).isEqualTo(-9999.0);
      }
      // GDAL's own reading of the pixels (DEFLATE with the horizontal predictor for integers):
      // every band's values in order, as text, against the tile's
      String gdalPixels =
          Gdal.python(
              dir,
              "from osgeo import gdal\nd = gdal.Open('"
                  + out
                  + "')\nfor b in range(3):\n"
                  + "    print(' '.join(repr(float(v)) for v in"
                  + " d.GetRasterBand(b + 1).ReadAsArray().ravel()))\n");
      String[] lines = gdalPixels.strip().split("\n");
      assertThat(lines).hasSize(3);
      for (int b = 0; b < 3; b++) {
        String[] values = lines[b].split(" ");
        assertThat(values).hasSize(pixels.getWidth() * pixels.getHeight());
        for (int i = 0; i < values.length; i++) {
          int x = i % pixels.getWidth();
          int y = i / pixels.getWidth();
          double expected = pixels.getSampleDouble(pixels.getMinX() + x, pixels.getMinY() + y, b);
          if (pixels.getSampleModel().getDataType() == java.awt.image.DataBuffer.TYPE_FLOAT) {
            expected = (float) expected;
          }
          assertThat(Double.parseDouble(values[i]))
              .as("band %d pixel %d", b, i)
              .isEqualTo(expected);
        }
      }
      try (SceneRaster back = SceneRaster.open(out)) {
        Raster read = back.read(0, 0, back.width(), back.height());
        for (int b = 0; b < 3; b++) {
          for (int y = 0; y < back.height(); y++) {
            for (int x = 0; x < back.width(); x++) {
              assertThat(read.getSampleDouble(x, y, b)).isEqualTo(pixels.getSampleDouble(x, y, b));
            }
          }
        }
        assertThat(back.dataType()).isEqualTo(scene.dataType());
      }
    }
  }

  @org.junit.jupiter.api.Test
  void aStreamedImageIsWrittenChunkByChunkAndReadsBackPixelForPixel() throws Exception {
    int w = 301;
    int h = 257;
    List<String> names = List.of("B2", "B3", "B4");
    GeoTiffWriter.Layout layout = new GeoTiffWriter.Layout(w, h, 3, DataBuffer.TYPE_USHORT);
    double[] g = {500000, 10, 0, 5000000, 0, -10};
    List<Integer> starts = new ArrayList<>();
    List<Integer> heights = new ArrayList<>();
    Path out = dir.resolve("streamed.tif");
    // strips of 108 rows (64 KiB / 602 B), chunks of one strip: rows 0, 108, 216 (41 rows)
    GeoTiffWriter.write(
        out,
        layout,
        new GeoTiffWriter.Georeference(g, 32632, true),
        names,
        null,
        (y0, chunk) -> {
          starts.add(y0);
          heights.add(chunk.getHeight());
          for (int b = 0; b < 3; b++) {
            for (int y = 0; y < chunk.getHeight(); y++) {
              for (int x = 0; x < w; x++) {
                chunk.setSample(x, y, b, streamedValue(x, y0 + y, b));
              }
            }
          }
        },
        1);
    assertThat(starts).containsExactly(0, 108, 216);
    assertThat(heights).containsExactly(108, 108, 41);

    try (SceneRaster back = SceneRaster.open(out)) {
      assertThat(back.width()).isEqualTo(w);
      assertThat(back.height()).isEqualTo(h);
      assertThat(back.bandNames()).isEqualTo(names);
      Raster read = back.read(0, 0, w, h);
      for (int b = 0; b < 3; b++) {
        for (int y = 0; y < h; y++) {
          for (int x = 0; x < w; x++) {
            assertThat(read.getSample(x, y, b))
                .as("band %d at (%d, %d)", b, x, y)
                .isEqualTo(streamedValue(x, y, b));
          }
        }
      }
    }
    // GDAL: the same values, counted in numpy against the same formula
    String gdal =
        Gdal.python(
            dir,
            "from osgeo import gdal\nimport numpy as np\nd = gdal.Open('"
                + out
                + "')\ny, x = np.mgrid[0:"
                + h
                + ", 0:"
                + w
                + "]\nfor b in range(3):\n"
                + "    want = (x * 7 + y * 13 + b * 1000 + (x * y) % 97) % 65536\n"
                + "    print(int((d.GetRasterBand(b + 1).ReadAsArray() == want).sum()))\n");
    assertThat(gdal.strip().split("\n")).containsOnly(Integer.toString(w * h));
  }

  private static int streamedValue(int x, int y, int b) {
    return (x * 7 + y * 13 + b * 1000 + (x * y) % 97) % 65536;
  }

  @Test
  void bandNamesWithXmlCharactersReadBackAsWrittenByGdalAndByThePlatform() throws Exception {
    List<String> names = List.of("B&1", "<B2>", "\"B3\" & 'x'");
    Path ours = dir.resolve("names_ours.tif");
    Files.write(
        ours,
        GeoTiffWriter.write(
            Raster.createBandedRaster(DataBuffer.TYPE_USHORT, 4, 3, 3, null),
            new GeoTiffWriter.Georeference(new double[] {0, 10, 0, 0, 0, -10}, 32633, true),
            names,
            null));
    Path gdals = dir.resolve("names_gdal.tif");
    Gdal.python(
        dir,
        "from osgeo import gdal\nd = gdal.GetDriverByName('GTiff').Create('"
            + gdals
            + "', 4, 3, 3)\n"
            + "d.SetProjection('EPSG:32633')\nd.SetGeoTransform((0, 10, 0, 0, 0, -10))\n"
            + "d.GetRasterBand(1).SetDescription('B&1')\n"
            + "d.GetRasterBand(2).SetDescription('<B2>')\n"
            + "d.GetRasterBand(3).SetDescription('\"B3\" & \\'x\\'')\n"
            + "d.SetMetadataItem('SOURCE', 'a?b=1&c=<2>')\nd = None\n");
    for (Path file : List.of(ours, gdals)) {
      JsonNode bands = gdalinfo(file).get("bands");
      for (int b = 0; b < 3; b++) {
        assertThat(bands.get(b).get("description").asText())
            .as(file + " by GDAL")
            .isEqualTo(names.get(b));
      }
      try (SceneRaster scene = SceneRaster.open(file)) {
        assertThat(scene.bandNames()).as(file + " by the platform").isEqualTo(names);
      }
    }
    try (SceneRaster scene = SceneRaster.open(gdals)) {
      assertThat(scene.tags().datasetMetadata()).containsEntry("SOURCE", "a?b=1&c=<2>");
    }
  }

  @Test
  void aGreyCogWithOverviewsIsValidAndGdalReadsItAsWritten() throws Exception {
    int w = 200;
    int h = 90;
    byte[] a = new byte[w * h];
    byte[] b = new byte[w * h];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) (i % 251);
      b[i] = (byte) (i % w == 0 ? 255 : (i / w) % 100);
    }
    GeoTiffWriter.Level full = new GeoTiffWriter.Level(w, h, List.of(a, b));
    GeoTiffWriter.Level half = halve(full);
    Path file = dir.resolve("grey_cog.tif");
    Files.write(
        file,
        GeoTiffWriter.cog(
            List.of(full, half, halve(half)),
            32,
            new GeoTiffWriter.Georeference(new double[] {-10, 0.5, 0, 50, 0, -0.5}, 4326, false),
            new GeoTiffWriter.CogBands(List.of("first", "second & <more>"), 255, null),
            Map.of("MODEL", "v7")));

    assertThat(
            Gdal.run(
                dir,
                List.of(
                    "/usr/bin/python3",
                    "-m",
                    "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                    file.toString())))
        .contains("is a valid cloud optimized GeoTIFF");
    JsonNode info = gdalinfo(file);
    assertThat(info.at("/size").toString()).isEqualTo("[200,90]");
    assertThat(info.at("/geoTransform").toString()).isEqualTo("[-10.0,0.5,0.0,50.0,0.0,-0.5]");
    assertThat(info.at("/coordinateSystem/wkt").asText()).contains("WGS 84");
    assertThat(info.at("/metadata//MODEL").asText()).isEqualTo("v7");
    JsonNode band = info.at("/bands/0");
    assertThat(band.at("/block").toString()).isEqualTo("[32,32]");
    assertThat(band.at("/overviews")).hasSize(2);
    assertThat(band.at("/colorTable").isMissingNode()).isTrue();
    assertThat(band.at("/colorInterpretation").asText()).isEqualTo("Gray");
    assertThat(band.at("/noDataValue").asInt()).isEqualTo(255);
    assertThat(info.at("/bands/1/description").asText()).isEqualTo("second & <more>");
    String sums =
        Gdal.python(
            dir,
            "from osgeo import gdal\nd = gdal.Open('"
                + file
                + "')\nfor i in (1, 2):\n"
                + "    r = d.GetRasterBand(i)\n"
                + "    print(int(r.ReadAsArray().sum()), int(r.GetOverview(1).ReadAsArray().sum()))\n");
    GeoTiffWriter.Level quarter = halve(half);
    assertThat(sums.strip().split("\n"))
        .containsExactly(sum(a) + " " + sum(quarter.band(0)), sum(b) + " " + sum(quarter.band(1)));
  }

  @Test
  void aCogRefusesTilesThatAreNotAMultipleOfSixteenAndBandsWithoutNames() {
    GeoTiffWriter.Level level = new GeoTiffWriter.Level(4, 4, List.of(new byte[16]));
    GeoTiffWriter.Georeference where =
        new GeoTiffWriter.Georeference(new double[] {0, 1, 0, 0, 0, -1}, 32632, true);
    assertThatThrownBy(
            () ->
                GeoTiffWriter.cog(
                    List.of(level),
                    40,
                    where,
                    new GeoTiffWriter.CogBands(List.of("x"), 0, null),
                    Map.of()))
        .hasMessageContaining("multiple of 16");
    assertThatThrownBy(
            () ->
                GeoTiffWriter.cog(
                    List.of(level),
                    16,
                    where,
                    new GeoTiffWriter.CogBands(List.of("x", "y"), 0, null),
                    Map.of()))
        .hasMessageContaining("levels of 1 bands for 2 names");
  }

  /** Every second pixel of every second row. */
  private static GeoTiffWriter.Level halve(GeoTiffWriter.Level l) {
    int w = (l.width() + 1) / 2;
    int h = (l.height() + 1) / 2;
    List<byte[]> bands = new ArrayList<>();
    for (byte[] band : l.bands()) {
      byte[] out = new byte[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[y * w + x] = band[2 * y * l.width() + 2 * x];
        }
      }
      bands.add(out);
    }
    return new GeoTiffWriter.Level(w, h, bands);
  }

  private static long sum(byte[] values) {
    long s = 0;
    for (byte v : values) {
      s += v & 0xFF;
    }
    return s;
  }
}
