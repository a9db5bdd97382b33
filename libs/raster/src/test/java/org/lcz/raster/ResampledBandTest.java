package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;

class ResampledBandTest {
  /** A 20 m source whose pixel value is {@code f} at the pixel centre's map coordinates. */
  private static RasterSource source(
      int w, int h, double[] g, DoubleBinaryOperator f, Double nodata) {
    return new RasterSource() {
      @Override
      public String name() {
        return "memory";
      }

      @Override
      public int width() {
        return w;
      }

      @Override
      public int height() {
        return h;
      }

      @Override
      public List<String> bandNames() {
        return List.of("A");
      }

      @Override
      public int dataType() {
        return DataBuffer.TYPE_DOUBLE;
      }

      @Override
      public Optional<Double> nodata() {
        return Optional.ofNullable(nodata);
      }

      @Override
      public double[] geoTransform() {
        return g.clone();
      }

      @Override
      public org.opengis.referencing.crs.CoordinateReferenceSystem crs() {
        return org.apache.sis.referencing.CommonCRS.WGS84.universal(45, 9);
      }

      @Override
      public Raster read(int x, int y, int ww, int hh) {
        assertThat(x).isGreaterThanOrEqualTo(0);
        assertThat(x + ww).isLessThanOrEqualTo(w);
        WritableRaster r =
            Raster.createWritableRaster(
                new BandedSampleModel(DataBuffer.TYPE_DOUBLE, ww, hh, 1), null);
        for (int j = 0; j < hh; j++) {
          for (int i = 0; i < ww; i++) {
            double mx = g[0] + (x + i + 0.5) * g[1];
            double my = g[3] + (y + j + 0.5) * g[5];
            r.setSample(i, j, 0, f.applyAsDouble(mx, my));
          }
        }
        return r;
      }
    };
  }

  private static final double[] SOURCE = {500000, 20, 0, 4000000, 0, -20};
  private static final DoubleBinaryOperator LINEAR = (x, y) -> 3 * (x - 500000) - 2 * (y - 3998000);

  @Test
  void bilinearIsExactOnALinearFieldInsideTheSource() {
    RasterSource s = source(50, 40, SOURCE, LINEAR, null);
    // a 10 m target grid offset by 5 m into the source
    double[] target = {500105, 10, 0, 3999895, 0, -10};
    ResampledBand band = new ResampledBand(s, 0, target, Resampling.BILINEAR, -1);
    double[] out = new double[30 * 20];
    band.read(7, 5, 30, 20, out);
    for (int j = 0; j < 20; j++) {
      for (int i = 0; i < 30; i++) {
        double x = target[0] + (7 + i + 0.5) * 10;
        double y = target[3] + (5 + j + 0.5) * -10;
        assertThat(out[j * 30 + i]).isCloseTo(LINEAR.applyAsDouble(x, y), within(1e-6));
      }
    }
    assertThat(band.covers(0, 0, 60, 60)).isTrue();
  }

  @Test
  void nearestTakesThePixelUnderTheCentreAndOutsideIsFill() {
    RasterSource s = source(10, 10, SOURCE, LINEAR, null);
    double[] target = {499980, 10, 0, 4000000, 0, -10}; // starts 20 m west of the source
    ResampledBand band = new ResampledBand(s, 0, target, Resampling.NEAREST, -1);
    double[] out = new double[6];
    band.read(0, 0, 6, 1, out);
    assertThat(out[0]).isEqualTo(-1); // centre at 499985: outside
    assertThat(out[1]).isEqualTo(-1);
    // centres 500005 and 500015 fall in source pixel 0 (centre 500010)
    assertThat(out[2]).isEqualTo(LINEAR.applyAsDouble(500010, 3999990));
    assertThat(out[3]).isEqualTo(out[2]);
    assertThat(out[4]).isEqualTo(LINEAR.applyAsDouble(500030, 3999990));
    assertThat(band.covers(0, 0, 6, 1)).isFalse();
    assertThat(band.covers(2, 0, 4, 1)).isTrue();
  }

  @Test
  void aNeighbourhoodWithNodataFallsBackToTheNearestPixel() {
    // every source pixel west of x = 500100 is nodata (0)
    DoubleBinaryOperator f = (x, y) -> x < 500100 ? 0 : 7;
    RasterSource s = source(10, 10, SOURCE, f, 0.0);
    double[] target = {500000, 10, 0, 4000000, 0, -10};
    ResampledBand band = new ResampledBand(s, 0, target, Resampling.BILINEAR, -9);
    double[] out = new double[20];
    band.read(0, 3, 20, 1, out);
    assertThat(out[0]).isEqualTo(-9); // nearest is nodata
    assertThat(out[10]).isEqualTo(7); // between a nodata and a valid pixel: the nearest, valid
    assertThat(out[15]).isEqualTo(7);
  }
}
