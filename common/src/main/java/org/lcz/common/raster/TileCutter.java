package org.lcz.common.raster;

import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Reads one tile with its halo from a scene: a single window read of the scene pixels the tile
 * shows, then a copy that reflects the halo at the scene's edges. The tile keeps the scene's bands
 * and sample type.
 */
public final class TileCutter {
  private final RasterSource scene;
  private final TileLayout layout;

  public TileCutter(RasterSource scene, TileLayout layout) {
    if (scene.width() != layout.width() || scene.height() != layout.height()) {
      throw new IllegalArgumentException("the layout is not the scene's size");
    }
    this.scene = scene;
    this.layout = layout;
  }

  /** The tile's pixels, (core + 2·halo) on each side, all bands. */
  public Raster cut(TileLayout.Tile tile) {
    int[] xs = layout.sourceColumns(tile);
    int[] ys = layout.sourceRows(tile);
    int x0 = min(xs);
    int y0 = min(ys);
    Raster window = scene.read(x0, y0, max(xs) - x0 + 1, max(ys) - y0 + 1);
    WritableRaster out = window.createCompatibleWritableRaster(xs.length, ys.length);
    int bands = window.getNumBands();
    double[] row = new double[xs.length * bands];
    double[] pixel = new double[bands];
    for (int j = 0; j < ys.length; j++) {
      for (int i = 0; i < xs.length; i++) {
        window.getPixel(xs[i] - x0, ys[j] - y0, pixel);
        System.arraycopy(pixel, 0, row, i * bands, bands);
      }
      out.setPixels(0, j, xs.length, 1, row);
    }
    return out;
  }

  /**
   * GDAL's geotransform of the tile raster (its first pixel is the halo's corner): the scene's
   * transform moved by the halo-shifted offset of the core.
   */
  public double[] geoTransform(TileLayout.Tile tile) {
    double[] g = scene.geoTransform();
    int px = tile.coreX() - layout.halo();
    int py = tile.coreY() - layout.halo();
    return new double[] {g[0] + px * g[1], g[1], 0, g[3] + py * g[5], 0, g[5]};
  }

  private static int min(int[] v) {
    int m = Integer.MAX_VALUE;
    for (int x : v) {
      m = Math.min(m, x);
    }
    return m;
  }

  private static int max(int[] v) {
    int m = Integer.MIN_VALUE;
    for (int x : v) {
      m = Math.max(m, x);
    }
    return m;
  }
}
