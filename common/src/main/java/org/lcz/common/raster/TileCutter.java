package org.lcz.common.raster;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Reads tiles with their halo from a scene and reflects the halo at the scene's edges; tiles keep
 * the scene's bands and sample type. Tiles of one tile row are cut from one full-width read of the
 * rows they need (kept until the next tile row), so each internal block of the file is decoded once
 * per tile row rather than once per tile that touches it; when such a strip would take more than
 * {@link #MAX_STRIP_BYTES}, each tile is read as its own window.
 */
public final class TileCutter {
  /** The most a cached full-width strip may take. */
  static final long MAX_STRIP_BYTES = 384L << 20;

  private final RasterSource scene;
  private final TileLayout layout;
  private Raster strip;
  private int stripY0 = -1;
  private int stripY1 = -1;

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
    int y1 = max(ys);
    Raster window;
    int wx;
    int wy;
    if (stripFits(y1 - y0 + 1)) {
      if (strip == null || y0 != stripY0 || y1 != stripY1) {
        strip = null; // let the previous strip go before the next is read
        strip = scene.read(0, y0, scene.width(), y1 - y0 + 1);
        stripY0 = y0;
        stripY1 = y1;
      }
      window = strip;
      wx = 0;
      wy = y0;
    } else {
      window = scene.read(x0, y0, max(xs) - x0 + 1, y1 - y0 + 1);
      wx = x0;
      wy = y0;
    }
    return gather(window, wx, wy, xs, ys);
  }

  /**
   * The {@code w × h} pixels of {@code scene} from ({@code x0}, {@code y0}), reflected at the
   * scene's edges as tile halos are, all bands in the scene's sample type.
   */
  public static Raster reflected(RasterSource scene, int x0, int y0, int w, int h) {
    int[] xs = TileLayout.reflected(x0, w, scene.width());
    int[] ys = TileLayout.reflected(y0, h, scene.height());
    int wx = min(xs);
    int wy = min(ys);
    Raster window = scene.read(wx, wy, max(xs) - wx + 1, max(ys) - wy + 1);
    return gather(window, wx, wy, xs, ys);
  }

  /**
   * The pixels at scene columns {@code xs} and rows {@code ys} out of {@code window}, whose first
   * pixel is scene pixel ({@code wx}, {@code wy}).
   */
  private static Raster gather(Raster window, int wx, int wy, int[] xs, int[] ys) {
    int x0 = min(xs);
    WritableRaster out = window.createCompatibleWritableRaster(xs.length, ys.length);
    int type = window.getSampleModel().getDataType();
    boolean integer = type != DataBuffer.TYPE_FLOAT && type != DataBuffer.TYPE_DOUBLE;
    int sx = window.getMinX() + x0 - wx; // the columns of the window these pixels use
    int ww = max(xs) - x0 + 1;
    int[] srcI = integer ? new int[ww] : null;
    int[] rowI = integer ? new int[xs.length] : null;
    double[] srcD = integer ? null : new double[ww];
    double[] rowD = integer ? null : new double[xs.length];
    for (int b = 0; b < window.getNumBands(); b++) {
      for (int j = 0; j < ys.length; j++) {
        int sy = window.getMinY() + ys[j] - wy;
        if (integer) {
          window.getSamples(sx, sy, ww, 1, b, srcI);
          for (int i = 0; i < xs.length; i++) {
            rowI[i] = srcI[xs[i] - x0];
          }
          out.setSamples(0, j, xs.length, 1, b, rowI);
        } else {
          window.getSamples(sx, sy, ww, 1, b, srcD);
          for (int i = 0; i < xs.length; i++) {
            rowD[i] = srcD[xs[i] - x0];
          }
          out.setSamples(0, j, xs.length, 1, b, rowD);
        }
      }
    }
    return out;
  }

  private boolean stripFits(int rows) {
    long bytes =
        (long) rows
            * scene.width()
            * scene.bandNames().size()
            * (DataBuffer.getDataTypeSize(scene.dataType()) / 8);
    return bytes <= MAX_STRIP_BYTES;
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
