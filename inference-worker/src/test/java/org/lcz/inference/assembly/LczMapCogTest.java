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

/** The scene COG in the LCZ Generator's layout, read by GDAL. */
class LczMapCogTest {
  @TempDir Path dir;

  @Test
  void theMapHasTheGeneratorsThreeNamedBandsAndDownstreamRulesLandOnTheFilteredOne()
      throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s1", 70, 45);
    List<SceneProduct.Asset> assets = new LczMapCog(16).make(scene, List.of());
    assertThat(assets).extracting(SceneProduct.Asset::name).containsExactly("map");
    SceneProduct.Asset cog = assets.get(0);
    assertThat(cog.fileName()).isEqualTo("lcz.tif");
    assertThat(cog.roles()).containsExactly("data");
    Path file = dir.resolve("lcz.tif");
    Files.write(file, cog.bytes());

    JsonNode info = AssembledScenes.validCogInfo(dir, file);
    assertThat(info.at("/bands"))
        .extracting(b -> b.at("/description").asText())
        .containsExactly("lcz", "lczFilter", "classProbability");
    for (JsonNode band : info.at("/bands")) {
      assertThat(band.at("/type").asText()).isEqualTo("Byte");
      assertThat(band.at("/noDataValue").asDouble()).isZero();
      // halved until a level fits one 16-cell block: 70 × 45 → 35 × 23 → 18 × 12 → 9 × 6
      assertThat(band.at("/overviews"))
          .extracting(o -> o.at("/size").toString())
          .containsExactly("[35,23]", "[18,12]", "[9,6]");
    }
    assertThat(info.at("/bands/0/colorTable/entries/17").toString()).isEqualTo("[106,106,255,255]");
    assertThat(info.at("/metadata//LCZ_MODEL_VERSION").asText()).isEqualTo("v1");

    // W2W: the band whose name contains lczFilter; LCZ4r: band 2. GDAL reads the values back.
    String read =
        Gdal.python(
            dir,
            "import json\nfrom osgeo import gdal\nd = gdal.Open('"
                + file
                + "')\nw2w = [b for b in range(1, d.RasterCount + 1)"
                + " if 'lczFilter' in d.GetRasterBand(b).GetDescription()]\n"
                + "bands = [d.GetRasterBand(b).ReadAsArray().ravel().tolist() for b in (1, 2, 3)]\n"
                + "print(json.dumps({'w2w': w2w, 'bands': bands}))\n");
    JsonNode values = new ObjectMapper().readTree(read);
    assertThat(values.at("/w2w").toString()).isEqualTo("[2]");
    assertThat(ints(values.at("/bands/0"))).isEqualTo(unsigned(scene.map().classes()));
    assertThat(ints(values.at("/bands/1"))).isEqualTo(unsigned(scene.filtered()));
    assertThat(ints(values.at("/bands/2"))).isEqualTo(unsigned(scene.map().confidence()));
    // the filter turned the speckle of class 9 in the stripe of class 4 into 4; the raw band
    // keeps it
    assertThat(scene.map().classes()[5 * 70 + 10]).isEqualTo((byte) 9);
    assertThat(scene.filtered()[5 * 70 + 10]).isEqualTo((byte) 4);
  }

  static int[] ints(JsonNode array) {
    int[] out = new int[array.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = array.get(i).asInt();
    }
    return out;
  }

  static int[] unsigned(byte[] b) {
    int[] out = new int[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = b[i] & 0xFF;
    }
    return out;
  }
}
