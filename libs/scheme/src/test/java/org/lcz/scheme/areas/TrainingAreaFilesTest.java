package org.lcz.scheme.areas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.raster.RealData;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;

class TrainingAreaFilesTest {
  @TempDir Path dir;

  private static Map<String, Integer> classes(TrainingAreaFiles.Read read) {
    return read.areas().stream()
        .collect(Collectors.toMap(TrainingArea::id, TrainingArea::lcz, (a, b) -> a, TreeMap::new));
  }

  @Test
  void kmlFoldersInEveryCodingNameTheClassesOfTheirPlacemarks() throws Exception {
    Path file =
        new Kml()
            .folder("1", Kml.square("a1", 9.0, 45.0, 200))
            .folder("A", Kml.square("a2", 9.01, 45.0, 200))
            .folder("13", Kml.square("a3", 9.02, 45.0, 200))
            .folder("104", Kml.square("a4", 9.03, 45.0, 200))
            .folder("LCZ 5: Open midrise", Kml.square("a5", 9.04, 45.0, 200))
            .folder("Roads", Kml.square("road", 9.05, 45.0, 200))
            .folder(
                "G", Kml.placemark("well", "<Point><coordinates>9.06,45.0,0</coordinates></Point>"))
            .raw(
                Kml.placemark(
                    "loose",
                    "<ExtendedData><Data name=\"lcz\"><value>E</value></Data></ExtendedData>"
                        + "<Polygon>"
                        + Kml.ring("outerBoundaryIs", 9.07, 45.0, 200, false)
                        + "</Polygon>"))
            .write(dir.resolve("areas.kml"));
    TrainingAreaFiles.Read read = TrainingAreaFiles.read(file, "lcz");
    assertThat(classes(read))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("a1", 1, "a2", 11, "a3", 13, "a4", 14, "a5", 5, "loose", 15));
    assertThat(read.findings())
        .extracting(Finding::rule, Finding::subject)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("no class", "road"),
            org.assertj.core.groups.Tuple.tuple("not a polygon", "well"));
    assertThat(read.findings().get(0).message() + read.findings().get(1).message())
        .contains("'Roads' names no LCZ")
        .contains("holds Point, not a polygon");
    // 200 m squares (3D coordinates read as 2D)
    assertThat(LocalMetres.area(read.areas().get(0).geometry())).isCloseTo(40_000, within(100.0));
  }

  @Test
  void holesAndMultiGeometriesAreKept() throws Exception {
    String withHole =
        Kml.placemark(
            "holed",
            "<Polygon>"
                + Kml.ring("outerBoundaryIs", 9.0, 45.0, 300, true)
                + Kml.ring("innerBoundaryIs", 9.001, 45.001, 100, true)
                + "</Polygon>");
    String multi =
        Kml.placemark(
            "two",
            "<MultiGeometry><Polygon>"
                + Kml.ring("outerBoundaryIs", 9.01, 45.0, 100, false)
                + "</Polygon><Polygon>"
                + Kml.ring("outerBoundaryIs", 9.02, 45.0, 100, false)
                + "</Polygon></MultiGeometry>");
    TrainingAreaFiles.Read read =
        TrainingAreaFiles.read(
            new Kml().folder("6", withHole, multi).write(dir.resolve("h.kml")), "lcz");
    TrainingArea holed = read.areas().get(0);
    assertThat(holed.geometry()).isInstanceOf(Polygon.class);
    assertThat(((Polygon) holed.geometry()).getNumInteriorRing()).isEqualTo(1);
    assertThat(LocalMetres.area(holed.geometry())).isCloseTo(80_000, within(300.0));
    assertThat(read.areas().get(1).geometry()).isInstanceOf(MultiPolygon.class);
    assertThat(read.areas().get(1).geometry().getNumGeometries()).isEqualTo(2);
  }

  @Test
  void aKmzIsReadLikeItsKml() throws Exception {
    Kml kml =
        new Kml().folder("B", Kml.square("b1", 9.0, 45.0, 150), Kml.square("b2", 9.01, 45.0, 150));
    Path kmz = dir.resolve("areas.kmz");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(kmz))) {
      zip.putNextEntry(new ZipEntry("files/readme.txt"));
      zip.write("x".getBytes());
      zip.putNextEntry(new ZipEntry("areas.kml"));
      zip.write(kml.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    TrainingAreaFiles.Read read = TrainingAreaFiles.read(kmz, "lcz");
    assertThat(classes(read)).containsExactlyInAnyOrderEntriesOf(Map.of("b1", 12, "b2", 12));
  }

  @Test
  void geoJsonPolygonsAndMultiPolygonsWithTheClassInAProperty() throws Exception {
    String json =
        """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"name": "p1", "class": "A"},
           "geometry": {"type": "Polygon", "coordinates": [[[9,45],[9.002,45],[9.002,45.002],[9,45.002],[9,45]]]}},
          {"type": "Feature", "properties": {"name": "p2", "class": 6},
           "geometry": {"type": "MultiPolygon", "coordinates": [
             [[[9.01,45],[9.012,45],[9.012,45.002],[9.01,45]]],
             [[[9.02,45],[9.022,45],[9.022,45.002],[9.02,45]]]]}},
          {"type": "Feature", "properties": {"name": "p3", "class": "103"},
           "geometry": {"type": "Polygon", "coordinates": [[[9.03,45],[9.032,45],[9.032,45.002],[9.03,45]]]}},
          {"type": "Feature", "properties": {"name": "road", "class": "2"},
           "geometry": {"type": "LineString", "coordinates": [[9,45],[9.1,45]]}},
          {"type": "Feature", "properties": {"name": "nameless"},
           "geometry": {"type": "Polygon", "coordinates": [[[9.04,45],[9.042,45],[9.042,45.002],[9.04,45]]]}}
        ]}
        """;
    Path file = dir.resolve("areas.geojson");
    Files.writeString(file, json);
    TrainingAreaFiles.Read read = TrainingAreaFiles.read(file, "class");
    assertThat(classes(read))
        .containsExactlyInAnyOrderEntriesOf(Map.of("p1", 11, "p2", 6, "p3", 13));
    assertThat(read.areas().get(1).geometry()).isInstanceOf(MultiPolygon.class);
    assertThat(read.findings())
        .extracting(Finding::subject, Finding::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("road", "is a LineString, not a polygon; left out"),
            org.assertj.core.groups.Tuple.tuple("nameless", "has no property 'class'; left out"));
  }

  @Test
  void aGeoJsonInAProjectedCrsIsTransformedToLongitudeLatitude() throws Exception {
    String json =
        """
        {"type": "FeatureCollection",
         "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32633"}},
         "features": [{"type": "Feature", "properties": {"lcz": "D"},
           "geometry": {"type": "Polygon", "coordinates": [[[500000,5000000],[500300,5000000],[500300,5000300],[500000,5000300],[500000,5000000]]]}}]}
        """;
    Path file = dir.resolve("utm.geojson");
    Files.writeString(file, json);
    TrainingArea a = TrainingAreaFiles.read(file, "lcz").areas().get(0);
    double[] oracle = Gdal.lonLat(dir, 32633, new double[] {500300, 5000300})[0];
    org.locationtech.jts.geom.Coordinate ne = a.geometry().getCoordinates()[2];
    assertThat(ne.x).isCloseTo(oracle[0], within(1e-9));
    assertThat(ne.y).isCloseTo(oracle[1], within(1e-9));
    assertThat(LocalMetres.area(a.geometry())).isCloseTo(90_000, within(900.0));
  }

  @Test
  void unreadableFilesAreRefusedWithTheReason() throws Exception {
    assertThatThrownBy(() -> TrainingAreaFiles.read(dir.resolve("none.kml"), "lcz"))
        .hasMessageContaining("none.kml: no such file");
    Path shp = Files.writeString(dir.resolve("a.shp"), "x");
    assertThatThrownBy(() -> TrainingAreaFiles.read(shp, "lcz"))
        .hasMessageContaining("read from .kml, .kmz, .geojson or .json files");
    Path notXml = Files.writeString(dir.resolve("b.kml"), "this is not xml");
    assertThatThrownBy(() -> TrainingAreaFiles.read(notXml, "lcz"))
        .isInstanceOf(TrainingAreaException.class)
        .hasMessageContaining("b.kml: not readable KML");
    Path empty = new Kml().folder("1").write(dir.resolve("c.kml"));
    assertThatThrownBy(() -> TrainingAreaFiles.read(empty, "lcz"))
        .hasMessageContaining("no Placemark");
    Path badCoordinate =
        new Kml()
            .folder(
                "1",
                Kml.placemark(
                    "x",
                    "<Polygon><outerBoundaryIs><LinearRing><coordinates>9,45 nine,45 9,46 9,45"
                        + "</coordinates></LinearRing></outerBoundaryIs></Polygon>"))
            .write(dir.resolve("d.kml"));
    assertThatThrownBy(() -> TrainingAreaFiles.read(badCoordinate, "lcz"))
        .hasMessageContaining("x: a coordinate 'nine,45' is not lon,lat[,alt]");
    Path notZip = Files.writeString(dir.resolve("e.kmz"), "not a zip");
    assertThatThrownBy(() -> TrainingAreaFiles.read(notZip, "lcz"))
        .isInstanceOf(TrainingAreaException.class)
        .hasMessageContaining("e.kmz");
    Path notCollection = Files.writeString(dir.resolve("f.geojson"), "{\"type\": \"Feature\"}");
    assertThatThrownBy(() -> TrainingAreaFiles.read(notCollection, "lcz"))
        .hasMessageContaining("not a GeoJSON FeatureCollection");
  }

  @Test
  void theRealTrainingAreasReadAlikeFromKmlAndGeoJson() {
    Path folder = RealData.dir().resolve("sentinel2-l2a-porto-trombetas");
    TrainingAreaFiles.Read kml =
        TrainingAreaFiles.read(folder.resolve("training-areas.kml"), "lcz");
    TrainingAreaFiles.Read json =
        TrainingAreaFiles.read(folder.resolve("training-areas.geojson"), "lcz");
    for (TrainingAreaFiles.Read r : List.of(kml, json)) {
      assertThat(r.findings()).isEmpty();
      assertThat(r.areas()).hasSize(25);
      Map<Integer, Long> perClass =
          r.areas().stream()
              .collect(
                  Collectors.groupingBy(TrainingArea::lcz, TreeMap::new, Collectors.counting()));
      assertThat(perClass)
          .containsExactlyEntriesOf(new TreeMap<>(Map.of(6, 9L, 11, 8L, 16, 4L, 17, 4L)));
    }
    // the same outlines, whatever their order in the two files
    for (TrainingArea k : kml.areas()) {
      assertThat(json.areas())
          .as(k.id())
          .anyMatch(
              j ->
                  j.lcz() == k.lcz() && j.geometry().norm().equalsExact(k.geometry().norm(), 1e-9));
    }
  }
}
