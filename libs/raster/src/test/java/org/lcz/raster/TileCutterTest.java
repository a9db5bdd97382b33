package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TileCutterTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    Scenes.write(dir);
  }

  @Test
  void everyTileShowsTheSceneThroughItsSourceIndicesAndTheCoresRebuildIt() {
    try (SceneRaster scene = SceneRaster.open(dir.resolve("tiled_deflate_pred2.tif"))) {
      TileLayout layout = new TileLayout(300, 200, 128, 24);
      TileCutter cutter = new TileCutter(scene, layout);
      double[][][] mosaic = new double[3][200][300];
      for (TileLayout.Tile t : layout.tiles()) {
        Raster r = cutter.cut(t);
        assertThat(r.getSampleModel().getDataType()).isEqualTo(DataBuffer.TYPE_USHORT);
        assertThat(r.getWidth()).isEqualTo(t.coreWidth() + 48);
        assertThat(r.getHeight()).isEqualTo(t.coreHeight() + 48);
        int[] xs = layout.sourceColumns(t);
        int[] ys = layout.sourceRows(t);
        for (int b = 0; b < 3; b++) {
          for (int j = 0; j < ys.length; j++) {
            for (int i = 0; i < xs.length; i++) {
              double v = r.getSampleDouble(i, j, b);
              assertThat(v).isEqualTo(Scenes.value(b, ys[j], xs[i], 1000));
              if (i >= 24 && j >= 24 && i < 24 + t.coreWidth() && j < 24 + t.coreHeight()) {
                mosaic[b][t.coreY() + j - 24][t.coreX() + i - 24] = v;
              }
            }
          }
        }
      }
      for (int b = 0; b < 3; b++) {
        for (int y = 0; y < 200; y++) {
          for (int x = 0; x < 300; x++) {
            assertThat(mosaic[b][y][x]).isEqualTo(Scenes.value(b, y, x, 1000));
          }
        }
      }
    }
  }

  @Test
  void eachRowIsReadOnceAndWindowsCutOnOtherThreadsEqualTheSequentialCut() throws Exception {
    try (SceneRaster scene = SceneRaster.open(dir.resolve("tiled_deflate_pred2.tif"))) {
      TileLayout layout = new TileLayout(300, 200, 64, 24); // halos span three chunks of 64 rows
      Counting counting = new Counting(scene);
      TileCutter cutter = new TileCutter(counting, layout);
      List<TileCutter.Window> windows = new ArrayList<>();
      for (TileLayout.Tile t : layout.tiles()) {
        windows.add(cutter.window(t));
      }
      assertThat(counting.rows).as("rows read, full width, each once").isEqualTo(200);
      assertThat(counting.widths).containsOnly(300);

      // cut in reverse order on a pool, after every row was read: each window keeps its rows
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        List<Future<Raster>> cuts = new ArrayList<>();
        for (int i = windows.size() - 1; i >= 0; i--) {
          cuts.add(0, pool.submit(windows.get(i)::cut));
        }
        TileCutter plain = new TileCutter(scene, layout);
        for (int i = 0; i < windows.size(); i++) {
          Raster expected = plain.cut(layout.tiles().get(i));
          Raster got = cuts.get(i).get();
          for (int b = 0; b < 3; b++) {
            assertThat(got.getSamples(0, 0, got.getWidth(), got.getHeight(), b, (int[]) null))
                .isEqualTo(
                    expected.getSamples(
                        0, 0, expected.getWidth(), expected.getHeight(), b, (int[]) null));
          }
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  /** A scene that counts the rows read from it. */
  private static final class Counting extends RasterView {
    int rows;
    final List<Integer> widths = new ArrayList<>();

    Counting(RasterSource scene) {
      super(scene);
    }

    @Override
    public Raster read(int x, int y, int w, int h) {
      rows += h;
      widths.add(w);
      return source.read(x, y, w, h);
    }
  }

  @Test
  void aTileIsGeoreferencedAtItsHalosCorner() {
    try (SceneRaster scene = SceneRaster.open(dir.resolve("strips_uint16.tif"))) {
      TileLayout layout = new TileLayout(300, 200, 128, 24);
      double[] g = new TileCutter(scene, layout).geoTransform(layout.tile(1, 2));
      assertThat(g)
          .containsExactly(500000 + (256 - 24) * 10, 10, 0, 4000000 - (128 - 24) * 10, 0, -10);
    }
  }
}
