package org.lcz.scheme.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.CellGrid;
import org.lcz.raster.Gdal;
import org.lcz.raster.SceneRaster;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Areas drawn in the scene's own CRS (UTM 32N), transformed to lon/lat with GDAL, sampled back. */
class CellSamplerTest {
  @TempDir static Path dir;
  private static final GeometryFactory F = new GeometryFactory();

  @BeforeAll
  static void scene() throws Exception {
    Gdal.python(
        dir,
        "import numpy as np\nfrom osgeo import gdal, osr\n"
            + "d = gdal.GetDriverByName('GTiff').Create('scene.tif', 300, 200, 1, gdal.GDT_UInt16)\n"
            + "d.SetGeoTransform([500000, 10, 0, 5000000, 0, -10])\n"
            + "s = osr.SpatialReference(); s.ImportFromEPSG(32632); d.SetProjection(s.ExportToWkt())\n"
            + "d.GetRasterBand(1).WriteArray(np.arange(60000, dtype='uint16').reshape(200, 300))\n"
            + "d = None\n");
  }

  /** A lon/lat polygon of the UTM 32N rectangle x0..x1, y0..y1 (GDAL transforms its corners). */
  private static Geometry utmRectangle(double x0, double y0, double x1, double y1)
      throws Exception {
    double[][] corners =
        Gdal.lonLat(
            dir,
            32632,
            new double[] {x0, y0},
            new double[] {x1, y0},
            new double[] {x1, y1},
            new double[] {x0, y1});
    Coordinate[] ring = new Coordinate[5];
    for (int i = 0; i < 4; i++) {
      ring[i] = new Coordinate(corners[i][0], corners[i][1]);
    }
    ring[4] = ring[0].copy();
    return F.createPolygon(ring);
  }

  @Test
  void cellsWhoseCentrePixelLiesInAnAreaAreItsSamplesOnceEach() throws Exception {
    try (SceneRaster scene = SceneRaster.open(dir.resolve("scene.tif"))) {
      SceneCoverage coverage = new SceneCoverage(scene);
      CellGrid grid = CellGrid.of(300, 200, 100, 10);
      // 300 m × 200 m from (500 300, 4 999 500): cells 3..5 × 5..6, whose centre pixels' centres
      // (x = 500 055 + 100 i, y = 4 999 945 − 100 j) lie inside
      TrainingArea block =
          new TrainingArea("block", 2, utmRectangle(500300, 4999300, 500600, 4999500));
      // a 30 m square inside cell (10, 1): no centre pixel inside, its interior point's cell
      TrainingArea small =
          new TrainingArea("small", 17, utmRectangle(501010, 4999810, 501040, 4999840));
      // overlapping the block's cell (3, 5): that cell stays the block's
      TrainingArea late =
          new TrainingArea("late", 2, utmRectangle(500300, 4999400, 500400, 4999500));
      List<CellSample> samples =
          CellSampler.sample(
              List.of(block, small, late), coverage, grid, scene.geoTransform(), 100, 1);
      assertThat(samples.stream().filter(s -> s.area() == 0))
          .extracting(s -> s.col() + "," + s.row())
          .containsExactlyInAnyOrder("3,5", "4,5", "5,5", "3,6", "4,6", "5,6");
      CellSample first = samples.get(0);
      assertThat(first.centreX()).isEqualTo(grid.centreX(first.col()));
      assertThat(samples.stream().filter(s -> s.area() == 1))
          .extracting(s -> s.col() + "," + s.row(), CellSample::lcz)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("10,1", 17));
      assertThat(samples.stream().filter(s -> s.area() == 2)).isEmpty();
      // a cap keeps a seeded choice of the cells
      List<CellSample> capped =
          CellSampler.sample(List.of(block), coverage, grid, scene.geoTransform(), 4, 1);
      assertThat(capped).hasSize(4);
      assertThat(CellSampler.sample(List.of(block), coverage, grid, scene.geoTransform(), 4, 1))
          .isEqualTo(capped);
    }
  }

  @Test
  void patchesAreCentredOnTheCellsCentrePixelAndReflectedAtTheEdges() throws Exception {
    try (SceneRaster scene = SceneRaster.open(dir.resolve("scene.tif"))) {
      // pixel (x, y) holds 300 y + x
      float[][][] p = PatchSet.patch(scene, 5, 5, 4); // columns 3..6, rows 3..6
      assertThat(p[0][0][0]).isEqualTo(300 * 3 + 3);
      assertThat(p[3][3][0]).isEqualTo(300 * 6 + 6);
      float[][][] edge = PatchSet.patch(scene, 0, 0, 4); // columns −2..1 read 2, 1, 0, 1
      assertThat(edge[2][0][0]).isEqualTo(2);
      assertThat(edge[2][1][0]).isEqualTo(1);
      assertThat(edge[0][2][0]).as("row −2 reads row 2").isEqualTo(600);
    }
  }
}
