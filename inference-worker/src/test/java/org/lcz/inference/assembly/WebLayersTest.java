package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.lcz.inference.map.Overviews;
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

  @Test
  void aRegionsObservationsAndAgreementAreDrawnInTheirRampsWithTheRampsAsLegends()
      throws Exception {
    AssembledScene stripes = AssembledScenes.stripes("r1", 40, 12);
    int n = 40 * 12;
    byte[] observations = new byte[n];
    byte[] agreement = new byte[n];
    for (int i = 0; i < n; i++) {
      observations[i] = (byte) (i % 9); // 0 … 8: 7 and 8 share the last step
      agreement[i] = (byte) (i % 101);
    }
    AssembledScene region =
        new AssembledScene(
            stripes.sceneId(),
            stripes.manifest(),
            stripes.map(),
            stripes.filtered(),
            stripes.geoTransform(),
            stripes.cellSize(),
            stripes.modelVersion(),
            stripes.completedAt(),
            "region r1, version 1",
            List.of(
                new AssembledScene.Layer(
                    "observations", "observations", "count", observations, Overviews.Kind.PERCENT),
                new AssembledScene.Layer(
                    "agreement", "agreement", "percent", agreement, Overviews.Kind.PERCENT)),
            null);
    List<SceneProduct.Asset> assets = new WebLayers().make(region, List.of());
    assertThat(assets)
        .extracting(SceneProduct.Asset::fileName)
        .containsExactly(
            "web-lcz.png",
            "web-lczFilter.png",
            "web-confidence.png",
            "web-observations.png",
            "web-agreement.png",
            "web-layers.json");
    BufferedImage seen = ImageIO.read(new ByteArrayInputStream(assets.get(3).bytes()));
    BufferedImage agreed = ImageIO.read(new ByteArrayInputStream(assets.get(4).bytes()));
    int[] counts = {0, 0xC7E9B4, 0x7FCDBB, 0x41B6C4, 0x1D91C0, 0x225EA8, 0x253494, 0x081D58};
    int[] percent = {0xD7191C, 0xFDAE61, 0xFFFFBF, 0xA6D96A, 0x1A9641};
    byte[] classes = region.map().classes();
    for (int y = 0; y < 12; y++) {
      for (int x = 0; x < 40; x++) {
        int i = y * 40 + x;
        int o = Math.min(7, observations[i]);
        int expectedSeen = classes[i] == 0 || o == 0 ? 0 : 0xFF000000 | counts[o];
        assertThat(seen.getRGB(x, y)).as("observations %d,%d", x, y).isEqualTo(expectedSeen);
        int step = Math.min(4, agreement[i] / 20);
        int expectedAgreed = classes[i] == 0 ? 0 : 0xFF000000 | percent[step];
        assertThat(agreed.getRGB(x, y)).as("agreement %d,%d", x, y).isEqualTo(expectedAgreed);
      }
    }
    JsonNode layers = new ObjectMapper().readTree(assets.get(5).bytes());
    assertThat(layers.at("/layers"))
        .extracting(l -> l.at("/name").asText() + "=" + l.at("/title").asText())
        .containsExactly(
            "lczFilter=LCZ (filtered)",
            "lcz=LCZ (raw)",
            "confidence=Confidence (raw map)",
            "observations=Observations (count)",
            "agreement=Agreement (%)");
    assertThat(layers.at("/layers/3/legend"))
        .extracting(l -> l.at("/from").asInt() + " " + l.at("/colour").asText())
        .containsExactly(
            "1 #C7E9B4",
            "2 #7FCDBB",
            "3 #41B6C4",
            "4 #1D91C0",
            "5 #225EA8",
            "6 #253494",
            "7 #081D58");
    assertThat(layers.at("/layers/4/legend/4/label").asText()).isEqualTo("80–100 %");
  }

  /** The class's WUDAPT colour, opaque; no class transparent. */
  private static int argb(byte value) {
    int v = value & 0xFF;
    return v == 0 ? 0 : 0xFF000000 | LczCatalog.standard().byValue(v).rgb();
  }
}
