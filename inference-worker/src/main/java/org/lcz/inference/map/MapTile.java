package org.lcz.inference.map;

/**
 * The LCZ map of some cells: class values 1–17 (0 = nodata), the winning probability in percent
 * (0–100) and every class's probability in percent, row-major, with the geotransform of its cells.
 *
 * @param probabilities {@link #CLASSES} planes of {@code width × height} values, the plane of LCZ
 *     value {@code v} at {@code (v − 1) × width × height}; classes the model does not know are 0
 * @param modelVersion the model version that produced it
 */
public record MapTile(
    int width,
    int height,
    byte[] classes,
    byte[] confidence,
    byte[] probabilities,
    double[] geoTransform,
    String modelVersion) {

  /** The number of LCZ classes, one probability plane each. */
  public static final int CLASSES = 17;

  public MapTile {
    int cells = width * height;
    if (classes.length != cells
        || confidence.length != cells
        || probabilities.length != CLASSES * cells) {
      throw new IllegalArgumentException(
          "a " + width + "×" + height + " map tile needs as many values per band");
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

  /** LCZ value {@code v}'s probability in percent at ({@code x}, {@code y}). */
  public int probabilityAt(int v, int x, int y) {
    return probabilities[(v - 1) * width * height + y * width + x] & 0xFF;
  }
}
