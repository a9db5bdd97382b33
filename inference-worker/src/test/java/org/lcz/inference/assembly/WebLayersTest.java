package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lcz.scheme.LczCatalog;

class WebLayersTest {
  @Test
  void layersAreTheMapsCellsInLczColoursAndGreyWithTheirExtentInTheScenesCrs() throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s1", 40, 12);
    List<SceneProduct.Asset> assets = new WebLayers().make(scene, List.of());
    assertThat(assets)
        .extracting(SceneProduct.Asset::fileName)
        .containsExactly(
            "web-lcz.png", "web-lczFilter.png", "web-confidence.png", "web-layers.json");

    BufferedImage raw = ImageIO.read(new ByteArrayInputStream(assets.get(0).bytes()));
    BufferedImage filtered = ImageIO.read(new ByteArrayInputStream(assets.get(1).bytes()));
    BufferedImage confidence = ImageIO.read(new ByteArrayInputStream(assets.get(2).bytes()));
    byte[] rawClasses = scene.map().classes();
    byte[] filteredClasses = scene.filtered();
    for (BufferedImage image : List.of(raw, filtered, confidence)) {
      assertThat(image.getWidth()).isEqualTo(40);
      assertThat(image.getHeight()).isEqualTo(12);
    }
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 40; x++) {
        int i = y * 40 + x;
        assertThat(raw.getRGB(x, y)).as("raw %d,%d", x, y).isEqualTo(argb(rawClasses[i]));
        assertThat(filtered.getRGB(x, y))
            .as("filtered %d,%d", x, y)
            .isEqualTo(argb(filteredClasses[i]));
        // the stripes' confidence is 70 % everywhere a class is: round(0.7 × 255) = 179
        assertThat(confidence.getRGB(x, y))
            .as("confidence %d,%d", x, y)
            .isEqualTo(rawClasses[i] == 0 ? 0 : 0xFFB3B3B3);
      }
    }

    JsonNode layers = new ObjectMapper().readTree(assets.get(3).bytes());
    assertThat(layers.at("/epsg").asInt()).isEqualTo(32632);
    // 40 × 12 cells of 100 m from (500000, 5000000) down
    assertThat(layers.at("/extent").toString())
        .isEqualTo("[500000.0,4998800.0,504000.0,5000000.0]");
    assertThat(layers.at("/layers"))
        .extracting(l -> l.at("/name").asText() + "=" + l.at("/file").asText())
        .containsExactly(
            "lczFilter=web-lczFilter.png", "lcz=web-lcz.png", "confidence=web-confidence.png");
  }

  /** The class's WUDAPT colour, opaque; no class transparent. */
  private static int argb(byte value) {
    int v = value & 0xFF;
    return v == 0 ? 0 : 0xFF000000 | LczCatalog.standard().byValue(v).rgb();
  }
}
