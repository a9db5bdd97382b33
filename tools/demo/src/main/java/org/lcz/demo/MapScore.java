package org.lcz.demo;

import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.lcz.raster.SceneRaster;
import org.lcz.scheme.AccuracyMeasures;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * An LCZ map scored against a ground-truth raster on the same grid: every cell the truth labels
 * (value 1–17, 0 = nodata) is compared with the map's first band. A labelled cell the map leaves
 * without a class (0) or does not cover counts as wrong and is reported as unmapped.
 *
 * @param confusion truth × prediction over the cells the map classified
 * @param unmapped labelled cells without a class in the map
 */
record MapScore(ConfusionMatrix confusion, long unmapped) {
  private static final double CELL_TOLERANCE = 1e-6;

  /** The measures, with unmapped cells counted as wrong in the overall accuracies. */
  AccuracyMeasures measures() {
    return AccuracyMeasures.of(confusion);
  }

  /** Labelled cells: classified plus unmapped. */
  long cells() {
    return confusion.total() + unmapped;
  }

  /** Overall accuracy over every labelled cell (unmapped ones are wrong). */
  double oa() {
    return cells() == 0 ? Double.NaN : measures().oa() * confusion.total() / cells();
  }

  /** Weighted overall accuracy over every labelled cell (unmapped ones weigh 0). */
  double oaW() {
    return cells() == 0 ? Double.NaN : measures().oaW() * confusion.total() / cells();
  }

  /**
   * Scores the first band of the map GeoTIFF {@code map} against {@code truth}.
   *
   * @throws IllegalArgumentException if the two are not on one grid (cell size, CRS, alignment)
   */
  static MapScore of(Path map, Path truth) {
    return of(map, 0, truth);
  }

  /** Scores band {@code band} (0-based) of the map GeoTIFF {@code map} against {@code truth}. */
  static MapScore of(Path map, int band, Path truth) {
    return of(
        map,
        m ->
            m.read(0, 0, m.width(), m.height())
                .createChild(0, 0, m.width(), m.height(), 0, 0, new int[] {band}),
        truth);
  }

  /**
   * Scores {@code classes} (row-major, on the grid of the GeoTIFF {@code grid}) against {@code
   * truth}.
   */
  static MapScore of(Path grid, byte[] classes, Path truth) {
    return of(
        grid,
        m -> {
          if (classes.length != m.width() * m.height()) {
            throw new IllegalArgumentException("the classes do not fill the map's grid");
          }
          return Raster.createRaster(
              new BandedSampleModel(DataBuffer.TYPE_BYTE, m.width(), m.height(), 1),
              new DataBufferByte(classes, classes.length),
              null);
        },
        truth);
  }

  private static MapScore of(Path map, Function<SceneRaster, Raster> classes, Path truth) {
    try (SceneRaster m = SceneRaster.open(map);
        SceneRaster t = SceneRaster.open(truth)) {
      double[] mg = m.geoTransform();
      double[] tg = t.geoTransform();
      if (Math.abs(mg[1] - tg[1]) > CELL_TOLERANCE || Math.abs(mg[5] - tg[5]) > CELL_TOLERANCE) {
        throw new IllegalArgumentException(
            "the map's cells ("
                + mg[1]
                + " m) are not the truth's ("
                + tg[1]
                + " m): they cannot be compared cell by cell");
      }
      if (!m.crsWkt().equals(t.crsWkt())) {
        throw new IllegalArgumentException("the map and the truth are in different CRSs");
      }
      double fx = (mg[0] - tg[0]) / tg[1];
      double fy = (mg[3] - tg[3]) / tg[5];
      long dx = Math.round(fx);
      long dy = Math.round(fy);
      if (Math.abs(fx - dx) > 1e-3 || Math.abs(fy - dy) > 1e-3) {
        throw new IllegalArgumentException(
            "the map's cells are shifted against the truth's by a fraction of a cell");
      }
      return score(classes.apply(m), t.read(0, 0, t.width(), t.height()), dx, dy);
    }
  }

  /**
   * Scores band 0 of {@code map} against band 0 of {@code truth}; the map's cell (0, 0) is the
   * truth's cell ({@code dx}, {@code dy}).
   */
  static MapScore score(Raster map, Raster truth, long dx, long dy) {
    int classes = LczCatalog.standard().size();
    ConfusionMatrix cm = new ConfusionMatrix(classes);
    long unmapped = 0;
    int w = truth.getWidth();
    int[] truthRow = new int[w];
    int[] mapRow = new int[map.getWidth()];
    for (int y = 0; y < truth.getHeight(); y++) {
      truth.getSamples(0, y, w, 1, 0, truthRow);
      long my = y - dy;
      boolean rowInMap = my >= 0 && my < map.getHeight();
      if (rowInMap) {
        map.getSamples(0, (int) my, mapRow.length, 1, 0, mapRow);
      }
      for (int x = 0; x < w; x++) {
        int label = truthRow[x];
        if (label < 1 || label > classes) {
          continue;
        }
        long mx = x - dx;
        int predicted = rowInMap && mx >= 0 && mx < mapRow.length ? mapRow[(int) mx] : 0;
        if (predicted < 1 || predicted > classes) {
          unmapped++;
        } else {
          cm.add(label - 1, predicted - 1);
        }
      }
    }
    return new MapScore(cm, unmapped);
  }

  /** The report: overall measures, then one line per class present in the truth. */
  List<String> report() {
    AccuracyMeasures a = measures();
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "OA %.3f   OA_w %.3f   OA_bu %.3f   kappa %.3f   over %,d cells%s",
            oa(),
            oaW(),
            a.oaBu(),
            a.kappa(),
            cells(),
            unmapped == 0 ? "" : String.format(Locale.ROOT, " (%,d unmapped)", unmapped)));
    lines.add(
        String.format(
            Locale.ROOT, "%-4s %-22s %7s %6s %6s %6s", "LCZ", "", "cells", "PA", "UA", "F1"));
    LczCatalog catalog = LczCatalog.standard();
    for (int i = 0; i < confusion.size(); i++) {
      if (confusion.support(i) == 0) {
        continue;
      }
      LczClass c = catalog.byValue(i + 1);
      lines.add(
          String.format(
              Locale.ROOT,
              "%-4s %-22s %,7d %6.3f %6.3f %6.3f",
              c.code(),
              c.name(),
              confusion.support(i),
              a.producersAccuracy().get(i),
              a.usersAccuracy().get(i),
              a.f1().get(i)));
    }
    return lines;
  }
}
