package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MapTileFileTest {
  @Test
  void aMapTileReadsBackWithItsPlaceAndModelVersion() {
    LczTiff.Level l = LczTiffTest.level(51, 37);
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
  void somethingElseIsRefused() {
    assertThatThrownBy(() -> MapTileFile.read(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a readable map tile");
  }
}
