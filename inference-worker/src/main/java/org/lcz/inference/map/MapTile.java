package org.lcz.inference.map;

/**
 * The LCZ map of some cells: class values 1–17 (0 = nodata) and the winning probability in percent
 * (0–100), row-major, with the geotransform of its cells.
 *
 * @param modelVersion the model version that produced it
 */
public record MapTile(
    int width,
    int height,
    byte[] classes,
    byte[] confidence,
    double[] geoTransform,
    String modelVersion) {

  public MapTile {
    if (classes.length != width * height || confidence.length != width * height) {
      throw new IllegalArgumentException(
          "a " + width + "×" + height + " map tile needs as many values");
    }
  }

  /** The class value at ({@code x}, {@code y}), 0–17. */
  public int classAt(int x, int y) {
    return classes[y * width + x] & 0xFF;
  }

  /** The confidence in percent at ({@code x}, {@code y}). */
  public int confidenceAt(int x, int y) {
    return confidence[y * width + x] & 0xFF;
  }
}
