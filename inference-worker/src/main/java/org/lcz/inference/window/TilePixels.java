package org.lcz.inference.window;

import java.awt.image.Raster;
import java.util.List;
import java.util.Optional;

/**
 * The pixels of one tile with its halo, one {@code float} array per band (row-major), placed in the
 * scene: pixel (0, 0) of the tile is scene pixel ({@code originX}, {@code originY}) (negative where
 * the halo lies outside the scene and was filled by reflection).
 */
public record TilePixels(
    List<String> bandNames,
    float[][] bands,
    int width,
    int height,
    int originX,
    int originY,
    Optional<Double> nodata) {

  public TilePixels {
    bandNames = List.copyOf(bandNames);
    if (bands.length != bandNames.size()) {
      throw new IllegalArgumentException(
          bands.length + " bands of pixels but " + bandNames.size() + " band names");
    }
    for (float[] b : bands) {
      if (b.length != width * height) {
        throw new IllegalArgumentException(
            "a band holds " + b.length + " pixels, not " + width * height);
      }
    }
  }

  /** Copies {@code raster}'s bands (one bulk read per band). */
  public static TilePixels of(
      Raster raster, List<String> bandNames, int originX, int originY, Optional<Double> nodata) {
    int w = raster.getWidth();
    int h = raster.getHeight();
    float[][] bands = new float[raster.getNumBands()][];
    for (int b = 0; b < bands.length; b++) {
      bands[b] = raster.getSamples(raster.getMinX(), raster.getMinY(), w, h, b, new float[w * h]);
    }
    return new TilePixels(bandNames, bands, w, h, originX, originY, nodata);
  }

  /** Whether scene pixels [x, x + w) × [y, y + h) all lie in this tile. */
  public boolean contains(int x, int y, int w, int h) {
    return x >= originX && y >= originY && x + w <= originX + width && y + h <= originY + height;
  }
}
