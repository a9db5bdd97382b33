package org.lcz.scheme.areas;

import java.util.List;
import org.lcz.raster.RasterSource;

/** A scene that counts the reads and rows asked of it (tests of reading in one pass). */
final class CountingScene implements RasterSource {
  private final RasterSource scene;
  long rows;
  int reads;

  CountingScene(RasterSource scene) {
    this.scene = scene;
  }

  @Override
  public String name() {
    return scene.name();
  }

  @Override
  public int width() {
    return scene.width();
  }

  @Override
  public int height() {
    return scene.height();
  }

  @Override
  public List<String> bandNames() {
    return scene.bandNames();
  }

  @Override
  public int dataType() {
    return scene.dataType();
  }

  @Override
  public java.util.Optional<Double> nodata() {
    return scene.nodata();
  }

  @Override
  public double[] geoTransform() {
    return scene.geoTransform();
  }

  @Override
  public org.opengis.referencing.crs.CoordinateReferenceSystem crs() {
    return scene.crs();
  }

  @Override
  public java.awt.image.Raster read(int x, int y, int w, int h) {
    reads++;
    rows += h;
    return scene.read(x, y, w, h);
  }
}
