package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lcz.inference.map.MapTile;
import org.lcz.raster.CellGrid;

class SceneMapTest {
  private static MapTile tile(int w, int h, int value, String version) {
    byte[] c = new byte[w * h];
    java.util.Arrays.fill(c, (byte) value);
    byte[] p = new byte[17 * w * h];
    java.util.Arrays.fill(p, (value - 1) * w * h, value * w * h, (byte) 90);
    return new MapTile(w, h, c, new byte[w * h], p, new double[6], version);
  }

  @Test
  void tilesFillTheGridOnceEachAndACellMappedTwiceIsRefused() {
    CellGrid grid = new CellGrid(40, 20, 10); // 4 × 2 cells
    SceneMap map = new SceneMap(grid);
    map.place(grid.cellsOf(0, 0, 20, 20), tile(2, 2, 3, "v1"));
    assertThat(map.isComplete()).isFalse();
    map.place(grid.cellsOf(20, 0, 20, 20), tile(2, 2, 7, "v2"));
    assertThat(map.isComplete()).isTrue();
    assertThat(map.classes()).containsExactly(3, 3, 7, 7, 3, 3, 7, 7);
    assertThat(map.tilesByModel()).containsEntry("v1", 1).containsEntry("v2", 1);
    assertThat(AreaStatistics.count(map.classes())[7]).isEqualTo(4);
    // each cell's class probabilities come with it
    assertThat(map.probabilities(3)).containsExactly(90, 90, 0, 0, 90, 90, 0, 0);
    assertThat(map.probabilities(7)).containsExactly(0, 0, 90, 90, 0, 0, 90, 90);
    assertThatThrownBy(() -> map.place(grid.cellsOf(20, 0, 20, 20), tile(2, 2, 7, "v2")))
        .hasMessageContaining("mapped twice");
    assertThatThrownBy(() -> map.place(grid.cellsOf(0, 0, 20, 20), tile(3, 2, 1, "v1")))
        .hasMessageContaining("3×2 cells where the scene grid has 2×2");
  }

  @Test
  void thePreviewIsAPngWithTheMapAndALegend() throws Exception {
    CellGrid grid = new CellGrid(40, 20, 10);
    SceneMap map = new SceneMap(grid);
    map.place(grid.cellsOf(0, 0, 40, 20), tile(4, 2, 17, "v1"));
    java.awt.image.BufferedImage png =
        javax.imageio.ImageIO.read(
            new java.io.ByteArrayInputStream(PreviewImage.png(map, "Scene s")));
    assertThat(png.getWidth()).isGreaterThanOrEqualTo(4 * 192 + 260);
    assertThat(png.getRGB(10, 10) & 0xFFFFFF).isEqualTo(0x6A6AFF);
    String longTitle = "Scene " + "x".repeat(80);
    java.awt.image.BufferedImage wide =
        javax.imageio.ImageIO.read(
            new java.io.ByteArrayInputStream(PreviewImage.png(map, longTitle)));
    assertThat(wide.getWidth()).as("the legend widens for its title").isGreaterThan(png.getWidth());
  }
}
