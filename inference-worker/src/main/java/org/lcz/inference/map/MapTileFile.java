package org.lcz.inference.map;

import java.util.List;
import java.util.Map;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;

/**
 * A map tile as a file: a GeoTIFF written by {@link LczTiff} (classes with the LCZ colour table,
 * confidence, georeferenced at the output resolution, the model version in its metadata), and read
 * back for scene assembly.
 */
public final class MapTileFile {
  /** Metadata item naming the model version. */
  public static final String MODEL_VERSION = "LCZ_MODEL_VERSION";

  private MapTileFile() {}

  /** The GeoTIFF bytes of {@code tile}. */
  public static byte[] write(MapTile tile, int epsg, boolean projected) {
    int block = Math.min(256, 16 * ((Math.max(tile.width(), tile.height()) + 15) / 16));
    return LczTiff.write(
        List.of(new LczTiff.Level(tile.width(), tile.height(), tile.classes(), tile.confidence())),
        block,
        new LczTiff.Georeference(
            tile.geoTransform(), epsg, projected, Map.of(MODEL_VERSION, tile.modelVersion())));
  }

  /**
   * Reads a map tile written by {@link #write}.
   *
   * @throws IllegalArgumentException if the bytes are not such a file
   */
  public static MapTile read(byte[] tiff) {
    try {
      TIFFImage image = TiffReader.readTiff(tiff);
      FileDirectory d = image.getFileDirectory();
      Rasters r = d.readRasters();
      int w = r.getWidth();
      int h = r.getHeight();
      if (r.getSamplesPerPixel() != 2) {
        throw new IllegalArgumentException(
            "a map tile has 2 bands (lcz, confidence), this file " + r.getSamplesPerPixel());
      }
      byte[] classes = new byte[w * h];
      byte[] confidence = new byte[w * h];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          classes[y * w + x] = r.getPixelSample(0, x, y).byteValue();
          confidence[y * w + x] = r.getPixelSample(1, x, y).byteValue();
        }
      }
      List<Double> scale = d.getModelPixelScale();
      List<Double> tie = d.getModelTiepoint();
      double[] g = {tie.get(3), scale.get(0), 0, tie.get(4), 0, -scale.get(1)};
      return new MapTile(w, h, classes, confidence, g, modelVersion(d));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a readable map tile: " + e.getMessage(), e);
    }
  }

  private static String modelVersion(FileDirectory d) {
    Object xml = d.getStringEntryValue(mil.nga.tiff.FieldTagType.GDAL_METADATA);
    String s = xml == null ? "" : xml.toString();
    String open = "<Item name=\"" + MODEL_VERSION + "\">";
    int at = s.indexOf(open);
    if (at < 0) {
      throw new IllegalArgumentException("the map tile does not name its model version");
    }
    int end = s.indexOf("</Item>", at);
    return s.substring(at + open.length(), end)
        .replace("&quot;", "\"")
        .replace("&gt;", ">")
        .replace("&lt;", "<")
        .replace("&amp;", "&");
  }
}
