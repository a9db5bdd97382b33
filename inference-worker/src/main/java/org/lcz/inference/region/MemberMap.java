package org.lcz.inference.region;

import java.awt.image.Raster;
import java.nio.file.Path;
import org.lcz.inference.assembly.ProbabilityCog;
import org.lcz.inference.map.MapTile;
import org.lcz.raster.GridMapping;
import org.lcz.raster.RasterException;
import org.lcz.raster.SceneRaster;

/**
 * A member scene map: its classes (band {@code lcz} of its {@code lcz.tif}: the member's own class
 * per cell) and its class probabilities, as its {@code probabilities.tif} holds them: 17 bands in
 * percent, {@link ProbabilityCog#NODATA} where the scene map has no class (masked, nodata, no
 * evidence).
 *
 * @param classes LCZ values 1–17 (0: none), row-major
 * @param probabilities per LCZ value {@code v}, plane {@code v - 1}, row-major
 */
public record MemberMap(
    String sceneId, GridMapping.Grid grid, byte[] classes, byte[][] probabilities) {

  /**
   * Reads {@code lcz.tif} and {@code probabilities.tif} of one scene map.
   *
   * @throws RasterException if the files are no LCZ map and probability map on one grid
   */
  public static MemberMap read(String sceneId, Path map, Path probabilities) {
    MemberMap p = readProbabilities(sceneId, probabilities);
    try (SceneRaster r = SceneRaster.open(map)) {
      if (r.width() != p.grid().cols() || r.height() != p.grid().rows()) {
        throw new RasterException(sceneId + ": its map and its probabilities are not on one grid");
      }
      int w = r.width();
      byte[] classes = new byte[w * r.height()];
      int[] row = new int[w];
      for (int y = 0; y < r.height(); y++) {
        Raster line = r.read(0, y, w, 1);
        line.getSamples(line.getMinX(), line.getMinY(), w, 1, 0, row);
        for (int x = 0; x < w; x++) {
          classes[y * w + x] = (byte) row[x];
        }
      }
      return new MemberMap(sceneId, p.grid(), classes, p.probabilities());
    }
  }

  private static MemberMap readProbabilities(String sceneId, Path file) {
    try (SceneRaster r = SceneRaster.open(file)) {
      if (r.bandNames().size() != MapTile.CLASSES) {
        throw new RasterException(
            sceneId
                + ": its probabilities have "
                + r.bandNames().size()
                + " bands, not "
                + MapTile.CLASSES);
      }
      int w = r.width();
      int h = r.height();
      byte[][] planes = new byte[MapTile.CLASSES][w * h];
      int[] row = new int[w];
      int rowsPerRead = Math.max(1, Math.min(h, (1 << 18) / w));
      for (int y = 0; y < h; y += rowsPerRead) {
        int n = Math.min(rowsPerRead, h - y);
        Raster block = r.read(0, y, w, n);
        for (int b = 0; b < MapTile.CLASSES; b++) {
          for (int dy = 0; dy < n; dy++) {
            block.getSamples(block.getMinX(), block.getMinY() + dy, w, 1, b, row);
            int at = (y + dy) * w;
            for (int x = 0; x < w; x++) {
              planes[b][at + x] = (byte) row[x];
            }
          }
        }
      }
      return new MemberMap(
          sceneId, new GridMapping.Grid(w, h, r.geoTransform(), r.crs()), null, planes);
    }
  }

  /** Whether cell {@code i} of the member's grid has probabilities. */
  public boolean hasData(int i) {
    return (probabilities[0][i] & 0xFF) != ProbabilityCog.NODATA;
  }
}
