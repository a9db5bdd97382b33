package org.lcz.inference.assembly;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The map for Google Earth ({@code lcz.kmz}): a KML document with two ground overlays on the
 * longitude/latitude grid of {@link LatLonMap} — the filtered map (shown) and the raw map (hidden)
 * as PNGs in LCZ colours, cells without a class transparent — and the legend as a screen overlay.
 */
public final class KmzOverlay implements SceneProduct {
  @Override
  public List<Asset> make(AssembledScene scene, List<Stored> earlier) {
    LatLonMap ll = LatLonMap.of(scene, List.of(scene.filtered(), scene.map().classes()));
    double[] g = ll.geoTransform();
    double west = g[0];
    double north = g[3];
    double east = west + ll.cols() * g[1];
    double south = north + ll.rows() * g[5];
    String box =
        String.format(
            Locale.ROOT,
            "<LatLonBox><north>%.9f</north><south>%.9f</south><east>%.9f</east><west>%.9f</west>"
                + "</LatLonBox>",
            north,
            south,
            east,
            west);
    String title = "Local Climate Zones of " + scene.title();
    String kml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n"
            + "<name>"
            + escape(title)
            + "</name>\n"
            + "<description>"
            + escape(
                "Model "
                    + scene.modelVersion()
                    + "; 100 m cells. lczFilter: the class-specific Gaussian filter of Demuzere"
                    + " et al.")
            + "</description>\n"
            + overlay("LCZ (lczFilter)", "lczFilter.png", true, box)
            + overlay("LCZ (lcz, unfiltered)", "lcz.png", false, box)
            + "<ScreenOverlay><name>Legend</name><Icon><href>legend.png</href></Icon>"
            + "<overlayXY x=\"0\" y=\"1\" xunits=\"fraction\" yunits=\"fraction\"/>"
            + "<screenXY x=\"0.01\" y=\"0.99\" xunits=\"fraction\" yunits=\"fraction\"/>"
            + "<size x=\"0\" y=\"0\" xunits=\"pixels\" yunits=\"pixels\"/></ScreenOverlay>\n"
            + "</Document>\n</kml>\n";
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      // doc.kml first: Google Earth and GDAL open the first .kml of a KMZ
      // entries dated by the map, so the same tiles give the same bytes
      long time = scene.completedAt().toEpochMilli();
      entry(zip, "doc.kml", kml.getBytes(StandardCharsets.UTF_8), time);
      entry(
          zip,
          "lczFilter.png",
          PreviewImage.colours(ll.bands().get(0), ll.cols(), ll.rows()),
          time);
      entry(zip, "lcz.png", PreviewImage.colours(ll.bands().get(1), ll.cols(), ll.rows()), time);
      entry(zip, "legend.png", PreviewImage.legend(scene.filtered(), "LCZ (lczFilter)"), time);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.of(
        new Asset(
            "kmz",
            "lcz.kmz",
            bytes.toByteArray(),
            "application/vnd.google-earth.kmz",
            "LCZ map for Google Earth (filtered and raw overlays, legend)",
            List.of("visual"),
            Map.of()));
  }

  private static String overlay(String name, String png, boolean visible, String box) {
    return "<GroundOverlay><name>"
        + escape(name)
        + "</name><visibility>"
        + (visible ? 1 : 0)
        + "</visibility><Icon><href>"
        + png
        + "</href></Icon>"
        + box
        + "</GroundOverlay>\n";
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content, long time)
      throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(time);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
