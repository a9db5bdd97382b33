package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Point;
import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Row copies on the sample arrays against Java2D's own per-sample reading, layout by layout. */
class RasterRowsTest {
  private static final int W = 37;
  private static final int H = 23;
  private static final int BANDS = 3;

  @ParameterizedTest
  @ValueSource(
      ints = {
        DataBuffer.TYPE_BYTE,
        DataBuffer.TYPE_USHORT,
        DataBuffer.TYPE_SHORT,
        DataBuffer.TYPE_INT,
        DataBuffer.TYPE_FLOAT,
        DataBuffer.TYPE_DOUBLE
      })
  void copiesEqualJava2dsSamplesBetweenBandedAndInterleavedRastersWithOffsets(int type) {
    for (boolean bandedSource : new boolean[] {true, false}) {
      // a child raster: translated coordinates and a data offset inside a larger buffer
      Raster source =
          filled(model(type, bandedSource, W + 5, H + 4), type)
              .createChild(3, 2, W, H, 100, 200, null);
      for (boolean bandedTarget : new boolean[] {true, false}) {
        WritableRaster target =
            Raster.createWritableRaster(model(type, bandedTarget, W, H), new Point(-7, 9));
        for (int y = 0; y < H; y++) {
          for (int b = 0; b < BANDS; b++) {
            RasterRows.copy(source, 100 + 4, 200 + y, b, target, -7 + 1, 9 + y, W - 6);
          }
        }
        for (int y = 0; y < H; y++) {
          for (int x = 0; x < W - 6; x++) {
            for (int b = 0; b < BANDS; b++) {
              assertThat(target.getSampleDouble(-7 + 1 + x, 9 + y, b))
                  .as(
                      "type %d banded %s→%s (%d, %d, %d)",
                      type, bandedSource, bandedTarget, x, y, b)
                  .isEqualTo(source.getSampleDouble(100 + 4 + x, 200 + y, b));
            }
          }
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        DataBuffer.TYPE_BYTE,
        DataBuffer.TYPE_USHORT,
        DataBuffer.TYPE_SHORT,
        DataBuffer.TYPE_INT
      })
  void readsIntegerRowsAsJava2dDoesUnsignedTypesUnsigned(int type) {
    for (boolean banded : new boolean[] {true, false}) {
      Raster r =
          filled(model(type, banded, W + 5, H + 4), type).createChild(3, 2, W, H, 0, 0, null);
      int[] fast = new int[W - 2];
      int[] java2d = new int[W - 2];
      for (int y = 0; y < H; y++) {
        for (int b = 0; b < BANDS; b++) {
          RasterRows.readInts(r, 2, y, W - 2, b, fast);
          r.getSamples(2, y, W - 2, 1, b, java2d);
          assertThat(fast).isEqualTo(java2d);
        }
      }
      assertThat(RasterRows.direct(r)).isTrue();
    }
  }

  @Test
  void packedRastersTakeJava2dsPath() {
    SampleModel packed =
        new SinglePixelPackedSampleModel(DataBuffer.TYPE_INT, W, H, new int[] {0xFF0000, 0xFF00});
    WritableRaster source = Raster.createWritableRaster(packed, null);
    source.setSample(5, 6, 1, 77);
    WritableRaster target = Raster.createWritableRaster(packed, null);
    RasterRows.copy(source, 0, 6, 1, target, 0, 6, W);
    assertThat(RasterRows.direct(source)).isFalse();
    assertThat(target.getSample(5, 6, 1)).isEqualTo(77);
  }

  private static SampleModel model(int type, boolean banded, int w, int h) {
    return banded
        ? new BandedSampleModel(type, w, h, BANDS)
        : new PixelInterleavedSampleModel(type, w, h, BANDS, w * BANDS, new int[] {2, 0, 1});
  }

  /** Random values over the type's whole range (negative ones for signed types). */
  private static WritableRaster filled(SampleModel model, int type) {
    WritableRaster r = Raster.createWritableRaster(model, null);
    Random random = new Random(type);
    for (int y = 0; y < r.getHeight(); y++) {
      for (int x = 0; x < r.getWidth(); x++) {
        for (int b = 0; b < BANDS; b++) {
          switch (type) {
            case DataBuffer.TYPE_BYTE -> r.setSample(x, y, b, random.nextInt(256));
            case DataBuffer.TYPE_USHORT -> r.setSample(x, y, b, random.nextInt(65536));
            case DataBuffer.TYPE_SHORT -> r.setSample(x, y, b, random.nextInt(65536) - 32768);
            case DataBuffer.TYPE_INT -> r.setSample(x, y, b, random.nextInt());
            default -> r.setSample(x, y, b, random.nextGaussian() * 1e3);
          }
        }
      }
    }
    return r;
  }
}
