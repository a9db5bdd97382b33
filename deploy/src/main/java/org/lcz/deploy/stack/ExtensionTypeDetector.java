package org.lcz.deploy.stack;

import java.nio.file.Path;
import java.nio.file.spi.FileTypeDetector;
import java.util.Locale;
import java.util.Map;

/**
 * The embedded S3 server's answer to "what type is this object?" for objects stored without one (a
 * file copied into the data folder, a {@code curl -T} upload): by the name's extension, never by
 * reading the file. s3proxy asks {@link java.nio.file.Files#probeContentType}, whose first
 * installed detector that answers wins; without this one, Apache SIS's detector (on the classpath
 * for the rasters) probed the file with image readers and failed on files under 8 bytes, and the
 * server answered HTTP 500 to HEAD and GET. Registered in {@code META-INF/services} of this module,
 * which comes first on the launcher's classpath; it always answers, so no detector after it is
 * asked.
 */
public final class ExtensionTypeDetector extends FileTypeDetector {
  private static final Map<String, String> TYPES =
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

  /** The type of {@code fileName} by its extension; {@code application/octet-stream} if unknown. */
  public static String typeOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    String extension = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }

  @Override
  public String probeContentType(Path path) {
    Path name = path.getFileName();
    return typeOf(name == null ? "" : name.toString());
  }
}
