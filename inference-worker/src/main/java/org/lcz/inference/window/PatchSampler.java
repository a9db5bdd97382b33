package org.lcz.inference.window;

import java.util.List;
import org.lcz.contract.Preprocessing;
import org.lcz.contract.Radiometry;
import org.lcz.raster.CellGrid;

/**
 * Cuts the model-sized patch around a cell's centre pixel out of a tile straight into an NCHW batch
 * buffer, through the platform's one {@link Preprocessing} contract: the model's bands in the
 * model's order (matched by name), converted into the model's radiometry and normalised with the
 * model's statistics. Nodata pixels inside a patch become 0 after normalisation (the band mean), so
 * that a patch on a scene's no-data edge is still classified from the pixels it has — as long as
 * they are the majority ({@link #nodataShare}).
 */
public final class PatchSampler {
  private final TilePixels tile;
  private final int patch;
  private final float[][] bands;
  private final Preprocessing preprocessing;

  /**
   * @param preprocessing from the tile's bands and radiometry to the model's input
   */
  public PatchSampler(TilePixels tile, int patchSize, Preprocessing preprocessing) {
    this.tile = tile;
    this.patch = patchSize;
    this.preprocessing = preprocessing;
    this.bands = new float[preprocessing.channels()][];
    for (int j = 0; j < bands.length; j++) {
      bands[j] = tile.bands()[preprocessing.inputBand(j)];
    }
  }

  /**
   * A sampler for a model trained on the tile's own (canonical) radiometry.
   *
   * @param modelBands the model's band names, in its channel order
   * @param means per model band, the mean to subtract
   * @param stds per model band, the standard deviation to divide by
   * @throws org.lcz.contract.BandMismatchException if the tile lacks one of the model's bands
   */
  public PatchSampler(
      TilePixels tile,
      int patchSize,
      List<String> modelBands,
      List<Double> means,
      List<Double> stds) {
    this(
        tile,
        patchSize,
        Preprocessing.of(
            new Preprocessing.ModelInput(modelBands, Radiometry.CANONICAL, means, stds),
            tile.bandNames(),
            Radiometry.CANONICAL,
            tile.nodata().orElse(null)));
  }

  /** Floats one patch takes in a batch. */
  public int patchFloats() {
    return bands.length * patch * patch;
  }

  /** Whether the pixel at scene ({@code x}, {@code y}) holds data in every band the model uses. */
  public boolean hasData(int x, int y) {
    int i = (y - tile.originY()) * tile.width() + (x - tile.originX());
    for (float[] band : bands) {
      if (preprocessing.isNodata(band[i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * The share of the patch centred on scene pixel ({@code cx}, {@code cy}) whose pixels are nodata
   * in the model's first band (masked pixels are nodata in every band), 0 to 1.
   */
  public double nodataShare(int cx, int cy) {
    int x0 = cx - patch / 2;
    int y0 = cy - patch / 2;
    if (!tile.contains(x0, y0, patch, patch)) {
      return 1;
    }
    float[] band = bands[0];
    int w = tile.width();
    int missing = 0;
    for (int r = 0; r < patch; r++) {
      int in = (y0 - tile.originY() + r) * w + (x0 - tile.originX());
      for (int c = 0; c < patch; c++) {
        if (preprocessing.isNodata(band[in + c])) {
          missing++;
        }
      }
    }
    return (double) missing / (patch * patch);
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
      for (int r = 0; r < patch; r++) {
        int in = (y0 - tile.originY() + r) * w + (x0 - tile.originX());
        preprocessing.apply(b, band, in, batch, out, patch);
        out += patch;
      }
    }
  }
}
