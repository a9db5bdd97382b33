package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.GeoTiffWriter;

/** Checked with GDAL's own tools: its COG validator and gdalinfo. */
class LczTiffTest {
  static GeoTiffWriter.Level level(int w, int h) {
    byte[] classes = new byte[w * h];
    byte[] confidence = new byte[w * h];
    for (int i = 0; i < classes.length; i++) {
      classes[i] = (byte) ((i % w) * 17 / w + 1);
      confidence[i] = (byte) (i % 101);
    }
    classes[0] = 0;
    return new GeoTiffWriter.Level(w, h, List.of(classes, confidence));
  }

  static final LczTiff.MapBands LAYOUT =
      new LczTiff.MapBands(List.of("lcz", "classProbability"), true, 0);
  static final List<Overviews.Kind> KINDS =
      List.of(Overviews.Kind.CLASS, Overviews.Kind.CONFIDENCE);

  @Test
  void aMapWithOverviewsIsACloudOptimizedGeoTiffGdalReadsAsWritten(@TempDir Path dir)
      throws Exception {
    GeoTiffWriter.Level full = level(301, 157);
    List<GeoTiffWriter.Level> levels = Overviews.pyramid(full, KINDS, 0, 64);
    assertThat(levels).extracting(GeoTiffWriter.Level::width).containsExactly(301, 151, 76, 38);
    Path file = dir.resolve("map.tif");
    Files.write(
        file,
        LczTiff.write(
            levels,
            LAYOUT,
            64,
            new LczTiff.MapPlacement(
                new double[] {600000, 100, 0, 5100000, 0, -100},
                32633,
                true,
                Map.of("K", "v<1>"))));

    assertThat(
            run(
                "/usr/bin/python3",
                "-m",
                "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                file.toString()))
        .contains("is a valid cloud optimized GeoTIFF");
    JsonNode info =
        new ObjectMapper().readTree(run("gdalinfo", "-json", "-mdd", "all", file.toString()));
    assertThat(info.at("/size").toString()).isEqualTo("[301,157]");
    assertThat(info.at("/geoTransform").toString())
        .isEqualTo("[600000.0,100.0,0.0,5100000.0,0.0,-100.0]");
    assertThat(info.at("/coordinateSystem/wkt").asText()).contains("UTM zone 33N");
    assertThat(info.at("/metadata//K").asText()).isEqualTo("v<1>");
    assertThat(info.at("/metadata/IMAGE_STRUCTURE/COMPRESSION").asText()).isEqualTo("DEFLATE");
    JsonNode band = info.at("/bands/0");
    assertThat(band.at("/block").toString()).isEqualTo("[64,64]");
    assertThat(band.at("/overviews")).hasSize(3);
    assertThat(band.at("/colorTable/entries")).hasSize(256);
    assertThat(band.at("/colorTable/entries/17").toString())
        .isEqualTo("[106,106,255,255]"); // G, water: #6A6AFF
    assertThat(info.at("/bands/1/colorInterpretation").asText()).isEqualTo("Undefined");

    // the pixels, read back by GDAL
    String sums =
        run(
            "/usr/bin/python3",
            "-c",
            "from osgeo import gdal; d=gdal.Open('"
                + file
                + "'); a=d.GetRasterBand(1).ReadAsArray(); b=d.GetRasterBand(2).ReadAsArray();"
                + " print(int(a.sum()), int(b.sum()), int(a[0,0]), int(a[156,300]))");
    long classSum = 0;
    long confidenceSum = 0;
    for (int i = 0; i < full.band(0).length; i++) {
      classSum += full.band(0)[i] & 0xFF;
      confidenceSum += full.band(1)[i] & 0xFF;
    }
    assertThat(sums.trim()).isEqualTo(classSum + " " + confidenceSum + " 0 17");
  }

  @Test
  void tilesMustBeAMultipleOfSixteen() {
    assertThatThrownBy(
            () ->
                LczTiff.write(
                    List.of(level(10, 10)),
                    LAYOUT,
                    100,
                    new LczTiff.MapPlacement(
                        new double[] {0, 1, 0, 0, 0, -1}, 32632, true, Map.of())))
        .hasMessageContaining("multiple of 16");
  }

  static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    return out;
  }
}
