package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lcz.raster.GeoTiffWriter;

class MapTileFileTest {
  @Test
  void aMapTileReadsBackWithItsPlaceAndModelVersion() {
    GeoTiffWriter.Level l = LczTiffTest.level(51, 37);
    byte[] probabilities = new byte[17 * 51 * 37];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = (byte) (i * 7 % 101);
    }
    MapTile tile =
        new MapTile(
            51,
            37,
            l.band(0),
            l.band(1),
            probabilities,
            new double[] {500000, 100, 0, 5000000, 0, -100},
            "v&1");
    MapTile back = MapTileFile.read(MapTileFile.write(tile, 32632, true));
    assertThat(back.classes()).isEqualTo(tile.classes());
    assertThat(back.confidence()).isEqualTo(tile.confidence());
    assertThat(back.probabilities()).isEqualTo(tile.probabilities());
    assertThat(back.probabilityAt(17, 50, 36)).isEqualTo(probabilities[17 * 51 * 37 - 1]);
    assertThat(back.geoTransform()).containsExactly(tile.geoTransform());
    assertThat(back.modelVersion()).isEqualTo("v&1");
  }

  @Test
  void gdalReadsEveryBandItsPlaceAndTheModelVersion(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    int w = 51;
    int h = 37;
    GeoTiffWriter.Level l = LczTiffTest.level(w, h);
    byte[] probabilities = new byte[17 * w * h];
    for (int i = 0; i < probabilities.length; i++) {
      probabilities[i] = (byte) (i * 13 % 101);
    }
    MapTile tile =
        new MapTile(
            w,
            h,
            l.band(0),
            l.band(1),
            probabilities,
            new double[] {500000, 100, 0, 5000000, 0, -100},
            "v-7");
    java.nio.file.Path file =
        java.nio.file.Files.write(dir.resolve("tile.tif"), MapTileFile.write(tile, 32632, true));
    // GDAL (python3-gdal) digests every band's pixels; the same digests from the arrays written
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                String.join(
                    "\n",
                    "import hashlib, numpy as np",
                    "from osgeo import gdal",
                    "d = gdal.Open('" + file + "')",
                    "print(d.RasterCount, d.RasterXSize, d.RasterYSize)",
                    "print(list(d.GetGeoTransform()))",
                    "print(d.GetMetadataItem('" + MapTileFile.MODEL_VERSION + "'))",
                    "for b in range(1, d.RasterCount + 1):",
                    "    a = d.GetRasterBand(b).ReadAsArray().astype(np.uint8)",
                    "    print(hashlib.sha256(a.tobytes()).hexdigest())"))
            .redirectErrorStream(true)
            .start();
    String[] lines =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .split("\n");
    assertThat(p.waitFor()).as(String.join("\n", lines)).isZero();
    assertThat(lines[0]).isEqualTo("19 51 37");
    assertThat(lines[1]).isEqualTo("[500000.0, 100.0, 0.0, 5000000.0, 0.0, -100.0]");
    assertThat(lines[2]).isEqualTo("v-7");
    assertThat(lines[3]).as("lcz").isEqualTo(org.lcz.storage.Sha256.of(tile.classes()));
    assertThat(lines[4])
        .as("classProbability")
        .isEqualTo(org.lcz.storage.Sha256.of(tile.confidence()));
    for (int k = 0; k < 17; k++) {
      byte[] band = java.util.Arrays.copyOfRange(probabilities, k * w * h, (k + 1) * w * h);
      assertThat(lines[5 + k]).as("LCZ class %d", k + 1).isEqualTo(org.lcz.storage.Sha256.of(band));
    }
  }

  @Test
  void somethingElseIsRefused() {
    assertThatThrownBy(() -> MapTileFile.read(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a readable map tile");
  }
}
