package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;

/** The per-class probability COG, read by GDAL. */
class ProbabilityCogTest {
  @TempDir Path dir;

  @Test
  void seventeenNamedPercentBandsWithNodataWhereACellHasNoClass() throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s1", 70, 45);
    SceneProduct.Asset cog = new ProbabilityCog(16).make(scene, List.of()).get(0);
    assertThat(cog.name()).isEqualTo("probabilities");
    Path file = dir.resolve(cog.fileName());
    Files.write(file, cog.bytes());
    JsonNode info = AssembledScenes.validCogInfo(dir, file);
    JsonNode bands = info.at("/bands");
    assertThat(bands).hasSize(17);
    assertThat(bands.get(0).at("/description").asText()).isEqualTo("LCZ 1 Compact highrise");
    assertThat(bands.get(16).at("/description").asText()).isEqualTo("LCZ G Water");
    assertThat(bands.get(3).at("/noDataValue").asInt()).isEqualTo(255);
    assertThat(bands.get(0).at("/colorTable").isMissingNode()).isTrue();

    String read =
        Gdal.python(
            dir,
            "import json\nfrom osgeo import gdal\nd = gdal.Open('"
                + file
                + "')\nprint(json.dumps([d.GetRasterBand(b).ReadAsArray().ravel().tolist()"
                + " for b in range(1, 18)]))\n");
    JsonNode values = new ObjectMapper().readTree(read);
    byte[] classes = scene.map().classes();
    for (int v = 1; v <= 17; v++) {
      int[] got = LczMapCogTest.ints(values.get(v - 1));
      byte[] expected = scene.map().probabilities(v);
      for (int i = 0; i < classes.length; i++) {
        assertThat(got[i])
            .as("class %d, cell %d", v, i)
            .isEqualTo(classes[i] == 0 ? 255 : expected[i] & 0xFF);
      }
    }
    // in a mapped cell the 17 probabilities add up to 100 %
    int sum = 0;
    for (int v = 1; v <= 17; v++) {
      sum += values.get(v - 1).get(71).asInt();
    }
    assertThat(sum).isEqualTo(100);
  }
}
