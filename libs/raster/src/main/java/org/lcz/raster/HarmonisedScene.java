package org.lcz.raster;

import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.List;
import java.util.Optional;
import org.lcz.contract.Radiometry;
import org.lcz.contract.SpectralBands;

/**
 * A scene's reflectance bands converted from the radiometry they are in to another (the platform's
 * canonical one); other bands (a height, a DEM) pass unchanged. When nothing changes the source's
 * pixels pass as they are; otherwise samples become Float32 and nodata pixels take {@link #NODATA}
 * (a converted nodata value could collide with a valid one: DN 1,000 with the offset removed is 0).
 */
public final class HarmonisedScene extends RasterView {
  /** The nodata value of converted scenes: reflectance −1, which no valid pixel has. */
  public static final double NODATA = -9999;

  private final Radiometry.LinearMap map;
  private final boolean[] reflectance;
  private final Double sourceNodata;

  /**
   * @param source the scene
   * @param from the radiometry its reflectance bands are in
   * @param to the radiometry wanted
   */
  public HarmonisedScene(RasterSource source, Radiometry from, Radiometry to) {
    super(source);
    this.map = from.to(to);
    List<String> names = source.bandNames();
    this.reflectance = new boolean[names.size()];
    for (int b = 0; b < names.size(); b++) {
      reflectance[b] = SpectralBands.isReflectance(names.get(b));
    }
    this.sourceNodata = source.nodata().orElse(null);
  }

  /** Whether the pixels pass unchanged. */
  public boolean unchanged() {
    return map.isIdentity();
  }

  @Override
  public int dataType() {
    return unchanged() ? source.dataType() : DataBuffer.TYPE_FLOAT;
  }

  @Override
  public Optional<Double> nodata() {
    if (unchanged() || sourceNodata == null) {
      return source.nodata();
    }
    return Optional.of(NODATA);
  }

  @Override
  public Raster read(int x, int y, int w, int h) {
    Raster in = source.read(x, y, w, h);
    if (unchanged()) {
      return in;
    }
    int bands = in.getNumBands();
    WritableRaster out =
        Raster.createWritableRaster(
            new BandedSampleModel(DataBuffer.TYPE_FLOAT, w, h, bands), null);
    float[] values = new float[w * h];
    float gain = (float) map.gain();
    float bias = (float) map.bias();
    boolean hasNodata = sourceNodata != null;
    float nd = hasNodata ? sourceNodata.floatValue() : Float.NaN;
    for (int b = 0; b < bands; b++) {
      in.getSamples(in.getMinX(), in.getMinY(), w, h, b, values);
      boolean convert = reflectance[b];
      for (int i = 0; i < values.length; i++) {
        float v = values[i];
        if (hasNodata && (v == nd || Float.isNaN(v))) {
          values[i] = (float) NODATA;
        } else if (convert) {
          values[i] = gain * v + bias;
        }
      }
      out.setSamples(0, 0, w, h, b, values);
    }
    return out;
  }
}
