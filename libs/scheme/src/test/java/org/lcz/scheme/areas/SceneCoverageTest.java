package org.lcz.scheme.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.raster.SceneRaster;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

class SceneCoverageTest {
  @TempDir Path dir;

  @Test
  void judgingEveryAreaInOneReadGivesTheVerdictsOfJudgingThemOneByOne() throws Exception {
    // a 4 km UTM 32N scene at 10 m (400 × 400 px) with nodata blobs; 120 areas of 50–400 m,
    // some over the blobs, some across the edge, some outside
    Gdal.python(
        dir,
        "import numpy as np\nfrom osgeo import gdal, osr\n"
            + "d = gdal.GetDriverByName('GTiff').Create('scene.tif', 400, 400, 2, gdal.GDT_UInt16)\n"
            + "d.SetGeoTransform([500000, 10, 0, 5000000, 0, -10])\n"
            + "s = osr.SpatialReference(); s.ImportFromEPSG(32632); d.SetProjection(s.ExportToWkt())\n"
            + "y, x = np.mgrid[0:400, 0:400]\n"
            + "a = np.full((400, 400), 700, dtype='uint16')\n"
            + "a[((x // 37 + y // 53) % 3 == 0)] = 0\n"
            + "for b in (1, 2):\n"
            + "    d.GetRasterBand(b).WriteArray(a); d.GetRasterBand(b).SetNoDataValue(0)\n"
            + "d = None\n");
    Random random = new Random(12);
    double[][] utm = new double[120][];
    double[] sides = new double[120];
    for (int i = 0; i < utm.length; i++) {
      utm[i] =
          new double[] {499700 + random.nextDouble() * 4600, 4995700 + random.nextDouble() * 4600};
      sides[i] = 50 + random.nextDouble() * 350;
    }
    double[][] corners = Gdal.lonLat(dir, 32632, utm);
    List<TrainingArea> areas = new ArrayList<>();
    for (int i = 0; i < utm.length; i++) {
      areas.add(new TrainingArea("a" + i, 1 + i % 17, square(corners[i], sides[i])));
    }
    try (SceneRaster raster = SceneRaster.open(dir.resolve("scene.tif"))) {
      CountingScene counted = new CountingScene(raster);
      SceneCoverage together = new SceneCoverage(counted);
      together.judgeAll(areas);
      int reads = counted.reads;
      SceneCoverage alone = new SceneCoverage(raster);
      int accepted = 0;
      List<String> kinds = new ArrayList<>();
      for (TrainingArea a : areas) {
        List<Finding> one = new ArrayList<>();
        List<Finding> all = new ArrayList<>();
        boolean ok = alone.accepts(a, one);
        assertThat(together.accepts(a, all)).as(a.id()).isEqualTo(ok);
        assertThat(all).as(a.id()).isEqualTo(one);
        accepted += ok ? 1 : 0;
        one.forEach(f -> kinds.add(f.rule()));
      }
      // the cases all occur, and the judged scene was not read again when asked
      assertThat(accepted).isBetween(10, 110);
      assertThat(kinds)
          .contains(
              "outside the scene",
              "partly outside the scene",
              "over nodata or cloud",
              "partly over nodata or cloud");
      assertThat(counted.reads).isEqualTo(reads);
      // 400 rows in strips of 160: at most one read per strip start, far fewer than the areas
      assertThat(reads).isLessThanOrEqualTo(8);
    }
  }

  /** A square of {@code side} metres with its south-west corner at lon/lat {@code corner}. */
  private static Geometry square(double[] corner, double side) {
    LocalMetres local = LocalMetres.at(corner[1]);
    GeometryFactory f = new GeometryFactory();
    Geometry c = local.metres(f.createPoint(new Coordinate(corner[0], corner[1])));
    double x = c.getCoordinate().x;
    double y = c.getCoordinate().y;
    return local.degrees(
        f.createPolygon(
            new Coordinate[] {
              new Coordinate(x, y),
              new Coordinate(x + side, y),
              new Coordinate(x + side, y + side),
              new Coordinate(x, y + side),
              new Coordinate(x, y)
            }));
  }
}
