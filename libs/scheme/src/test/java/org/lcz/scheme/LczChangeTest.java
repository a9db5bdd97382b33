package org.lcz.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LczChangeTest {
  // 3 × 2 cells of 100 m × 100 m: 6 → 6, 6 → 2, 14 → 8, none → 1, 17 → none, 2 → 2
  private static final byte[] A = {6, 6, 14, 0, 17, 2};
  private static final byte[] B = {6, 2, 8, 1, 0, 2};

  @Test
  void cellsWhereEitherMapHasNoClassAreLeftOutAndTheRestCounted() throws Exception {
    LczChange c = LczChange.of(3, 2, A, B, 10_000);
    assertThat(c.compared()).isEqualTo(4);
    assertThat(c.changed()).isEqualTo(2);
    assertThat(c.cells(6, 2)).isEqualTo(1);
    assertThat(c.cells(14, 8)).isEqualTo(1);
    assertThat(c.cells(6, 6)).isEqualTo(1);
    assertThat(c.km2(6, 2)).isEqualTo(0.01);
    assertThat(c.from()).containsExactly(6, 6, 14, 0, 0, 2);
    assertThat(c.to()).containsExactly(6, 2, 8, 0, 0, 2);
    JsonNode json = new ObjectMapper().readTree(c.json());
    assertThat(json.at("/cells/5/1").asLong()).isEqualTo(1);
    assertThat(json.at("/changedKm2").asDouble()).isEqualTo(0.02);
    assertThat(json.at("/classes/10").asText()).isEqualTo("A");
    BufferedImage map = ImageIO.read(new ByteArrayInputStream(c.mapPng()));
    assertThat(map.getWidth()).isEqualTo(3);
    assertThat(map.getRGB(0, 0)).isEqualTo(0xFFC8C8C8); // unchanged
    assertThat(map.getRGB(1, 0) & 0xFFFFFF).isEqualTo(LczCatalog.standard().byValue(2).rgb());
    assertThat(map.getRGB(0, 1) >>> 24).isZero(); // not compared: transparent
    assertThat(ImageIO.read(new ByteArrayInputStream(c.matrixPng())).getWidth()).isGreaterThan(17);
  }

  @Test
  void mapsOfDifferentSizesAreRefused() {
    assertThatThrownBy(() -> LczChange.of(3, 2, A, new byte[5], 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("6 and 5 cells, not 6");
  }
}
