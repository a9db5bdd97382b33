package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.GeoTiffWriter;

class MapScoreTest {
  @TempDir Path dir;

  private static WritableRaster cells(int[][] rows) {
    WritableRaster r =
        Raster.createBandedRaster(DataBuffer.TYPE_BYTE, rows[0].length, rows.length, 1, null);
    for (int y = 0; y < rows.length; y++) {
      r.setSamples(0, y, rows[y].length, 1, 0, rows[y]);
    }
    return r;
  }

  @Test
  void cellsAreComparedOnePerTruthLabelAndNodataTruthIsSkipped() {
    Raster truth = cells(new int[][] {{1, 1, 14}, {0, 11, 14}});
    Raster map = cells(new int[][] {{1, 2, 14}, {5, 11, 11}});
    MapScore s = MapScore.score(map, truth, 0, 0);
    assertThat(s.cells()).isEqualTo(5); // the truth's nodata cell does not count
    assertThat(s.unmapped()).isZero();
    assertThat(s.confusion().count(0, 0)).isEqualTo(1);
    assertThat(s.confusion().count(0, 1)).isEqualTo(1);
    assertThat(s.confusion().count(13, 13)).isEqualTo(1);
    assertThat(s.confusion().count(13, 10)).isEqualTo(1);
    assertThat(s.oa()).isCloseTo(3 / 5.0, within(1e-12));
    // LCZ 1 → 2 and D → A are near misses: OA_w lies above OA
    assertThat(s.oaW()).isGreaterThan(s.oa()).isLessThan(1);
  }

  @Test
  void cellsTheMapLeavesEmptyOrDoesNotCoverAreUnmappedAndWrong() {
    Raster truth = cells(new int[][] {{1, 2, 3}, {4, 5, 6}});
    // the map starts one cell right of the truth and has one nodata cell
    Raster map = cells(new int[][] {{2, 0}, {5, 6}});
    MapScore s = MapScore.score(map, truth, 1, 0);
    assertThat(s.unmapped()).isEqualTo(3); // two outside, one nodata
    assertThat(s.confusion().total()).isEqualTo(3);
    assertThat(s.oa()).isCloseTo(3 / 6.0, within(1e-12));
    assertThat(s.report().get(0)).contains("OA 0.500").contains("(3 unmapped)");
  }

  @Test
  void geoTiffsOnOneGridAreAlignedByTheirGeotransforms() throws Exception {
    Path truth =
        write("truth.tif", cells(new int[][] {{1, 2, 3}, {4, 5, 6}}), 500000, 5000000, 100);
    Path map = write("map.tif", cells(new int[][] {{5, 6}}), 500100, 4999900, 100);
    MapScore s = MapScore.of(map, truth);
    assertThat(s.confusion().total()).isEqualTo(2);
    assertThat(s.confusion().count(4, 4)).isEqualTo(1);
    assertThat(s.confusion().count(5, 5)).isEqualTo(1);
    assertThat(s.unmapped()).isEqualTo(4);
    assertThat(s.report())
        .anySatisfy(line -> assertThat(line).startsWith("5").contains("Open midrise"));
  }

  @Test
  void mapsOnAnotherGridAreRefused() throws Exception {
    Path truth = write("truth.tif", cells(new int[][] {{1, 2}}), 500000, 5000000, 100);
    Path fine = write("fine.tif", cells(new int[][] {{1, 2}}), 500000, 5000000, 50);
    Path shifted = write("shifted.tif", cells(new int[][] {{1, 2}}), 500050, 5000000, 100);
    assertThatThrownBy(() -> MapScore.of(fine, truth)).hasMessageContaining("cannot be compared");
    assertThatThrownBy(() -> MapScore.of(shifted, truth))
        .hasMessageContaining("fraction of a cell");
  }

  private Path write(String name, Raster r, double x0, double y0, double cell) throws Exception {
    Path file = dir.resolve(name);
    Files.write(
        file,
        GeoTiffWriter.write(
            r,
            new GeoTiffWriter.Georeference(new double[] {x0, cell, 0, y0, 0, -cell}, 32632, true),
            List.of("lcz"),
            0.0));
    return file;
  }
}
