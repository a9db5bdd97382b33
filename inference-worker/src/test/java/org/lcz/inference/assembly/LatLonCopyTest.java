package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;

/** The lat/lon copy against GDAL's own warp of the scene COG (nearest neighbour, exact). */
class LatLonCopyTest {
  @TempDir Path dir;

  @Test
  void theLatLonCopyIsTheMapWarpedOntoEpsg4326AsGdalWarpsIt() throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s1", 70, 45);
    Path utm = dir.resolve("lcz.tif");
    Files.write(utm, new LczMapCog(16).make(scene, List.of()).get(0).bytes());
    SceneProduct.Asset asset = new LatLonCopy(16).make(scene, List.of()).get(0);
    assertThat(asset.name()).isEqualTo("map-4326");
    Path ours = dir.resolve(asset.fileName());
    Files.write(ours, asset.bytes());

    JsonNode info = AssembledScenes.validCogInfo(dir, ours);
    assertThat(info.at("/coordinateSystem/wkt").asText()).contains("ID[\"EPSG\",4326]");
    assertThat(info.at("/bands"))
        .extracting(b -> b.at("/description").asText())
        .containsExactly("lcz", "lczFilter", "classProbability");
    double cell = info.at("/geoTransform/1").asDouble();
    assertThat(cell).isCloseTo(LatLonMap.CELL_DEGREES, org.assertj.core.data.Offset.offset(1e-15));
    assertThat(cell * 6_378_137 * Math.PI / 180)
        .isCloseTo(100, org.assertj.core.data.Offset.offset(1e-9));
    // the grid covers the footprint and sits on multiples of the cell size
    double[] bbox = scene.footprint().bbox();
    double west = info.at("/geoTransform/0").asDouble();
    double north = info.at("/geoTransform/3").asDouble();
    int cols = info.at("/size/0").asInt();
    int rows = info.at("/size/1").asInt();
    assertThat(west).isLessThanOrEqualTo(bbox[0]);
    assertThat(north).isGreaterThanOrEqualTo(bbox[3]);
    assertThat(west + cols * cell).isGreaterThanOrEqualTo(bbox[2]);
    assertThat(north - rows * cell).isLessThanOrEqualTo(bbox[1]);

    // GDAL warps the UTM COG onto the same grid: nearest neighbour, exact transformation
    Path warped = dir.resolve("warped.tif");
    Gdal.run(
        dir,
        List.of(
            "gdalwarp",
            "-q",
            "-t_srs",
            "EPSG:4326",
            "-r",
            "near",
            "-et",
            "0",
            "-te",
            String.format(Locale.ROOT, "%.12f", west),
            String.format(Locale.ROOT, "%.12f", north - rows * cell),
            String.format(Locale.ROOT, "%.12f", west + cols * cell),
            String.format(Locale.ROOT, "%.12f", north),
            "-ts",
            String.valueOf(cols),
            String.valueOf(rows),
            utm.toString(),
            warped.toString()));
    JsonNode compared =
        new ObjectMapper()
            .readTree(
                Gdal.python(
                    dir,
                    "import json\nfrom osgeo import gdal\n"
                        + "a = gdal.Open('"
                        + ours
                        + "')\nb = gdal.Open('"
                        + warped
                        + "')\nout = []\nfor i in (1, 2, 3):\n"
                        + "    x = a.GetRasterBand(i).ReadAsArray()\n"
                        + "    y = b.GetRasterBand(i).ReadAsArray()\n"
                        + "    out.append([int((x == y).sum()), int(x.size), int((x > 0).sum())])\n"
                        + "print(json.dumps(out))\n"));
    for (JsonNode band : compared) {
      long same = band.get(0).asLong();
      long all = band.get(1).asLong();
      assertThat(band.get(2).asLong()).as("cells with a class").isGreaterThan(2000);
      assertThat((double) same / all)
          .as("agreement with gdalwarp: %s", band)
          .isGreaterThanOrEqualTo(0.999);
    }
  }
}
