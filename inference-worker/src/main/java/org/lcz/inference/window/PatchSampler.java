package org.lcz.inference.window;

import java.util.List;

/**
 * Cuts the model-sized patch around a cell's centre pixel out of a tile, with the model's bands in
 * the model's order (matched by name) and normalised with the model's statistics, straight into an
 * NCHW batch buffer. Nodata pixels inside a patch become 0 after normalisation (the band mean), so
 * that a patch on a scene's no-data edge is still classified from the pixels it has.
 */
public final class PatchSampler {
  private final TilePixels tile;
  private final int patch;
  private final float[][] bands;
  private final float[] mean;
  private final float[] invStd;
  private final boolean hasNodata;
  private final float nodata;

  /**
   * @param modelBands the model's band names, in its channel order
   * @param means per model band, the mean to subtract
   * @param stds per model band, the standard deviation to divide by
   * @throws BandMismatchException if the tile lacks one of the model's bands
   */
  public PatchSampler(
      TilePixels tile,
      int patchSize,
      List<String> modelBands,
      List<Double> means,
      List<Double> stds) {
    this.tile = tile;
    this.patch = patchSize;
    int[] order = BandMatch.order(modelBands, tile.bandNames());
    this.bands = new float[order.length][];
    this.mean = new float[order.length];
    this.invStd = new float[order.length];
    for (int j = 0; j < order.length; j++) {
      bands[j] = tile.bands()[order[j]];
      mean[j] = means.get(j).floatValue();
      double s = stds.get(j);
      invStd[j] = (float) (s > 0 ? 1 / s : 1);
    }
    this.hasNodata = tile.nodata().isPresent();
    this.nodata = hasNodata ? tile.nodata().get().floatValue() : Float.NaN;
  }

  /** Floats one patch takes in a batch. */
  public int patchFloats() {
    return bands.length * patch * patch;
  }

  /** Whether the pixel at scene ({@code x}, {@code y}) holds data in every band the model uses. */
  public boolean hasData(int x, int y) {
    if (!hasNodata) {
      return true;
    }
    int i = (y - tile.originY()) * tile.width() + (x - tile.originX());
    for (float[] band : bands) {
      if (band[i] == nodata) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the patch centred on scene pixel ({@code cx}, {@code cy}) as patch {@code n} of {@code
   * batch}.
   *
   * @throws IllegalArgumentException if the patch leaves the tile (its halo is too small)
   */
  public void fill(float[] batch, int n, int cx, int cy) {
    int x0 = cx - patch / 2;
    int y0 = cy - patch / 2;
    if (!tile.contains(x0, y0, patch, patch)) {
      throw new IllegalArgumentException(
          "the patch around scene pixel ("
              + cx
              + ", "
              + cy
              + ") leaves the tile; its halo must be at least "
              + CellGrid.haloNeeded(patch)
              + " pixels");
    }
    int w = tile.width();
    int out = n * patchFloats();
    for (int b = 0; b < bands.length; b++) {
      float[] band = bands[b];
      float m = mean[b];
      float s = invStd[b];
      for (int r = 0; r < patch; r++) {
        int in = (y0 - tile.originY() + r) * w + (x0 - tile.originX());
        for (int c = 0; c < patch; c++) {
          float v = band[in + c];
          batch[out++] = hasNodata && v == nodata ? 0f : (v - m) * s;
        }
      }
    }
  }
}
