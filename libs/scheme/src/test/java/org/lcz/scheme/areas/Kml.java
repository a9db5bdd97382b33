package org.lcz.scheme.areas;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Writes WUDAPT-style KML fixtures: squares of a given size in metres, in folders per class. */
public final class Kml {
  private final StringBuilder body = new StringBuilder();

  /** A folder named {@code name} holding {@code placemarks}. */
  public Kml folder(String name, String... placemarks) {
    body.append("<Folder><name>").append(name).append("</name>\n");
    for (String p : placemarks) {
      body.append(p);
    }
    body.append("</Folder>\n");
    return this;
  }

  public Kml raw(String placemark) {
    body.append(placemark);
    return this;
  }

  public String text() {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<kml xmlns=\"http://www.opengis.net/kml/2.2\">"
        + "<Document><name>fixture</name>\n"
        + body
        + "</Document></kml>\n";
  }

  public Path write(Path file) throws IOException {
    Files.writeString(file, text(), StandardCharsets.UTF_8);
    return file;
  }

  /** A placemark: a square of {@code side} metres with its south-west corner at (lon, lat). */
  public static String square(String name, double lon, double lat, double side) {
    return placemark(
        name, "<Polygon>" + ring("outerBoundaryIs", lon, lat, side, true) + "</Polygon>");
  }

  public static String placemark(String name, String geometry) {
    return "<Placemark><name>" + name + "</name>" + geometry + "</Placemark>\n";
  }

  /** A ring of a square, 3D coordinates when {@code z}. */
  public static String ring(String boundary, double lon, double lat, double side, boolean z) {
    // the same ellipsoidal plane the QC measures in (its areas are checked against GDAL elsewhere)
    LocalMetres local = LocalMetres.at(lat);
    org.locationtech.jts.geom.Envelope e =
        local
            .degrees(
                new org.locationtech.jts.geom.GeometryFactory()
                    .toGeometry(new org.locationtech.jts.geom.Envelope(0, side, 0, side)))
            .getEnvelopeInternal();
    double dLat = e.getMaxY();
    double dLon = e.getMaxX();
    double[][] c = {
      {lon, lat}, {lon + dLon, lat}, {lon + dLon, lat + dLat}, {lon, lat + dLat}, {lon, lat}
    };
    StringBuilder s = new StringBuilder("<" + boundary + "><LinearRing><coordinates>");
    for (double[] p : c) {
      s.append(String.format(Locale.ROOT, "%.9f,%.9f%s ", p[0], p[1], z ? ",0" : ""));
    }
    return s.append("</coordinates></LinearRing></").append(boundary).append(">").toString();
  }
}
