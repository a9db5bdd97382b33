package org.lcz.scheme;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.Georeferencing;
import org.lcz.raster.GridMapping;
import org.lcz.raster.RasterException;
import org.lcz.raster.SceneRaster;
import org.opengis.referencing.crs.CoordinateReferenceSystem;
import org.opengis.referencing.crs.GeographicCRS;
import org.opengis.referencing.crs.ProjectedCRS;

/**
 * An LCZ map read from any GeoTIFF a user has (the LCZ Generator's, the global map, W2W's samples):
 * one band's classes in 1–17 ({@link LczCoding}), its grid, and its cells' size in metres. A
 * geographic grid's cells are measured either on their nominal size (degrees × 111,320 m, the
 * equatorial length by which ~100 m maps choose 0.000898°) or at the map's central latitude (the
 * east–west size shrinks with its cosine).
 */
public record LczMapFile(
    String name,
    int cols,
    int rows,
    LczCoding.Standardised classes,
    GeoTiffWriter.Georeference georeference,
    double cellWidth,
    double cellHeight,
    boolean geographic,
    CoordinateReferenceSystem crs) {

  /** Metres per degree along the equator (WGS 84's semi-major axis × π / 180). */
  public static final double METRES_PER_DEGREE = 6_378_137 * Math.PI / 180;

  /** How a geographic grid's cells are measured in metres. */
  public enum Metres {
    NOMINAL,
    LATITUDE;

    public static Metres of(String s) {
      try {
        return valueOf(s.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("cells are measured 'nominal' or 'latitude', not " + s);
      }
    }
  }

  /**
   * Reads band {@code band} (a 1-based number or a band name; null: the band named {@code lcz},
   * else band 1).
   *
   * @throws RasterException if the file cannot be read
   * @throws IllegalArgumentException if the band or its values are no LCZ map
   */
  public static LczMapFile read(Path file, String band, Metres metres) {
    try (SceneRaster raster = SceneRaster.open(file)) {
      int index = bandIndex(raster, band);
      int w = raster.width();
      int h = raster.height();
      double[] values = new double[w * h];
      int rowsPerRead = Math.max(1, Math.min(h, (1 << 20) / w));
      double[] block = new double[rowsPerRead * w];
      for (int y = 0; y < h; y += rowsPerRead) {
        int n = Math.min(rowsPerRead, h - y);
        Raster r = raster.read(0, y, w, n);
        r.getSamples(r.getMinX(), r.getMinY(), w, n, index, block);
        System.arraycopy(block, 0, values, y * w, w * n);
      }
      LczCoding.Standardised classes = LczCoding.standardise(values, raster.nodata());
      GeoTiffWriter.Georeference where = Georeferencing.of(raster);
      double[] g = raster.geoTransform();
      if (g[2] != 0 || g[4] != 0) {
        throw new IllegalArgumentException(file.getFileName() + ": the grid is rotated");
      }
      double px = Math.abs(g[1]);
      double py = Math.abs(g[5]);
      boolean geographic = raster.crs() instanceof GeographicCRS;
      if (geographic) {
        double cos =
            metres == Metres.LATITUDE ? Math.cos(Math.toRadians(g[3] + g[5] * h / 2.0)) : 1;
        return new LczMapFile(
            raster.name(),
            w,
            h,
            classes,
            where,
            px * METRES_PER_DEGREE * cos,
            py * METRES_PER_DEGREE,
            true,
            raster.crs());
      }
      if (!(raster.crs() instanceof ProjectedCRS)
          || !Georeferencing.unit(raster.crs()).equals("m")) {
        throw new IllegalArgumentException(
            file.getFileName()
                + ": cells in "
                + Georeferencing.unit(raster.crs())
                + "; reproject the map to a CRS in metres or degrees (gdalwarp -t_srs EPSG:…)");
      }
      return new LczMapFile(raster.name(), w, h, classes, where, px, py, false, raster.crs());
    }
  }

  /** The map's grid, to relate it to another map's. */
  public GridMapping.Grid grid() {
    return new GridMapping.Grid(cols, rows, georeference.geoTransform(), crs);
  }

  private static int bandIndex(SceneRaster raster, String band) {
    List<String> names = raster.bandNames();
    if (band == null) {
      int lcz = names.indexOf("lcz");
      return Math.max(lcz, 0);
    }
    if (band.matches("\\d+")) {
      int n = Integer.parseInt(band);
      if (n < 1 || n > names.size()) {
        throw new IllegalArgumentException(
            raster.name() + " has bands 1.." + names.size() + ", not " + band);
      }
      return n - 1;
    }
    int i = names.indexOf(band);
    if (i < 0) {
      throw new IllegalArgumentException(raster.name() + " has no band " + band + ": " + names);
    }
    return i;
  }
}
