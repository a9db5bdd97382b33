package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.inference.window.PatchSampler;
import org.lcz.inference.window.TilePixels;
import org.lcz.raster.CellGrid;

class TileMapperTest {
  /** Three classes; the winner is the patch's first value modulo 3, with probability 0.8. */
  private static class ModuloClassifier implements PatchClassifier {
    final List<Integer> batchSizes = new ArrayList<>();

    @Override
    public void classify(float[] patches, int count, float[] probabilities) {
      batchSizes.add(count);
      for (int i = 0; i < count; i++) {
        int winner = Math.floorMod((int) patches[i * 4], 3);
        for (int k = 0; k < 3; k++) {
          probabilities[i * 3 + k] = k == winner ? 0.8f : 0.1f;
        }
      }
    }

    @Override
    public int classes() {
      return 3;
    }

    @Override
    public String device() {
      return "test";
    }

    @Override
    public void close() {}
  }

  @Test
  void cellsGetTheWinningClassValueAndConfidenceInBatchesAndNodataCellsGetZero() {
    // a 20×10 scene of 2-pixel cells: pixel value = scene column / 2 (the cell column)
    float[] band = new float[24 * 14];
    for (int y = 0; y < 14; y++) {
      for (int x = 0; x < 24; x++) {
        band[y * 24 + x] = (x - 2) / 2;
      }
    }
    band[(1 + 2) * 24 + (9 + 2)] = -9; // nodata at the centre pixel of cell (4, 0)
    // cell (7, 2): its centre pixel (15, 5) has data, but 3 of its 4 patch pixels are nodata
    band[(4 + 2) * 24 + (14 + 2)] = -9;
    band[(4 + 2) * 24 + (15 + 2)] = -9;
    band[(5 + 2) * 24 + (14 + 2)] = -9;
    TilePixels tile =
        new TilePixels(List.of("B"), new float[][] {band}, 24, 14, -2, -2, Optional.of(-9.0));
    ModuloClassifier model = new ModuloClassifier();
    TileMapper mapper = new TileMapper(model, List.of(17, 1, 5), 4, 4);
    CellGrid grid = new CellGrid(20, 10, 2);
    MapTile map =
        mapper.map(
            grid,
            grid.cellsOf(0, 0, 20, 10),
            new PatchSampler(tile, 2, List.of("B"), List.of(0.0), List.of(1.0)),
            new double[] {0, 10, 0, 0, 0, -10},
            "v1");
    assertThat(map.width()).isEqualTo(10);
    assertThat(map.height()).isEqualTo(5);
    assertThat(map.classAt(0, 2)).isEqualTo(17);
    assertThat(map.classAt(1, 2)).isEqualTo(1);
    assertThat(map.classAt(2, 2)).isEqualTo(5);
    assertThat(map.confidenceAt(2, 2)).isEqualTo(80);
    // every output's probability lands in the plane of its LCZ value; unknown classes stay 0
    assertThat(map.probabilityAt(5, 2, 2)).isEqualTo(80);
    assertThat(map.probabilityAt(17, 2, 2)).isEqualTo(10);
    assertThat(map.probabilityAt(1, 2, 2)).isEqualTo(10);
    assertThat(map.probabilityAt(17, 0, 2)).isEqualTo(80);
    assertThat(map.probabilityAt(2, 2, 2)).isZero();
    assertThat(map.classAt(4, 0)).isZero();
    assertThat(map.confidenceAt(4, 0)).isZero();
    for (int v = 1; v <= 17; v++) {
      assertThat(map.probabilityAt(v, 4, 0)).as("no probability where there is no data").isZero();
    }
    assertThat(map.classAt(7, 2)).as("a patch of mostly nodata").isZero();
    assertThat(map.classAt(6, 2)).isNotZero();
    assertThat(model.batchSizes).containsOnly(4).hasSize(12); // 48 cells with data
    assertThat(map.geoTransform()).containsExactly(0, 20, 0, 0, 0, -20);
    assertThatThrownBy(() -> new TileMapper(model, List.of(17, 1, 18), 4, 4))
        .hasMessageContaining("LCZ values are 1..17, not 18");
  }

  /** A 40 × 30-cell scene of 2-pixel cells whose pixels vary, some nodata. */
  private static TilePixels varied() {
    int w = 84;
    int h = 64;
    float[] band = new float[w * h];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < band.length; i++) {
      band[i] = random.nextInt(50) == 0 ? -9 : random.nextInt(1000);
    }
    return new TilePixels(List.of("B"), new float[][] {band}, w, h, -2, -2, Optional.of(-9.0));
  }

  private static MapTile map(TileMapper mapper, TilePixels tile) {
    CellGrid grid = new CellGrid(80, 60, 2);
    return mapper.map(
        grid,
        grid.cellsOf(0, 0, 80, 60),
        new PatchSampler(tile, 2, List.of("B"), List.of(0.0), List.of(1.0)),
        new double[] {0, 10, 0, 0, 0, -10},
        "v1");
  }

  @Test
  void batchesClassifiedWhileTheNextIsCutGiveTheMapOfOneBatchForTheWholeTile() {
    TilePixels tile = varied();
    try (TileMapper whole = new TileMapper(new ModuloClassifier(), List.of(17, 1, 5), 5000, 4);
        TileMapper four = new TileMapper(new ModuloClassifier(), List.of(17, 1, 5), 4, 4);
        TileMapper seven = new TileMapper(new ModuloClassifier(), List.of(17, 1, 5), 7, 4)) {
      MapTile expected = map(whole, tile);
      for (TileMapper m : List.of(four, seven, four)) {
        MapTile got = map(m, tile);
        for (int y = 0; y < 30; y++) {
          for (int x = 0; x < 40; x++) {
            assertThat(got.classAt(x, y)).isEqualTo(expected.classAt(x, y));
            assertThat(got.confidenceAt(x, y)).isEqualTo(expected.confidenceAt(x, y));
            for (int v : List.of(1, 5, 17)) {
              assertThat(got.probabilityAt(v, x, y)).isEqualTo(expected.probabilityAt(v, x, y));
            }
          }
        }
      }
      assertThat(four.classifyNanos()).isPositive();
    }
  }

  @Test
  void aClassifierThatFailsMidTileFailsTheTileAndTheMapperGoesOn() {
    int[] calls = {0};
    PatchClassifier failing =
        new ModuloClassifier() {
          @Override
          public void classify(float[] patches, int count, float[] probabilities) {
            if (++calls[0] == 3) {
              throw new IllegalStateException("ONNX Runtime failed on a batch of " + count);
            }
            super.classify(patches, count, probabilities);
          }
        };
    try (TileMapper mapper = new TileMapper(failing, List.of(17, 1, 5), 16, 4)) {
      TilePixels tile = varied();
      assertThatThrownBy(() -> map(mapper, tile))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("ONNX Runtime failed on a batch of 16");
      MapTile next = map(mapper, tile);
      assertThat(next.classAt(3, 3)).isIn(0, 1, 5, 17);
      assertThat(calls[0]).isGreaterThan(3);
    }
  }
}
