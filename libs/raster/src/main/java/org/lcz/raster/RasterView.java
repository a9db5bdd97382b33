package org.lcz.raster;

import java.awt.image.Raster;
import java.util.List;
import java.util.Optional;
import org.opengis.referencing.crs.CoordinateReferenceSystem;

/**
 * A raster seen through a view: everything is the source's but what a subclass overrides (some
 * bands, converted values, a mask). The views of the platform: {@link SelectedBands}, {@link
 * HarmonisedScene}, the ingest service's masked scenes.
 */
public abstract class RasterView implements RasterSource {
  /** What the view looks at. */
  protected final RasterSource source;

  protected RasterView(RasterSource source) {
    this.source = source;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public int width() {
    return source.width();
  }

  @Override
  public int height() {
    return source.height();
  }

  @Override
  public List<String> bandNames() {
    return source.bandNames();
  }

  @Override
  public int dataType() {
    return source.dataType();
  }

  @Override
  public Optional<Double> nodata() {
    return source.nodata();
  }

  @Override
  public double[] geoTransform() {
    return source.geoTransform();
  }

  @Override
  public CoordinateReferenceSystem crs() {
    return source.crs();
  }

  @Override
  public Raster read(int x, int y, int w, int h) {
    return source.read(x, y, w, h);
  }
}
