package org.lcz.scheme.areas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.lcz.raster.CellGrid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Turns training areas into cells of the scene's LCZ grid (the {@link CellGrid} inference maps): a
 * cell is a sample of an area when the centre of its centre pixel lies in the area; an area that
 * holds no such centre (smaller than a cell, or thin) gives the cell under its interior point (JTS:
 * its centroid when that lies inside). A cell is taken once (the first area claiming it keeps it).
 * At most {@code cap} cells per area — a seeded random choice — so that huge areas do not dominate.
 */
public final class CellSampler {
  private CellSampler() {}

  /**
   * The samples of {@code areas} on {@code grid}.
   *
   * @param coverage places the areas in the scene's CRS
   * @param geoTransform the scene's geotransform
   */
  public static List<CellSample> sample(
      List<TrainingArea> areas,
      SceneCoverage coverage,
      CellGrid grid,
      double[] geoTransform,
      int cap,
      long seed) {
    if (cap < 1) {
      throw new IllegalArgumentException("at least one cell per area, not " + cap);
    }
    double[] g = geoTransform;
    int k = grid.cellPixels();
    GeometryFactory f = new GeometryFactory();
    Set<Long> claimed = new HashSet<>();
    List<CellSample> out = new ArrayList<>();
    for (int a = 0; a < areas.size(); a++) {
      TrainingArea area = areas.get(a);
      Geometry there = coverage.inScene(area);
      PreparedGeometry inside = PreparedGeometryFactory.prepare(there);
      Envelope e = there.getEnvelopeInternal();
      int c0 = Math.max(0, (int) Math.floor((e.getMinX() - g[0]) / g[1] / k) - 1);
      int c1 = Math.min(grid.cols() - 1, (int) Math.floor((e.getMaxX() - g[0]) / g[1] / k) + 1);
      int r0 = Math.max(0, (int) Math.floor((e.getMaxY() - g[3]) / g[5] / k) - 1);
      int r1 = Math.min(grid.rows() - 1, (int) Math.floor((e.getMinY() - g[3]) / g[5] / k) + 1);
      List<CellSample> cells = new ArrayList<>();
      for (int r = r0; r <= r1; r++) {
        for (int c = c0; c <= c1; c++) {
          int cx = grid.centreX(c);
          int cy = grid.centreY(r);
          Coordinate p = new Coordinate(g[0] + (cx + 0.5) * g[1], g[3] + (cy + 0.5) * g[5]);
          if (inside.contains(f.createPoint(p)) && !claimed.contains(key(c, r))) {
            cells.add(new CellSample(c, r, cx, cy, area.lcz(), a));
          }
        }
      }
      if (cells.isEmpty()) {
        Coordinate centroid = there.getInteriorPoint().getCoordinate();
        int px = (int) Math.floor((centroid.x - g[0]) / g[1]);
        int py = (int) Math.floor((centroid.y - g[3]) / g[5]);
        int c = px / k;
        int r = py / k;
        if (px >= 0
            && py >= 0
            && c < grid.cols()
            && r < grid.rows()
            && !claimed.contains(key(c, r))) {
          cells.add(new CellSample(c, r, grid.centreX(c), grid.centreY(r), area.lcz(), a));
        }
      }
      if (cells.size() > cap) {
        Collections.shuffle(cells, new Random(seed * 31 + a));
        cells = new ArrayList<>(cells.subList(0, cap));
        cells.sort(Comparator.comparingInt(CellSample::row).thenComparingInt(CellSample::col));
      }
      for (CellSample s : cells) {
        claimed.add(key(s.col(), s.row()));
      }
      out.addAll(cells);
    }
    return out;
  }

  private static long key(int c, int r) {
    return ((long) r << 32) | (c & 0xFFFFFFFFL);
  }
}
