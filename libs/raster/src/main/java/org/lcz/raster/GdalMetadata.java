package org.lcz.raster;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code GDAL_METADATA} TIFF tag (42112) as GDAL writes and reads it: dataset items, then one
 * {@code DESCRIPTION} per band (what {@code gdalinfo} shows as the band's description). Written as
 * GDAL writes it: item names XML-escaped once, values twice (GDAL unescapes a value once more after
 * parsing the XML, so a value escaped once loses everything from a bare {@code &} on — found when a
 * band named {@code "second & <more>"} read back as {@code "second "}). Used by {@link
 * GeoTiffWriter} for strips and COGs alike.
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
                    .append(escape(escape(v)))
                    .append("</Item>"));
    for (int b = 0; b < bandDescriptions.size(); b++) {
      xml.append("<Item name=\"DESCRIPTION\" sample=\"")
          .append(b)
          .append("\" role=\"description\">")
          .append(escape(escape(bandDescriptions.get(b))))
          .append("</Item>");
    }
    return xml.append("</GDALMetadata>").toString();
  }

  /**
   * The value of dataset item {@code name} in the tag's raw XML as GDAL reads it (both escapes
   * undone), or {@code null} when there is no such item.
   */
  public static String item(String xml, String name) {
    String open = "<Item name=\"" + escape(name) + "\">";
    int at = xml.indexOf(open);
    if (at < 0) {
      return null;
    }
    int end = xml.indexOf("</Item>", at);
    return end < 0 ? null : unescape(unescape(xml.substring(at + open.length(), end)));
  }

  /**
   * A value as GDAL reads it from text an XML parser already unescaped once (e.g. Apache SIS's
   * metadata tree): the second escape undone.
   */
  public static String parsedValue(String once) {
    return once == null ? null : unescape(once);
  }

  /** Undoes {@link #escape} (and {@code &apos;}); {@code &amp;} last, so each undoes one level. */
  static String unescape(String s) {
    return s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
  }

  /** XML's five-character escapes for text and attribute values. */
  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
