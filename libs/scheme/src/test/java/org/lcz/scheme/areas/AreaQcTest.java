package org.lcz.scheme.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.raster.RealData;
import org.lcz.raster.SceneRaster;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** Every rule of the quality control, each with areas that break it. */
class AreaQcTest {
  private static final GeometryFactory F = new GeometryFactory();

  @TempDir Path dir;

  /** A square of {@code side} metres with its south-west corner at (lon, lat). */
  private static Geometry square(double lon, double lat, double side) {
    LocalMetres local = LocalMetres.at(lat);
    Geometry corner = local.metres(F.createPoint(new Coordinate(lon, lat)));
    double x = corner.getCoordinate().x;
    double y = corner.getCoordinate().y;
    return local.degrees(
        F.createPolygon(
            new Coordinate[] {
              new Coordinate(x, y),
              new Coordinate(x + side, y),
              new Coordinate(x + side, y + side),
              new Coordinate(x, y + side),
              new Coordinate(x, y)
            }));
  }

  /** Three well-formed 200 m areas of class {@code lcz}, far from everything else. */
  private static List<TrainingArea> three(int lcz, double lon) {
    return List.of(
        new TrainingArea(lcz + "-1", lcz, square(lon, 45.00, 200)),
        new TrainingArea(lcz + "-2", lcz, square(lon, 45.01, 200)),
        new TrainingArea(lcz + "-3", lcz, square(lon, 45.02, 200)));
  }

  private static AreaQc.Checked check(List<TrainingArea> areas) {
    return AreaQc.check(new TrainingAreaFiles.Read(areas, List.of()), Optional.empty());
  }

  private static List<Tuple> findings(AreaQc.Checked c) {
    return c.findings().stream().map(f -> new Tuple(f.level(), f.rule(), f.subject())).toList();
  }

  @Test
  void wellFormedAreasPassWithoutFindings() {
    AreaQc.Checked c =
        check(
            java.util.stream.Stream.concat(three(2, 9.0).stream(), three(11, 9.1).stream())
                .toList());
    assertThat(c.findings()).isEmpty();
    assertThat(c.usable()).isTrue();
    assertThat(c.keptPerClass()).containsEntry(2, 3L).containsEntry(11, 3L);
  }

  @Test
  void aSelfIntersectingOutlineIsRepairedAndAFlatOneLeftOut() {
    // a bow tie of 400 m: two triangles after repair
    double d = 400 / 111_319.49;
    Geometry bowTie =
        F.createPolygon(
            new Coordinate[] {
              new Coordinate(9.0, 45.0),
              new Coordinate(9.0 + d, 45.0 + d),
              new Coordinate(9.0 + d, 45.0),
              new Coordinate(9.0, 45.0 + d),
              new Coordinate(9.0, 45.0)
            });
    Geometry flat =
        F.createPolygon(
            new Coordinate[] {
              new Coordinate(9.1, 45.0),
              new Coordinate(9.2, 45.0),
              new Coordinate(9.3, 45.0),
              new Coordinate(9.1, 45.0)
            });
    List<TrainingArea> areas = new java.util.ArrayList<>(three(3, 9.5));
    areas.add(new TrainingArea("bow", 3, bowTie));
    areas.add(new TrainingArea("flat", 3, flat));
    AreaQc.Checked c = check(areas);
    assertThat(findings(c))
        .containsExactlyInAnyOrder(
            new Tuple(Finding.Level.NOTE, "invalid geometry", "bow"),
            new Tuple(Finding.Level.ERROR, "invalid geometry", "flat"));
    assertThat(c.findings().get(0).message()).contains("Self-intersection").contains("repaired");
    TrainingArea repaired =
        c.areas().stream().filter(a -> a.id().equals("bow")).findFirst().orElseThrow();
    assertThat(repaired.geometry().isValid()).isTrue();
    assertThat(repaired.geometry().getNumGeometries()).isEqualTo(2);
    assertThat(c.areas()).extracting(TrainingArea::id).doesNotContain("flat");
  }

  @Test
  void duplicatesAreUsedOnce() {
    List<TrainingArea> areas = new java.util.ArrayList<>(three(4, 9.0));
    areas.add(new TrainingArea("again", 4, square(9.0, 45.00, 200)));
    AreaQc.Checked c = check(areas);
    assertThat(findings(c)).containsExactly(new Tuple(Finding.Level.WARNING, "duplicate", "again"));
    assertThat(c.findings().get(0).message()).contains("as 4-1");
    assertThat(c.areas()).hasSize(3);
  }

  @Test
  void smallAreasAreFlaggedAndVeryLargeOnesBecomeA300MetreBuffer() {
    List<TrainingArea> areas = new java.util.ArrayList<>(three(8, 9.0));
    areas.add(new TrainingArea("tiny", 8, square(9.0, 45.05, 60)));
    areas.add(new TrainingArea("huge", 8, square(9.0, 45.1, 1000)));
    AreaQc.Checked c = check(areas);
    assertThat(findings(c))
        .containsExactlyInAnyOrder(
            new Tuple(Finding.Level.WARNING, "smaller than a cell", "tiny"),
            new Tuple(Finding.Level.NOTE, "very large", "huge"));
    TrainingArea huge =
        c.areas().stream().filter(a -> a.id().equals("huge")).findFirst().orElseThrow();
    assertThat(LocalMetres.area(huge.geometry())).isCloseTo(Math.PI * 300 * 300, within(1500.0));
    assertThat(huge.geometry().getCentroid().getX())
        .isCloseTo(square(9.0, 45.1, 1000).getCentroid().getX(), within(1e-7));
    assertThat(
            c.findings().stream()
                .filter(f -> f.subject().equals("tiny"))
                .findFirst()
                .orElseThrow()
                .message())
        .startsWith("3600 m²");
  }

  @Test
  void overlappingAreasOfDifferentClassesAreBothLeftOut() {
    List<TrainingArea> areas = new java.util.ArrayList<>(three(2, 9.0));
    areas.addAll(three(6, 9.1));
    areas.add(new TrainingArea("x", 2, square(9.2, 45.0, 200)));
    areas.add(new TrainingArea("y", 6, square(9.2, 45.0005, 200))); // overlaps x by ~145 m
    areas.add(new TrainingArea("same", 2, square(9.0, 45.0005, 200))); // overlaps 2-1, same class
    areas.add(
        new TrainingArea(
            "touch",
            6,
            square(9.2 + 200 / (111_319.49 * Math.cos(Math.toRadians(45.0))), 45.0, 200)));
    AreaQc.Checked c = check(areas);
    assertThat(findings(c))
        .containsExactlyInAnyOrder(
            new Tuple(Finding.Level.ERROR, "overlap", "x"),
            new Tuple(Finding.Level.ERROR, "overlap", "y"));
    assertThat(c.findings().get(0).message()).contains("both left out");
    assertThat(c.areas())
        .extracting(TrainingArea::id)
        .doesNotContain("x", "y")
        .contains("same", "touch");
  }

  @Test
  void aClassWithFewerThanThreeAreasMakesTheSetUnusable() {
    List<TrainingArea> areas = new java.util.ArrayList<>(three(2, 9.0));
    areas.add(new TrainingArea("g1", 17, square(9.3, 45.0, 200)));
    areas.add(new TrainingArea("g2", 17, square(9.3, 45.01, 200)));
    AreaQc.Checked c = check(areas);
    assertThat(findings(c))
        .containsExactly(new Tuple(Finding.Level.ERROR, "too few areas", "class G"));
    assertThat(c.findings().get(0).message()).contains("2 usable areas, fewer than the 3");
    assertThat(c.usable()).isFalse();
  }

  @Test
  void againstASceneAreasOutsideOrOverNodataAreLeftOut() throws Exception {
    // a 2 km UTM 32N scene at 10 m whose western 40 % is nodata (0)
    Gdal.python(
        dir,
        "import numpy as np\nfrom osgeo import gdal, osr\n"
            + "d = gdal.GetDriverByName('GTiff').Create('scene.tif', 200, 200, 2, gdal.GDT_UInt16)\n"
            + "d.SetGeoTransform([500000, 10, 0, 5000000, 0, -10])\n"
            + "s = osr.SpatialReference(); s.ImportFromEPSG(32632); d.SetProjection(s.ExportToWkt())\n"
            + "a = np.full((200, 200), 500, dtype='uint16'); a[:, :80] = 0\n"
            + "for b in (1, 2):\n"
            + "    d.GetRasterBand(b).WriteArray(a); d.GetRasterBand(b).SetNoDataValue(0)\n"
            + "d = None\n");
    // south-west corners placed with GDAL: the scene spans x 500–502 km, y 4998–5000 km; nodata
    // west of x 500.8 km
    double[][] corners =
        Gdal.lonLat(
            dir,
            32632,
            new double[] {501200, 4999000},
            new double[] {503000, 4999000},
            new double[] {501900, 4999000},
            new double[] {500200, 4999000},
            new double[] {500750, 4999000});
    List<String> names = List.of("clean", "outside", "edge", "nodata", "half");
    List<TrainingArea> areas = new java.util.ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      areas.add(new TrainingArea(names.get(i), 4, square(corners[i][0], corners[i][1], 200)));
    }
    try (SceneRaster scene = SceneRaster.open(dir.resolve("scene.tif"))) {
      SceneCoverage coverage = new SceneCoverage(scene);
      assertThat(coverage.nodataShare(coverage.inScene(areas.get(3)))).isEqualTo(1.0);
      AreaQc.Checked c =
          AreaQc.check(new TrainingAreaFiles.Read(areas, List.of()), Optional.of(coverage));
      assertThat(findings(c))
          .containsExactlyInAnyOrder(
              new Tuple(Finding.Level.ERROR, "outside the scene", "outside"),
              new Tuple(Finding.Level.WARNING, "partly outside the scene", "edge"),
              new Tuple(Finding.Level.ERROR, "over nodata or cloud", "nodata"),
              new Tuple(Finding.Level.WARNING, "partly over nodata or cloud", "half"));
      assertThat(c.areas())
          .extracting(TrainingArea::id)
          .containsExactlyInAnyOrder("clean", "edge", "half");
      // x 500,750–500,950 over nodata up to 500,800: a quarter
      double half = coverage.nodataShare(coverage.inScene(areas.get(4)));
      assertThat(half).isCloseTo(0.25, within(0.03));

      // a second scene east of the first (x 502–504 km, no nodata): an area is kept when any
      // scene accepts it, and one no scene accepts keeps the first scene's reason
      Gdal.python(
          dir,
          "import numpy as np\nfrom osgeo import gdal, osr\n"
              + "d = gdal.GetDriverByName('GTiff').Create('east.tif', 200, 200, 2,"
              + " gdal.GDT_UInt16)\n"
              + "d.SetGeoTransform([502000, 10, 0, 5000000, 0, -10])\n"
              + "s = osr.SpatialReference(); s.ImportFromEPSG(32632);"
              + " d.SetProjection(s.ExportToWkt())\n"
              + "for b in (1, 2):\n"
              + "    d.GetRasterBand(b).WriteArray(np.full((200, 200), 500, dtype='uint16'))\n"
              + "d = None\n");
      try (SceneRaster east = SceneRaster.open(dir.resolve("east.tif"))) {
        AreaQc.Checked both =
            AreaQc.check(
                new TrainingAreaFiles.Read(areas, List.of()),
                List.of(coverage, new SceneCoverage(east)));
        assertThat(both.areas())
            .extracting(TrainingArea::id)
            .containsExactlyInAnyOrder("clean", "outside", "edge", "half");
        assertThat(findings(both))
            .containsExactlyInAnyOrder(
                new Tuple(Finding.Level.WARNING, "partly outside the scene", "edge"),
                new Tuple(Finding.Level.ERROR, "over nodata or cloud", "nodata"),
                new Tuple(Finding.Level.WARNING, "partly over nodata or cloud", "half"));
      }
    }
  }

  @Test
  void theRealAreasAreMeasuredAsGdalMeasuresThemInUtm() throws Exception {
    Path kml = RealData.dir().resolve("sentinel2-l2a-porto-trombetas/training-areas.kml");
    TrainingAreaFiles.Read read = TrainingAreaFiles.read(kml, "lcz");
    String out =
        Gdal.python(
            dir,
            "from osgeo import ogr, osr\n"
                + "ds = ogr.Open('"
                + kml
                + "')\nt = osr.SpatialReference(); t.ImportFromEPSG(32721)\n"
                + "for layer in ds:\n"
                + "    for f in layer:\n"
                + "        g = f.GetGeometryRef().Clone()\n"
                + "        s = g.GetSpatialReference()\n"
                + "        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)\n"
                + "        t.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)\n"
                + "        g.Transform(osr.CoordinateTransformation(s, t))\n"
                + "        print(f.GetField('Name'), g.GetArea())\n");
    int compared = 0;
    for (String line : out.strip().split("\n")) {
      String[] p = line.trim().split(" ");
      TrainingArea a =
          read.areas().stream().filter(x -> x.id().equals(p[0])).findFirst().orElseThrow();
      assertThat(LocalMetres.area(a.geometry()))
          .as(a.id())
          .isCloseTo(
              Double.parseDouble(p[1]), org.assertj.core.data.Percentage.withPercentage(0.5));
      compared++;
    }
    assertThat(compared).isEqualTo(25);
  }
}
