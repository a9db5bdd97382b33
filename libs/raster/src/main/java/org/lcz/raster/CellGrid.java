package org.lcz.raster;

/**
 * The output grid of a scene: square cells of {@code cellPixels} scene pixels, from the scene's
 * top-left corner (the last row and column may be cut short by the scene's edge). Each cell has a
 * <em>centre pixel</em>, {@code i·k + k/2} clamped into the scene, and belongs to the one tile
 * whose core holds its centre pixel; the patch of a cell is the {@code patchSize} pixels around its
 * centre pixel, starting at {@code centre − patchSize/2}. The grid depends only on the scene, so a
 * scene mapped in tiles gives the same cells and patches as the scene mapped in one piece.
 *
 * @param sceneWidth scene width in pixels
 * @param sceneHeight scene height in pixels
 * @param cellPixels cell edge in pixels (e.g. 10 for 100 m cells on 10 m pixels)
 */
public record CellGrid(int sceneWidth, int sceneHeight, int cellPixels) {
  public CellGrid {
    if (sceneWidth < 1 || sceneHeight < 1) {
      throw new IllegalArgumentException("empty scene: " + sceneWidth + "×" + sceneHeight);
    }
    if (cellPixels < 1) {
      throw new IllegalArgumentException("cell edge must be at least one pixel: " + cellPixels);
    }
  }

  /**
   * The grid for cells of {@code cellSize} map units on pixels of {@code pixelSize} map units.
   *
   * @throws IllegalArgumentException if a cell is not a whole number of pixels
   */
  public static CellGrid of(int sceneWidth, int sceneHeight, double cellSize, double pixelSize) {
    double k = cellSize / pixelSize;
    long rounded = Math.round(k);
    if (rounded < 1 || Math.abs(k - rounded) > 1e-6) {
      throw new IllegalArgumentException(
          "a "
              + cellSize
              + " m cell is not a whole number of "
              + pixelSize
              + " m pixels; choose a cell size that is a multiple of the pixel size");
    }
    return new CellGrid(sceneWidth, sceneHeight, (int) rounded);
  }

  /** Cell columns of the scene. */
  public int cols() {
    return (sceneWidth + cellPixels - 1) / cellPixels;
  }

  /** Cell rows of the scene. */
  public int rows() {
    return (sceneHeight + cellPixels - 1) / cellPixels;
  }

  /** The scene column of the centre pixel of cell column {@code i}. */
  public int centreX(int i) {
    return centre(i, sceneWidth);
  }

  /** The scene row of the centre pixel of cell row {@code j}. */
  public int centreY(int j) {
    return centre(j, sceneHeight);
  }

  private int centre(int i, int n) {
    return Math.min(i * cellPixels + cellPixels / 2, n - 1);
  }

  /** The cells whose centre pixels lie in a tile core, as a half-open range of columns and rows. */
  public record Span(int firstCol, int firstRow, int cols, int rows) {
    public boolean isEmpty() {
      return cols == 0 || rows == 0;
    }
  }

  /** The cells owned by the tile core at ({@code coreX}, {@code coreY}) of the given size. */
  public Span cellsOf(int coreX, int coreY, int coreWidth, int coreHeight) {
    int c0 = firstAtOrAfter(coreX, sceneWidth, cols());
    int c1 = firstAtOrAfter(coreX + coreWidth, sceneWidth, cols());
    int r0 = firstAtOrAfter(coreY, sceneHeight, rows());
    int r1 = firstAtOrAfter(coreY + coreHeight, sceneHeight, rows());
    return new Span(c0, r0, c1 - c0, r1 - r0);
  }

  /** The first cell index whose centre is at or after pixel {@code p} ({@code count} if none). */
  private int firstAtOrAfter(int p, int n, int count) {
    int i = Math.max(0, Math.floorDiv(p - cellPixels / 2 + cellPixels - 1, cellPixels));
    while (i > 0 && centre(i - 1, n) >= p) {
      i--;
    }
    while (i < count && centre(i, n) < p) {
      i++;
    }
    return Math.min(i, count);
  }

  /** The smallest halo (pixels) a tile needs so that every patch of its cells lies inside it. */
  public static int haloNeeded(int patchSize) {
    return patchSize / 2;
  }

  /**
   * The geotransform of the cells of {@code span}, from the scene's geotransform (GDAL's six
   * numbers, north-up).
   */
  public double[] geoTransform(double[] scene, Span span) {
    double cellW = scene[1] * cellPixels;
    double cellH = scene[5] * cellPixels;
    return new double[] {
      scene[0] + span.firstCol() * cellW, cellW, 0, scene[3] + span.firstRow() * cellH, 0, cellH
    };
  }
}
