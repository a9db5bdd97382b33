package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.raster.SceneRaster;

/**
 * Two LCZ maps with a known transition, written by GDAL; the matrix {@code ./lcz change} gives is
 * checked cell count by cell count against numpy's.
 */
class ChangeCommandTest {
  @TempDir Path dir;

  /**
   * Writes a.tif (60 × 40 cells of 100 m, UTM 32N, stripes of classes, a nodata corner), b.tif
   * (a.tif with 6 → 2 in one block, 14 → 8 in another, its own nodata corner) and shifted.tif (b
   * over a grid 10 cells east and 5 south, 30 × 30); prints numpy's matrices of a → b and a →
   * shifted (cells in both maps, [from - 1][to - 1]).
   */
  private JsonNode writeMaps() throws Exception {
    String out =
        Gdal.python(
            dir,
            """
            import json
            import numpy as np
            from osgeo import gdal, osr
            srs = osr.SpatialReference(); srs.ImportFromEPSG(32632)
            def write(name, a, x0, y0):
                d = gdal.GetDriverByName('GTiff').Create(name, a.shape[1], a.shape[0], 1, gdal.GDT_Byte)
                d.SetGeoTransform([x0, 100, 0, y0, 0, -100]); d.SetProjection(srs.ExportToWkt())
                b = d.GetRasterBand(1); b.SetNoDataValue(0); b.SetDescription('lcz'); b.WriteArray(a)
                d = None
            y, x = np.mgrid[0:40, 0:60]
            a = ((x // 4) % 17 + 1).astype(np.uint8)
            a[0:3, 0:3] = 0
            b = a.copy()
            b[10:20, 20:24][b[10:20, 20:24] == 6] = 2
            b[20:30, 52:56][b[20:30, 52:56] == 14] = 8
            b[37:40, 57:60] = 0
            write('a.tif', a, 500000, 5000000)
            write('b.tif', b, 500000, 5000000)
            shifted = b[5:35, 10:40]
            write('shifted.tif', shifted, 501000, 4999500)
            def matrix(f, t):
                m = np.zeros((17, 17), dtype=np.int64)
                ok = (f > 0) & (t > 0)
                np.add.at(m, (f[ok].astype(int) - 1, t[ok].astype(int) - 1), 1)
                return m.tolist()
            onA = np.zeros_like(a); onA[5:35, 10:40] = shifted
            print(json.dumps({'b': matrix(a, b), 'shifted': matrix(a, onA)}))
            """);
    return new ObjectMapper().readTree(out.substring(out.indexOf('{')));
  }

  @Test
  void theTransitionMatrixIsNumpysAndTheProductsAreWritten() throws Exception {
    JsonNode numpy = writeMaps();
    Path out = dir.resolve("out");
    String summary =
        ChangeCommand.run(
            List.of(
                dir.resolve("a.tif").toString(), dir.resolve("b.tif").toString(), out.toString()));
    JsonNode json = new ObjectMapper().readTree(out.resolve("transitions.json").toFile());
    assertMatrix(json, numpy.get("b"));
    // the known transitions, by hand: block 10:20 × 20:24 is all class 6 (x / 4 = 5)
    assertThat(json.at("/cells/5/1").asLong()).isEqualTo(40);
    assertThat(json.at("/km2/5/1").asDouble()).isEqualTo(0.4);
    assertThat(json.at("/cells/13/7").asLong()).isEqualTo(40);
    assertThat(json.get("changedCells").asLong()).isEqualTo(80);
    assertThat(json.get("comparedCells").asLong()).isEqualTo(60 * 40 - 9 - 9);
    assertThat(summary).contains("2382 cells in both").contains("80 changed (0.80 km²");
    String csv = Files.readString(out.resolve("transitions.csv"));
    assertThat(csv.lines().findFirst().orElseThrow())
        .isEqualTo("from\\to,1,2,3,4,5,6,7,8,9,10,A,B,C,D,E,F,G");
    assertThat(csv.lines().skip(6).findFirst().orElseThrow()).startsWith("6,0.000000,0.400000,");
    try (SceneRaster change = SceneRaster.open(out.resolve("change.tif"))) {
      assertThat(change.bandNames()).containsExactly("from", "to");
      assertThat(change.geoTransform()).containsExactly(500000, 100, 0, 5000000, 0, -100);
      assertThat(change.read(21, 12, 1, 1).getSample(0, 0, 0)).isEqualTo(6);
      assertThat(change.read(21, 12, 1, 1).getSample(0, 0, 1)).isEqualTo(2);
      assertThat(change.read(1, 1, 1, 1).getSample(0, 0, 0)).isZero(); // nodata in A
    }
    assertThat(Files.size(out.resolve("transitions.png"))).isPositive();
    assertThat(Files.size(out.resolve("change.png"))).isPositive();
  }

  @Test
  void aMapOnAnotherGridIsBroughtOntoTheFirstsCellForCell() throws Exception {
    JsonNode numpy = writeMaps();
    Path out = dir.resolve("shifted-out");
    String summary =
        ChangeCommand.run(
            List.of(
                dir.resolve("a.tif").toString(),
                dir.resolve("shifted.tif").toString(),
                out.toString()));
    assertThat(summary).contains("brought onto a.tif's grid");
    assertMatrix(
        new ObjectMapper().readTree(out.resolve("transitions.json").toFile()),
        numpy.get("shifted"));
  }

  @Test
  void usageErrorsSayWhatToGive() {
    assertThatThrownBy(() -> ChangeCommand.run(List.of("a.tif", "b.tif")))
        .isInstanceOf(ChangeCommand.UsageException.class)
        .hasMessageContaining("the two maps and the output folder");
    assertThatThrownBy(() -> ChangeCommand.run(List.of("a.tif", "b.tif", "out", "--colour")))
        .isInstanceOf(ChangeCommand.UsageException.class)
        .hasMessageContaining("unknown option --colour");
  }

  private static void assertMatrix(JsonNode ours, JsonNode numpy) {
    for (int f = 0; f < 17; f++) {
      for (int t = 0; t < 17; t++) {
        long cells = numpy.get(f).get(t).asLong();
        assertThat(ours.at("/cells/" + f + "/" + t).asLong()).as("[%d][%d]", f, t).isEqualTo(cells);
        assertThat(ours.at("/km2/" + f + "/" + t).asDouble())
            .as("km² [%d][%d]", f, t)
            .isCloseTo(cells * 0.01, org.assertj.core.data.Offset.offset(1e-12));
      }
    }
  }
}
