package org.lcz.raster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code GDAL_METADATA} TIFF tag (42112) as GDAL writes and reads it: dataset items, then one
 * {@code DESCRIPTION} per band (what {@code gdalinfo} shows as the band's description),
 * XML-escaped. Both TIFF encoders of the platform (the tiles' {@link GeoTiffWriter}, the maps' COG
 * writer) use it.
 */
public final class GdalMetadata {
  private GdalMetadata() {}

  /** The tag's XML for dataset {@code items} (written in key order) and band descriptions. */
  public static String xml(Map<String, String> items, List<String> bandDescriptions) {
    StringBuilder xml = new StringBuilder("<GDALMetadata>");
    new TreeMap<>(items)
        .forEach(
            (k, v) ->
                xml.append("<Item name=\"")
                    .append(escape(k))
                    .append("\">")
                    .append(escape(v))
                    .append("</Item>"));
    for (int b = 0; b < bandDescriptions.size(); b++) {
      xml.append("<Item name=\"DESCRIPTION\" sample=\"")
          .append(b)
          .append("\" role=\"description\">")
          .append(escape(bandDescriptions.get(b)))
          .append("</Item>");
    }
    return xml.append("</GDALMetadata>").toString();
  }

  /** XML's five-character escapes for text and attribute values. */
  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
