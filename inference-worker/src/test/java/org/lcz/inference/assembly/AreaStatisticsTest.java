package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AreaStatisticsTest {
  @Test
  void classAreasOfTheRawAndTheFilteredMapAddUpToTheMapsCells() throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s1", 70, 45);
    List<SceneProduct.Asset> assets = new AreaStatistics().make(scene, List.of());
    assertThat(assets).extracting(SceneProduct.Asset::name).containsExactly("areas", "areas-csv");
    JsonNode json = new ObjectMapper().readTree(assets.get(0).bytes());
    assertThat(json.at("/cells").asLong()).isEqualTo(70 * 45);
    assertThat(json.at("/cellAreaKm2").asDouble()).isEqualTo(0.01);
    // counted here, independently, from the two class arrays
    for (String layer : List.of("lcz", "lczFilter")) {
      byte[] classes = layer.equals("lcz") ? scene.map().classes() : scene.filtered();
      long without = 0;
      long[] expected = new long[18];
      for (byte b : classes) {
        expected[b]++;
        without += b == 0 ? 1 : 0;
      }
      long cells = without;
      double shares = 0;
      for (JsonNode k : json.at("/classes")) {
        long n = k.at("/" + layer + "/cells").asLong();
        assertThat(n)
            .as("%s class %s", layer, k.at("/code").asText())
            .isEqualTo(expected[k.at("/value").asInt()]);
        assertThat(k.at("/" + layer + "/km2").asDouble()).isCloseTo(n * 0.01, within(1e-9));
        cells += n;
        shares += k.at("/" + layer + "/share").asDouble();
      }
      assertThat(cells).isEqualTo(70 * 45);
      assertThat(shares).isCloseTo(1, within(1e-9));
    }
    assertThat(json.at("/cellsWithoutClass").asLong()).isEqualTo(1);
    assertThat(json.at("/classes/12/name").asText()).isEqualTo("Bush, scrub");

    List<String> csv = new String(assets.get(1).bytes(), StandardCharsets.UTF_8).lines().toList();
    assertThat(csv).hasSize(18);
    assertThat(csv.get(0)).startsWith("value,code,name,lcz_cells");
    assertThat(csv.get(13)).startsWith("13,C,\"Bush, scrub\",");
    String[] four = csv.get(4).split(",");
    assertThat(four[3]).isEqualTo(json.at("/classes/3/lcz/cells").asText());
    assertThat(four[6]).isEqualTo(json.at("/classes/3/lczFilter/cells").asText());
  }
}
