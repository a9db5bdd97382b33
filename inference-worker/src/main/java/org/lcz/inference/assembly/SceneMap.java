package org.lcz.inference.assembly;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.lcz.inference.map.MapTile;
import org.lcz.raster.CellGrid;

/**
 * The LCZ map of a whole scene, filled tile by tile: every cell of the scene's {@link CellGrid}
 * receives its class, confidence and class probabilities from exactly one map tile (the one whose
 * core holds its centre pixel); placing a second tile over a cell is refused.
 */
public final class SceneMap {
  private final int cols;
  private final int rows;
  private final byte[] classes;
  private final byte[] confidence;
  private final byte[] probabilities;
  private final boolean[] placed;
  private final Map<String, Integer> tilesByModel = new TreeMap<>();

  public SceneMap(CellGrid grid) {
    this.cols = grid.cols();
    this.rows = grid.rows();
    this.classes = new byte[cols * rows];
    this.confidence = new byte[cols * rows];
    this.probabilities = new byte[MapTile.CLASSES * cols * rows];
    this.placed = new boolean[cols * rows];
  }

  /**
   * A complete map of {@code cols × rows} cells from its planes (a region's fused map), made by
   * {@code modelVersions} (each counted once).
   *
   * @param probabilities 17 row-major planes in percent, plane {@code v - 1} for LCZ value {@code
   *     v}
   */
  public static SceneMap of(
      int cols,
      int rows,
      byte[] classes,
      byte[] confidence,
      byte[] probabilities,
      Collection<String> modelVersions) {
    int n = cols * rows;
    if (classes.length != n
        || confidence.length != n
        || probabilities.length != MapTile.CLASSES * n) {
      throw new IllegalArgumentException("planes of the wrong size for " + cols + "×" + rows);
    }
    SceneMap map = new SceneMap(new CellGrid(cols, rows, 1));
    System.arraycopy(classes, 0, map.classes, 0, n);
    System.arraycopy(confidence, 0, map.confidence, 0, n);
    System.arraycopy(probabilities, 0, map.probabilities, 0, probabilities.length);
    Arrays.fill(map.placed, true);
    modelVersions.forEach(v -> map.tilesByModel.put(v, 1));
    return map;
  }

  /**
   * Puts {@code tile} at the cells of {@code span}.
   *
   * @throws IllegalArgumentException if the tile's size differs from the span's or a cell already
   *     has a value
   */
  public void place(CellGrid.Span span, MapTile tile) {
    if (tile.width() != span.cols() || tile.height() != span.rows()) {
      throw new IllegalArgumentException(
          "a map tile of "
              + tile.width()
              + "×"
              + tile.height()
              + " cells where the scene grid has "
              + span.cols()
              + "×"
              + span.rows());
    }
    for (int r = 0; r < span.rows(); r++) {
      int at = (span.firstRow() + r) * cols + span.firstCol();
      for (int c = 0; c < span.cols(); c++) {
        if (placed[at + c]) {
          throw new IllegalArgumentException(
              "cell (" + (span.firstCol() + c) + ", " + (span.firstRow() + r) + ") mapped twice");
        }
        placed[at + c] = true;
      }
      System.arraycopy(tile.classes(), r * tile.width(), classes, at, span.cols());
      System.arraycopy(tile.confidence(), r * tile.width(), confidence, at, span.cols());
      int tileCells = tile.width() * tile.height();
      for (int c = 0; c < MapTile.CLASSES; c++) {
        System.arraycopy(
            tile.probabilities(),
            c * tileCells + r * tile.width(),
            probabilities,
            c * cols * rows + at,
            span.cols());
      }
    }
    tilesByModel.merge(tile.modelVersion(), 1, Integer::sum);
  }

  /** Whether every cell has been placed. */
  public boolean isComplete() {
    for (boolean p : placed) {
      if (!p) {
        return false;
      }
    }
    return true;
  }

  /** How many tiles each model version mapped. */
  public Map<String, Integer> tilesByModel() {
    return Map.copyOf(tilesByModel);
  }

  /** The winning class's probability in percent per cell, row-major (a copy). */
  public byte[] confidence() {
    return Arrays.copyOf(confidence, confidence.length);
  }

  /**
   * LCZ value {@code v}'s probability plane in percent, row-major (a copy).
   *
   * @param v 1–17
   */
  public byte[] probabilities(int v) {
    int n = cols * rows;
    return Arrays.copyOfRange(probabilities, (v - 1) * n, v * n);
  }

  public int cols() {
    return cols;
  }

  public int rows() {
    return rows;
  }

  /** The class values, row-major (a copy). */
  public byte[] classes() {
    return Arrays.copyOf(classes, classes.length);
  }
}
