package org.lcz.ingest.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.lcz.contract.Radiometry;
import org.lcz.contract.Sensors;
import org.lcz.contract.SpectralBands;
import org.lcz.raster.AcquisitionTime;
import org.lcz.raster.RasterException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * What a Sentinel-2 L2A SAFE product says of itself: the radiometry of its digital numbers (from
 * {@code MTD_MSIL2A.xml}: {@code BOA_QUANTIFICATION_VALUE}, and {@code BOA_ADD_OFFSET} per band
 * since processing baseline 04.00), the granule's CRS and grids (from {@code MTD_TL.xml}) and which
 * file of {@code GRANULE/*}{@code /IMG_DATA/R10m|R20m} holds each band.
 */
public final class SafeProduct {
  /** {@code T21MXS_20230101T135111_B02_10m.jp2}: band and resolution. */
  static final Pattern BAND_FILE =
      Pattern.compile(".*/IMG_DATA/R(10|20|60)m/[^/]*_(B\\d\\d|B8A|SCL)_(10|20|60)m\\.jp2$");

  /** {@code band_id} of {@code BOA_ADD_OFFSET}: Sentinel-2's 13 bands in order. */
  static final List<String> BAND_IDS = Sensors.SENTINEL_2.bandNames();

  private SafeProduct() {}

  /**
   * The radiometry of the product's reflectance bands {@code bands}, and what said so.
   *
   * @param metadata {@code MTD_MSIL2A.xml}
   * @throws RasterException if the file cannot be read or the bands' offsets differ
   */
  public static Declared radiometry(InputStream metadata, List<String> bands) {
    Document doc = parse("MTD_MSIL2A.xml", metadata);
    String baseline = text(doc, "PROCESSING_BASELINE").orElse("?");
    double quantification =
        text(doc, "BOA_QUANTIFICATION_VALUE").map(Double::parseDouble).orElse(10_000.0);
    Map<String, Double> offsets = new LinkedHashMap<>();
    NodeList list = doc.getElementsByTagName("BOA_ADD_OFFSET");
    for (int i = 0; i < list.getLength(); i++) {
      Element e = (Element) list.item(i);
      int id = Integer.parseInt(e.getAttribute("band_id").trim());
      if (id >= 0 && id < BAND_IDS.size()) {
        offsets.put(BAND_IDS.get(id), Double.parseDouble(e.getTextContent().trim()));
      }
    }
    Double offset = null;
    for (String band : bands) {
      if (!SpectralBands.isReflectance(band)) {
        continue;
      }
      double o = offsets.getOrDefault(SpectralBands.canonical(band).orElse(band), 0.0);
      if (offset != null && o != offset) {
        throw new RasterException(
            "MTD_MSIL2A.xml: BOA_ADD_OFFSET differs between bands ("
                + offsets
                + "); the platform needs one radiometry for all reflectance bands");
      }
      offset = o;
    }
    double add = offset == null ? 0 : offset;
    return new Declared(
        new Radiometry(Radiometry.SURFACE, quantification, -add),
        String.format(
            Locale.ROOT,
            "MTD_MSIL2A.xml (processing baseline %s, BOA_QUANTIFICATION_VALUE %s,"
                + " BOA_ADD_OFFSET %s)",
            baseline,
            (long) quantification,
            (long) add));
  }

  /**
   * When the imagery was acquired: the product's {@code PRODUCT_START_TIME}, else the granule's
   * {@code SENSING_TIME}; empty when neither is a time.
   *
   * @param metadata {@code MTD_MSIL2A.xml}
   * @param tile {@code MTD_TL.xml}
   */
  public static Optional<Instant> acquiredAt(InputStream metadata, InputStream tile) {
    Optional<Instant> start =
        text(parse("MTD_MSIL2A.xml", metadata), "PRODUCT_START_TIME")
            .flatMap(AcquisitionTime::parse);
    return start.isPresent()
        ? start
        : text(parse("MTD_TL.xml", tile), "SENSING_TIME").flatMap(AcquisitionTime::parse);
  }

  /** A radiometry and what declared it. */
  public record Declared(Radiometry radiometry, String by) {}

  /** A granule's grid at one resolution. */
  public record Grid(String epsg, double[] geoTransform) {}

  /**
   * The granule's CRS and grids by resolution ({@code 10}, {@code 20}, {@code 60}).
   *
   * @param tile {@code MTD_TL.xml}
   */
  public static Map<Integer, Grid> grids(InputStream tile) {
    Document doc = parse("MTD_TL.xml", tile);
    String epsg =
        text(doc, "HORIZONTAL_CS_CODE")
            .orElseThrow(() -> new RasterException("MTD_TL.xml: no HORIZONTAL_CS_CODE"));
    Map<Integer, Grid> out = new LinkedHashMap<>();
    NodeList list = doc.getElementsByTagName("Geoposition");
    for (int i = 0; i < list.getLength(); i++) {
      Element g = (Element) list.item(i);
      int res = Integer.parseInt(g.getAttribute("resolution").trim());
      double ulx = number(g, "ULX");
      double uly = number(g, "ULY");
      double xdim = number(g, "XDIM");
      double ydim = number(g, "YDIM");
      out.put(res, new Grid(epsg, new double[] {ulx, xdim, 0, uly, 0, ydim}));
    }
    if (out.isEmpty()) {
      throw new RasterException("MTD_TL.xml: no Geoposition");
    }
    return out;
  }

  /**
   * For each wanted band and {@code SCL}, the path (within the product) of its file: 10 m bands
   * from {@code R10m}, the others from {@code R20m}.
   *
   * @param paths every file path of the product
   * @throws RasterException naming the bands without a file
   */
  public static Map<String, String> bandFiles(List<String> paths, List<String> bands) {
    Map<String, Map<Integer, String>> found = new LinkedHashMap<>();
    for (String p : paths) {
      Matcher m = BAND_FILE.matcher(p);
      if (m.matches()) {
        String band =
            m.group(2).equals("SCL")
                ? "SCL"
                : SpectralBands.canonical(m.group(2)).orElse(m.group(2));
        found
            .computeIfAbsent(band, b -> new LinkedHashMap<>())
            .put(Integer.parseInt(m.group(3)), p);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    List<String> missing = new ArrayList<>();
    for (String band : bands) {
      Map<Integer, String> byRes = found.get(band);
      if (byRes == null) {
        missing.add(band);
        continue;
      }
      out.put(band, byRes.values().stream().findFirst().orElseThrow());
      for (int res : new int[] {10, 20, 60}) {
        if (byRes.containsKey(res)) {
          out.put(band, byRes.get(res));
          break;
        }
      }
    }
    if (!missing.isEmpty()) {
      throw new RasterException(
          "the SAFE product has no GRANULE/*/IMG_DATA/R10m|R20m file for " + missing);
    }
    Map<Integer, String> scl = found.get("SCL");
    if (scl != null) {
      out.put("SCL", scl.getOrDefault(20, scl.values().iterator().next()));
    }
    return out;
  }

  private static Document parse(String what, InputStream in) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      return b.parse(in);
    } catch (Exception e) {
      throw new RasterException(what + ": not readable XML (" + e.getMessage() + ")", e);
    }
  }

  private static Optional<String> text(Document doc, String tag) {
    NodeList l = doc.getElementsByTagName(tag);
    return l.getLength() == 0 ? Optional.empty() : Optional.of(l.item(0).getTextContent().trim());
  }

  private static double number(Element parent, String tag) {
    NodeList l = parent.getElementsByTagName(tag);
    if (l.getLength() == 0) {
      throw new RasterException("MTD_TL.xml: Geoposition without " + tag);
    }
    return Double.parseDouble(l.item(0).getTextContent().trim());
  }

  /** Reads a file fully (small metadata files). */
  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new RasterException(file.getFileName() + ": cannot be read (" + e.getMessage() + ")");
    }
  }
}
