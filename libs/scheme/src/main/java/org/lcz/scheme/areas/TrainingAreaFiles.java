package org.lcz.scheme.areas;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.sis.referencing.CRS;
import org.apache.sis.referencing.CommonCRS;
import org.lcz.scheme.LczCatalog;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.opengis.referencing.operation.MathTransform;
import org.opengis.referencing.operation.TransformException;
import org.opengis.util.FactoryException;

/**
 * Reads training areas from the files people make them in:
 *
 * <ul>
 *   <li><b>KML</b> and <b>KMZ</b> in the WUDAPT form: Placemarks with a Polygon or a MultiGeometry
 *       of Polygons (2D or 3D coordinates, holes kept) inside a Folder named by the class in any
 *       coding {@link LczLabel} reads; a Placemark outside such a Folder may carry the class in its
 *       ExtendedData (the class property).
 *   <li><b>GeoJSON</b>: Polygon and MultiPolygon features with the class in a property ({@code lcz}
 *       by default); RFC 7946 longitude/latitude, or a legacy {@code crs} member naming an EPSG
 *       code, whose coordinates are transformed to longitude/latitude.
 * </ul>
 *
 * Features that are no polygons, or whose class cannot be read, are left out with a finding naming
 * them; a file that cannot be read at all is a {@link TrainingAreaException}.
 */
public final class TrainingAreaFiles {
  /** What a file held. */
  public record Read(List<TrainingArea> areas, List<Finding> findings) {}

  private static final GeometryFactory GEOMETRY = new GeometryFactory();

  private TrainingAreaFiles() {}

  /**
   * Reads {@code file} by its extension ({@code .kml}, {@code .kmz}, {@code .geojson}, {@code
   * .json}).
   *
   * @param classProperty the GeoJSON property (or KML ExtendedData field) holding the class
   */
  public static Read read(Path file, String classProperty) {
    String name = file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    if (!Files.isRegularFile(file)) {
      throw new TrainingAreaException(name + ": no such file");
    }
    try {
      if (lower.endsWith(".kml")) {
        try (InputStream in = Files.newInputStream(file)) {
          return kml(name, in, classProperty);
        }
      }
      if (lower.endsWith(".kmz")) {
        return kmz(name, file, classProperty);
      }
      if (lower.endsWith(".geojson") || lower.endsWith(".json")) {
        return geoJson(name, Files.readAllBytes(file), classProperty);
      }
    } catch (IOException e) {
      throw new TrainingAreaException(name + ": cannot be read (" + e.getMessage() + ")", e);
    }
    throw new TrainingAreaException(
        name + ": training areas are read from .kml, .kmz, .geojson or .json files");
  }

  private static Read kmz(String name, Path file, String classProperty) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry doc = zip.getEntry("doc.kml");
      if (doc == null) {
        doc =
            zip.stream()
                .filter(e -> e.getName().toLowerCase(Locale.ROOT).endsWith(".kml"))
                .findFirst()
                .orElseThrow(() -> new TrainingAreaException(name + ": a KMZ without a .kml"));
      }
      try (InputStream in = zip.getInputStream(doc)) {
        return kml(name + "!" + doc.getName(), in, classProperty);
      }
    } catch (ZipException e) {
      throw new TrainingAreaException(name + ": not a KMZ (zip) file: " + e.getMessage(), e);
    }
  }

  // ---- KML

  static Read kml(String name, InputStream in, String classProperty) {
    List<TrainingArea> areas = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    Deque<String> folders = new ArrayDeque<>();
    Deque<String> path = new ArrayDeque<>();
    int placemarks = 0;
    try {
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      Placemark current = null;
      List<Coordinate[]> rings = null;
      String dataName = null;
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String tag = xml.getLocalName();
          path.push(tag);
          switch (tag) {
            case "Folder" -> folders.push("");
            case "Placemark" -> {
              placemarks++;
              current = new Placemark(placemarks);
            }
            case "Polygon" -> rings = new ArrayList<>();
            case "Data", "SimpleData" -> dataName = xml.getAttributeValue(null, "name");
            case "Point", "LineString" -> {
              if (current != null) {
                current.others.add(tag);
              }
            }
            default -> {}
          }
          if (tag.equals("name") && parent(path).equals("Folder")) {
            folders.pop();
            folders.push(xml.getElementText().trim());
            path.pop();
          } else if (tag.equals("name") && parent(path).equals("Placemark") && current != null) {
            current.name = xml.getElementText().trim();
            path.pop();
          } else if (tag.equals("coordinates") && rings != null) {
            rings.add(coordinates(xml.getElementText(), name, current));
            path.pop();
          } else if (tag.equals("value") && current != null && dataName != null) {
            if (dataName.equalsIgnoreCase(classProperty)) {
              current.classValue = xml.getElementText().trim();
            }
            path.pop();
          } else if (tag.equals("SimpleData") && current != null && dataName != null) {
            if (dataName.equalsIgnoreCase(classProperty)) {
              current.classValue = xml.getElementText().trim();
            }
            path.pop();
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String tag = xml.getLocalName();
          path.pop();
          switch (tag) {
            case "Folder" -> folders.pop();
            case "Polygon" -> {
              if (current != null && rings != null && !rings.isEmpty()) {
                current.polygons.add(polygon(rings));
              }
              rings = null;
            }
            case "Placemark" -> {
              if (current != null) {
                finish(current, folders, areas, findings);
              }
              current = null;
            }
            default -> {}
          }
        }
      }
    } catch (XMLStreamException e) {
      throw new TrainingAreaException(name + ": not readable KML (" + e.getMessage() + ")", e);
    } catch (IllegalArgumentException e) {
      throw new TrainingAreaException(name + ": " + e.getMessage(), e);
    }
    if (placemarks == 0) {
      throw new TrainingAreaException(name + ": no Placemark in the file");
    }
    return new Read(areas, findings);
  }

  private static String parent(Deque<String> path) {
    var it = path.iterator();
    it.next();
    return it.hasNext() ? it.next() : "";
  }

  private static final class Placemark {
    final int position;
    String name;
    String classValue;
    final List<Polygon> polygons = new ArrayList<>();
    final List<String> others = new ArrayList<>();

    Placemark(int position) {
      this.position = position;
    }

    String id() {
      return name == null || name.isEmpty() ? "placemark " + position : name;
    }
  }

  private static void finish(
      Placemark p, Deque<String> folders, List<TrainingArea> areas, List<Finding> findings) {
    Optional<Integer> lcz = Optional.empty();
    String from = null;
    if (p.classValue != null) {
      lcz = LczLabel.parse(p.classValue);
      from = "its class '" + p.classValue + "'";
    }
    for (String folder : folders) {
      if (lcz.isPresent()) {
        break;
      }
      lcz = LczLabel.parse(folder);
      from = from == null ? "its folder '" + folder + "'" : from;
    }
    if (p.polygons.isEmpty()) {
      findings.add(
          new Finding(
              Finding.Level.ERROR,
              "not a polygon",
              p.id(),
              "holds "
                  + (p.others.isEmpty() ? "no geometry" : String.join(", ", p.others))
                  + ", not a polygon; left out"));
      return;
    }
    if (lcz.isEmpty()) {
      findings.add(
          new Finding(
              Finding.Level.ERROR,
              "no class",
              p.id(),
              (from == null ? "is in no folder named by a class" : from + " names no LCZ")
                  + " (folders are named 1…10, A…G, 11…17 or 101…107); left out"));
      return;
    }
    Geometry g =
        p.polygons.size() == 1
            ? p.polygons.get(0)
            : GEOMETRY.createMultiPolygon(p.polygons.toArray(new Polygon[0]));
    areas.add(new TrainingArea(p.id(), lcz.get(), g));
  }

  private static Coordinate[] coordinates(String text, String file, Placemark p) {
    String[] tuples = text.trim().split("\\s+");
    List<Coordinate> out = new ArrayList<>();
    for (String t : tuples) {
      if (t.isEmpty()) {
        continue;
      }
      String[] v = t.split(",");
      try {
        out.add(new Coordinate(Double.parseDouble(v[0]), Double.parseDouble(v[1])));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            (p == null ? "" : p.id() + ": ") + "a coordinate '" + t + "' is not lon,lat[,alt]");
      }
    }
    return out.toArray(new Coordinate[0]);
  }

  private static Polygon polygon(List<Coordinate[]> rings) {
    LinearRing shell = ring(rings.get(0));
    LinearRing[] holes = new LinearRing[rings.size() - 1];
    for (int i = 1; i < rings.size(); i++) {
      holes[i - 1] = ring(rings.get(i));
    }
    return GEOMETRY.createPolygon(shell, holes);
  }

  private static LinearRing ring(Coordinate[] c) {
    if (c.length > 0 && !c[0].equals2D(c[c.length - 1])) {
      Coordinate[] closed = Arrays.copyOf(c, c.length + 1);
      closed[c.length] = c[0].copy();
      c = closed;
    }
    if (c.length < 4) {
      throw new IllegalArgumentException("a polygon ring with fewer than 3 distinct points");
    }
    return GEOMETRY.createLinearRing(c);
  }

  // ---- GeoJSON

  static Read geoJson(String name, byte[] bytes, String classProperty) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(bytes);
    } catch (IOException e) {
      throw new TrainingAreaException(name + ": not readable JSON (" + e.getMessage() + ")", e);
    }
    if (root == null || !"FeatureCollection".equals(root.path("type").asText())) {
      throw new TrainingAreaException(name + ": not a GeoJSON FeatureCollection");
    }
    MathTransform toLonLat = crs(name, root.path("crs"));
    List<TrainingArea> areas = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    int position = 0;
    for (JsonNode f : root.path("features")) {
      position++;
      JsonNode props = f.path("properties");
      String id =
          props.hasNonNull("name")
              ? props.get("name").asText()
              : f.hasNonNull("id") ? f.get("id").asText() : "feature " + position;
      JsonNode value = props.get(classProperty);
      Optional<Integer> lcz =
          value == null || value.isNull() ? Optional.empty() : LczLabel.parse(value.asText());
      String type = f.path("geometry").path("type").asText("none");
      if (!type.equals("Polygon") && !type.equals("MultiPolygon")) {
        findings.add(
            new Finding(
                Finding.Level.ERROR,
                "not a polygon",
                id,
                "is a " + type + ", not a polygon; left out"));
        continue;
      }
      if (lcz.isEmpty()) {
        findings.add(
            new Finding(
                Finding.Level.ERROR,
                "no class",
                id,
                (value == null
                        ? "has no property '" + classProperty + "'"
                        : "its " + classProperty + " '" + value.asText() + "' names no LCZ")
                    + "; left out"));
        continue;
      }
      try {
        JsonNode coords = f.path("geometry").path("coordinates");
        Geometry g;
        if (type.equals("Polygon")) {
          g = jsonPolygon(coords, toLonLat);
        } else {
          List<Polygon> parts = new ArrayList<>();
          for (JsonNode p : coords) {
            parts.add(jsonPolygon(p, toLonLat));
          }
          g = GEOMETRY.createMultiPolygon(parts.toArray(new Polygon[0]));
        }
        areas.add(new TrainingArea(id, lcz.get(), g));
      } catch (IllegalArgumentException e) {
        throw new TrainingAreaException(name + ": " + id + ": " + e.getMessage(), e);
      }
    }
    if (position == 0) {
      throw new TrainingAreaException(name + ": no feature in the collection");
    }
    return new Read(areas, findings);
  }

  private static Polygon jsonPolygon(JsonNode rings, MathTransform toLonLat) {
    List<Coordinate[]> out = new ArrayList<>();
    for (JsonNode ring : rings) {
      Coordinate[] c = new Coordinate[ring.size()];
      for (int i = 0; i < ring.size(); i++) {
        double[] p = {ring.get(i).get(0).asDouble(), ring.get(i).get(1).asDouble()};
        if (toLonLat != null) {
          try {
            toLonLat.transform(p, 0, p, 0, 1);
          } catch (TransformException e) {
            throw new IllegalArgumentException(
                "a coordinate cannot be transformed: " + e.getMessage());
          }
        }
        c[i] = new Coordinate(p[0], p[1]);
      }
      out.add(c);
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException("a polygon without rings");
    }
    return polygon(out);
  }

  /** The transform of a legacy {@code crs} member to longitude/latitude; null for WGS 84. */
  private static MathTransform crs(String name, JsonNode crs) {
    if (crs.isMissingNode() || crs.isNull()) {
      return null;
    }
    String code = crs.path("properties").path("name").asText("");
    String upper = code.toUpperCase(Locale.ROOT);
    if (upper.endsWith("CRS84") || upper.endsWith("EPSG::4326") || upper.equals("EPSG:4326")) {
      return null;
    }
    String epsg = upper.replaceAll(".*EPSG:+(\\d+)$", "$1");
    if (!epsg.matches("\\d+")) {
      throw new TrainingAreaException(name + ": cannot read the crs member '" + code + "'");
    }
    try {
      return CRS.findOperation(
              CRS.forCode("EPSG:" + epsg), CommonCRS.WGS84.normalizedGeographic(), null)
          .getMathTransform();
    } catch (FactoryException e) {
      throw new TrainingAreaException(
          name + ": unknown CRS " + code + " (" + e.getMessage() + ")", e);
    }
  }

  /** A class label for messages: {@code 6}, {@code A}. */
  static String code(int lcz) {
    return LczCatalog.standard().byValue(lcz).code();
  }
}
