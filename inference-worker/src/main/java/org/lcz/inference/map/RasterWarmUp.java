package org.lcz.inference.map;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.SceneRaster;

/**
 * Reads a tiny GeoTIFF once, so that Apache SIS's one-time start (its GeoTIFF reader, CRS
 * factories, EPSG data: about 3 s here) happens when the worker starts rather than on the first
 * tile.
 */
public final class RasterWarmUp {
  private RasterWarmUp() {}

  /** Writes, opens and reads a 4 × 4 GeoTIFF in UTM 32N under {@code dir}. */
  public static void run(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = Files.createTempFile(dir, "warm-up-", ".tif");
      try {
        Files.write(
            file,
            GeoTiffWriter.write(
                Raster.createBandedRaster(DataBuffer.TYPE_USHORT, 4, 4, 1, null),
                new GeoTiffWriter.Georeference(
                    new double[] {500000, 10, 0, 5000000, 0, -10}, 32632, true),
                List.of("B2"),
                null));
        try (SceneRaster r = SceneRaster.open(file)) {
          r.read(0, 0, 4, 4);
          r.crsWkt();
        }
      } finally {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
