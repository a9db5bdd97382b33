package org.lcz.raster;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads tiles with their halo from a scene and reflects the halo at the scene's edges; tiles keep
 * the scene's bands and sample type.
 *
 * <p>Rows are read top to bottom in full-width chunks of {@code tileSize} rows, each read once and
 * kept while a tile still needs it: a tile row's strip with its halo spans parts of three chunks,
 * and a source whose internal blocks are a divisor of the tile size (GDAL's 256 or 512, the COGs of
 * Earth Search) has each block decoded once, not once per tile row that touches it. When a chunk
 * would take more than {@link #MAX_STRIP_BYTES}, each tile is read as its own window.
 *
 * <p>{@link #window} reads (one thread, in tile order); the {@link Window} it returns cuts its tile
 * on any thread, so tiles of a scene can be cut and encoded in parallel while the next rows are
 * read.
 */
public final class TileCutter {
  /** The most a cached full-width chunk may take. */
  static final long MAX_STRIP_BYTES = 384L << 20;

  private final RasterSource scene;
  private final TileLayout layout;
  private final int chunkRows;
  private final List<Chunk> chunks = new ArrayList<>();
  private int readTo; // rows [0, readTo) have been read

  public TileCutter(RasterSource scene, TileLayout layout) {
    if (scene.width() != layout.width() || scene.height() != layout.height()) {
      throw new IllegalArgumentException("the layout is not the scene's size");
    }
    this.scene = scene;
    this.layout = layout;
    this.chunkRows = Math.min(layout.tileSize(), scene.height());
  }

  /** Rows {@code [y0, y0 + raster height)} of the scene, full width. */
  private record Chunk(int y0, Raster rows) {
    int y1() {
      return y0 + rows.getHeight();
    }
  }

  /** The tile's pixels, (core + 2·halo) on each side, all bands. */
  public Raster cut(TileLayout.Tile tile) {
    return window(tile).cut();
  }

  /**
   * The pixels {@code tile} is cut from, read now (tiles in layout order read each row once); its
   * {@link Window#cut} may run on another thread.
   */
  public Window window(TileLayout.Tile tile) {
    int[] xs = layout.sourceColumns(tile);
    int[] ys = layout.sourceRows(tile);
    int y0 = min(ys);
    int y1 = max(ys) + 1;
    if (!chunkFits()) {
      int x0 = min(xs);
      Raster own = scene.read(x0, y0, max(xs) - x0 + 1, y1 - y0);
      return new Window(List.of(new Chunk(y0, own)), x0, xs, ys);
    }
    if (y0 < firstCachedRow()) {
      chunks.clear(); // tiles out of order: start again from this tile's rows
      readTo = y0 / chunkRows * chunkRows;
    }
    chunks.removeIf(c -> c.y1() <= y0); // no later tile needs rows above this one's
    while (readTo < y1) {
      int h = Math.min(chunkRows, scene.height() - readTo);
      chunks.add(new Chunk(readTo, scene.read(0, readTo, scene.width(), h)));
      readTo += h;
    }
    return new Window(List.copyOf(chunks), 0, xs, ys);
  }

  private int firstCachedRow() {
    return chunks.isEmpty() ? readTo : chunks.get(0).y0();
  }

  /** The rows one tile is cut from; immutable, so its tile can be cut on any thread. */
  public static final class Window {
    private final List<Chunk> chunks;
    private final int wx;
    private final int[] xs;
    private final int[] ys;

    private Window(List<Chunk> chunks, int wx, int[] xs, int[] ys) {
      this.chunks = chunks;
      this.wx = wx;
      this.xs = xs;
      this.ys = ys;
    }

    /** The tile's pixels, (core + 2·halo) on each side, all bands. */
    public Raster cut() {
      return gather(chunks, wx, xs, ys);
    }
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
    return gather(List.of(new Chunk(wy, window)), wx, xs, ys);
  }

  /**
   * The pixels at scene columns {@code xs} and rows {@code ys} out of {@code chunks} (rows of the
   * scene whose first column is scene column {@code wx}).
   */
  private static Raster gather(List<Chunk> chunks, int wx, int[] xs, int[] ys) {
    Raster first = chunks.get(0).rows();
    WritableRaster out = first.createCompatibleWritableRaster(xs.length, ys.length);
    for (int j = 0; j < ys.length; j++) {
      Chunk c = chunkOf(chunks, ys[j]);
      Raster window = c.rows();
      int sy = window.getMinY() + ys[j] - c.y0();
      // runs of consecutive columns (all of an inner tile's; reflected halo columns one by one)
      for (int i = 0; i < xs.length; ) {
        int n = 1;
        while (i + n < xs.length && xs[i + n] == xs[i] + n) {
          n++;
        }
        int sx = window.getMinX() + xs[i] - wx;
        for (int b = 0; b < first.getNumBands(); b++) {
          RasterRows.copy(window, sx, sy, b, out, out.getMinX() + i, out.getMinY() + j, n);
        }
        i += n;
      }
    }
    return out;
  }

  private static Chunk chunkOf(List<Chunk> chunks, int row) {
    for (Chunk c : chunks) {
      if (row >= c.y0() && row < c.y1()) {
        return c;
      }
    }
    throw new IllegalStateException("row " + row + " was not read");
  }

  private boolean chunkFits() {
    long bytes =
        (long) chunkRows
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
