package org.lcz.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a scene of {@code width × height} pixels into tiles: cores of {@code tileSize} pixels (the
 * last row and column may be narrower), each with a {@code halo} of pixels on every side taken from
 * its neighbours. Where the halo falls outside the scene it is filled by <b>reflection</b> about
 * the scene's edge pixel without repeating it (numpy's {@code reflect}: columns −1, −2 … read 1, 2
 * …), so a model sees plausible texture rather than zeros at the border.
 */
public record TileLayout(int width, int height, int tileSize, int halo) {
  public TileLayout {
    if (width < 1 || height < 1) {
      throw new IllegalArgumentException("empty scene: " + width + "×" + height);
    }
    if (tileSize < 1 || halo < 0) {
      throw new IllegalArgumentException("tile size must be ≥ 1 and halo ≥ 0");
    }
  }

  /** One tile: its position in the tile grid and its core in scene pixels. */
  public record Tile(int row, int col, int coreX, int coreY, int coreWidth, int coreHeight) {
    /** The tile's id within its scene, e.g. {@code 2_5}. */
    public String id() {
      return row + "_" + col;
    }
  }

  public int rows() {
    return (height + tileSize - 1) / tileSize;
  }

  public int cols() {
    return (width + tileSize - 1) / tileSize;
  }

  /** The tile at ({@code row}, {@code col}). */
  public Tile tile(int row, int col) {
    if (row < 0 || row >= rows() || col < 0 || col >= cols()) {
      throw new IllegalArgumentException("no tile " + row + "_" + col);
    }
    int x = col * tileSize;
    int y = row * tileSize;
    return new Tile(row, col, x, y, Math.min(tileSize, width - x), Math.min(tileSize, height - y));
  }

  /** Every tile, row by row. */
  public List<Tile> tiles() {
    List<Tile> all = new ArrayList<>(rows() * cols());
    for (int r = 0; r < rows(); r++) {
      for (int c = 0; c < cols(); c++) {
        all.add(tile(r, c));
      }
    }
    return all;
  }

  /**
   * For each column of the tile with its halo, the scene column it shows (reflected where the halo
   * leaves the scene).
   */
  public int[] sourceColumns(Tile t) {
    return sources(t.coreX(), t.coreWidth(), width);
  }

  /** For each row of the tile with its halo, the scene row it shows. */
  public int[] sourceRows(Tile t) {
    return sources(t.coreY(), t.coreHeight(), height);
  }

  private int[] sources(int start, int core, int n) {
    return reflected(start - halo, core + 2 * halo, n);
  }

  /** For {@code length} positions from {@code start}, the index in [0, n) each shows. */
  public static int[] reflected(int start, int length, int n) {
    int[] out = new int[length];
    for (int i = 0; i < length; i++) {
      out[i] = reflect(start + i, n);
    }
    return out;
  }

  /** {@code i} reflected into [0, n) about the edge pixels, without repeating them. */
  public static int reflect(int i, int n) {
    if (n == 1) {
      return 0;
    }
    int period = 2 * n - 2;
    int m = Math.floorMod(i, period);
    return m < n ? m : period - m;
  }
}
