package org.lcz.raster;

import java.awt.image.Raster;
import java.util.List;
import java.util.Optional;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * Pixels on one north-up grid that can be read window by window, with their georeference: a file,
 * bands stacked, a scene reprojected or harmonised.
 */
public interface RasterSource {
  /** What to call the source in messages (a file name). */
  String name();

  int width();

  int height();

  /** Band names, in band order. */
  List<String> bandNames();

  /** The samples' {@link java.awt.image.DataBuffer} type. */
  int dataType();

  /** The nodata value, if there is one. */
  Optional<Double> nodata();

  /** GDAL's geotransform: x0, pixel width, 0, y0, 0, pixel height (negative for north-up). */
  double[] geoTransform();

  /** The coordinate reference system of {@link #geoTransform}'s map coordinates. */
  CoordinateReferenceSystem crs();

  /**
   * The window of {@code w × h} pixels at ({@code x}, {@code y}), every band; pixel (0, 0) of the
   * result is the window's first pixel.
   *
   * @throws RasterException when the pixels cannot be read
   */
  Raster read(int x, int y, int w, int h);

  /**
   * Refuses a window that is empty or leaves {@code source}.
   *
   * @throws IllegalArgumentException naming the window and the size
   */
  static void requireWindow(RasterSource source, int x, int y, int w, int h) {
    if (x < 0 || y < 0 || w < 1 || h < 1 || x + w > source.width() || y + h > source.height()) {
      throw new IllegalArgumentException(
          "window "
              + w
              + "×"
              + h
              + " at ("
              + x
              + ", "
              + y
              + ") outside "
              + source.width()
              + "×"
              + source.height());
    }
  }
}
