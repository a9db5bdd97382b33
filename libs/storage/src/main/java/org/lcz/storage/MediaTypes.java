package org.lcz.storage;

import java.util.Locale;
import java.util.Map;

/** The media type of the platform's files by their name's extension. */
public final class MediaTypes {
  private static final Map<String, String> BY_EXTENSION =
      Map.ofEntries(
          Map.entry("tif", "image/tiff"),
          Map.entry("tiff", "image/tiff"),
          Map.entry("png", "image/png"),
          Map.entry("jp2", "image/jp2"),
          Map.entry("json", "application/json"),
          Map.entry("geojson", "application/geo+json"),
          Map.entry("kml", "application/vnd.google-earth.kml+xml"),
          Map.entry("kmz", "application/vnd.google-earth.kmz"),
          Map.entry("xml", "application/xml"),
          Map.entry("zip", "application/zip"),
          Map.entry("h5", "application/x-hdf5"),
          Map.entry("hdf5", "application/x-hdf5"),
          Map.entry("onnx", "application/octet-stream"),
          Map.entry("csv", "text/csv"),
          Map.entry("txt", "text/plain"));

  private MediaTypes() {}

  /** The type of {@code fileName} by its extension; {@code application/octet-stream} if unknown. */
  public static String of(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return BY_EXTENSION.getOrDefault(extension, "application/octet-stream");
  }
}
