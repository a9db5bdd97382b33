package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.apache.sis.referencing.CRS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GridMappingTest {
  @TempDir Path dir;

  @Test
  void cellsOfOneUtmZoneLandOnTheNeighbouringZonesPixelsAsGdalTransformsThem() throws Exception {
    // a 100 m grid in UTM 33N just east of the 12° E zone border; a 10 m grid in UTM 32N
    double[] t = {280000, 100, 0, 5100000, 0, -100};
    double[] s = {780000, 10, 0, 5110000, 0, -10};
    GridMapping m =
        GridMapping.between(
            new GridMapping.Grid(8, 5, t, CRS.forCode("EPSG:32633")),
            new GridMapping.Grid(4000, 4000, s, CRS.forCode("EPSG:32632")));
    String out =
        Gdal.python(
            dir,
            """
            import json
            from osgeo import osr
            a = osr.SpatialReference(); a.ImportFromEPSG(32633)
            b = osr.SpatialReference(); b.ImportFromEPSG(32632)
            for r in (a, b): r.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            ct = osr.CoordinateTransformation(a, b)
            rows = []
            for r in range(5):
                row = []
                for c in range(8):
                    x, y, _ = ct.TransformPoint(280000 + (c + 0.5) * 100, 5100000 - (r + 0.5) * 100)
                    row.append([(x - 780000) / 10, (5110000 - y) / 10])
                rows.append(row)
            print(json.dumps(rows))
            """);
    JsonNode gdal = new ObjectMapper().readTree(out.substring(out.indexOf('[')));
    double[] px = new double[8];
    double[] py = new double[8];
    for (int r = 0; r < 5; r++) {
      m.row(r, px, py);
      for (int c = 0; c < 8; c++) {
        assertThat(px[c])
            .as("x of (%d, %d)", c, r)
            .isCloseTo(gdal.get(r).get(c).get(0).asDouble(), within(0.01));
        assertThat(py[c])
            .as("y of (%d, %d)", c, r)
            .isCloseTo(gdal.get(r).get(c).get(1).asDouble(), within(0.01));
      }
    }
  }

  @Test
  void nearestTakesTheSourceCellUnderEachCentreAndNodataOutside() throws Exception {
    // a source 4 × 3 of 100 m; the target 3 × 3 of 100 m, one cell west and one north of it
    var crs = CRS.forCode("EPSG:32632");
    GridMapping.Grid source =
        new GridMapping.Grid(4, 3, new double[] {1000, 100, 0, 2000, 0, -100}, crs);
    GridMapping.Grid target =
        new GridMapping.Grid(3, 3, new double[] {900, 100, 0, 2100, 0, -100}, crs);
    byte[] values = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
    byte[] on = GridMapping.between(target, source).nearest(values, (byte) 0);
    assertThat(on).containsExactly(0, 0, 0, 0, 1, 2, 0, 5, 6);
    assertThat(source.sameAs(source)).isTrue();
    assertThat(target.sameAs(source)).isFalse();
  }
}
