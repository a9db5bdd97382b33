package org.lcz.inference.map;

import java.util.List;
import java.util.Map;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.GeoTiffWriter.Level;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * LCZ rasters as Cloud-Optimized GeoTIFFs: what a map file says (its bands' names, the WUDAPT
 * palette on band 1 when it holds classes, the nodata value, the model's metadata), written by the
 * platform's one TIFF writer ({@link GeoTiffWriter#cog}).
 */
public final class LczTiff {
  /**
   * The bands of a file: their names (GDAL band descriptions), whether band 1 holds classes and
   * gets the WUDAPT colour table, and the nodata value of every band.
   */
  public record MapBands(List<String> bandNames, boolean palette, int nodata) {
    public MapBands {
      bandNames = List.copyOf(bandNames);
      if (bandNames.isEmpty() || nodata < 0 || nodata > 255) {
        throw new IllegalArgumentException("a layout needs bands and a nodata value 0..255");
      }
    }

    public int bands() {
      return bandNames.size();
    }
  }

  /**
   * Where the map lies and what to say about it.
   *
   * @param geoTransform GDAL's six numbers of the full-resolution grid (north-up)
   * @param epsg the CRS's EPSG code
   * @param projected whether that CRS is projected (else geographic)
   * @param metadata dataset metadata items (e.g. the model version), shown by {@code gdalinfo}
   */
  public record MapPlacement(
      double[] geoTransform, int epsg, boolean projected, Map<String, String> metadata) {}

  private static final int[] WUDAPT_COLOURS = colourMap();

  private LczTiff() {}

  /** The GeoTIFF bytes of {@code levels} (full resolution first), in tiles of {@code blockSize}. */
  public static byte[] write(
      List<Level> levels, MapBands layout, int blockSize, MapPlacement where) {
    return GeoTiffWriter.cog(
        levels,
        blockSize,
        new GeoTiffWriter.Georeference(where.geoTransform(), where.epsg(), where.projected()),
        new GeoTiffWriter.CogBands(
            layout.bandNames(), layout.nodata(), layout.palette() ? WUDAPT_COLOURS : null),
        where.metadata());
  }

  /** The WUDAPT palette as TIFF's ColorMap: 16-bit reds, greens, blues of the 256 values. */
  private static int[] colourMap() {
    int[] map = new int[3 * 256];
    for (LczClass c : LczCatalog.standard().classes()) {
      int v = c.value();
      map[v] = ((c.rgb() >> 16) & 0xFF) * 257;
      map[256 + v] = ((c.rgb() >> 8) & 0xFF) * 257;
      map[512 + v] = (c.rgb() & 0xFF) * 257;
    }
    return map;
  }
}
