package org.lcz.raster;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferDouble;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Row copies between rasters straight on their sample arrays, where Java2D's generic {@code
 * getSamples}/{@code setSamples}/{@code getData} go through a virtual call per sample. Applies to
 * rasters whose sample model is a {@link ComponentSampleModel} (banded, planar and
 * pixel-interleaved layouts: what SIS and {@code createCompatibleWritableRaster} make); other
 * rasters take Java2D's path, with the same result.
 */
final class RasterRows {
  private RasterRows() {}

  /** Whether {@code r}'s samples can be addressed directly. */
  static boolean direct(Raster r) {
    return r.getSampleModel() instanceof ComponentSampleModel
        && bankArray(r.getDataBuffer(), 0) != null;
  }

  /**
   * Copies {@code n} samples of band {@code band} from {@code src} at ({@code sx}, {@code sy}) to
   * {@code dst} at ({@code dx}, {@code dy}); both of one data type.
   */
  static void copy(
      Raster src, int sx, int sy, int band, WritableRaster dst, int dx, int dy, int n) {
    if (direct(src) && direct(dst) && src.getTransferType() == dst.getTransferType()) {
      Object from = bank(src, band);
      Object to = bank(dst, band);
      int i = offset(src, sx, sy, band);
      int o = offset(dst, dx, dy, band);
      int is = stride(src);
      int os = stride(dst);
      if (is == 1 && os == 1) {
        System.arraycopy(from, i, to, o, n);
      } else if (from instanceof short[] f) {
        short[] t = (short[]) to;
        for (int k = 0; k < n; k++, i += is, o += os) {
          t[o] = f[i];
        }
      } else if (from instanceof byte[] f) {
        byte[] t = (byte[]) to;
        for (int k = 0; k < n; k++, i += is, o += os) {
          t[o] = f[i];
        }
      } else if (from instanceof int[] f) {
        int[] t = (int[]) to;
        for (int k = 0; k < n; k++, i += is, o += os) {
          t[o] = f[i];
        }
      } else if (from instanceof float[] f) {
        float[] t = (float[]) to;
        for (int k = 0; k < n; k++, i += is, o += os) {
          t[o] = f[i];
        }
      } else {
        double[] f = (double[]) from;
        double[] t = (double[]) to;
        for (int k = 0; k < n; k++, i += is, o += os) {
          t[o] = f[i];
        }
      }
    } else if (src.getTransferType() == DataBuffer.TYPE_FLOAT
        || src.getTransferType() == DataBuffer.TYPE_DOUBLE) {
      dst.setSamples(dx, dy, n, 1, band, src.getSamples(sx, sy, n, 1, band, new double[n]));
    } else {
      dst.setSamples(dx, dy, n, 1, band, src.getSamples(sx, sy, n, 1, band, new int[n]));
    }
  }

  /**
   * Reads {@code n} integer samples of band {@code band} from ({@code x}, {@code y}) into {@code
   * into} (unsigned types as their unsigned values).
   */
  static void readInts(Raster r, int x, int y, int n, int band, int[] into) {
    if (!direct(r)) {
      r.getSamples(x, y, n, 1, band, into);
      return;
    }
    Object bank = bank(r, band);
    int at = offset(r, x, y, band);
    int st = stride(r);
    if (bank instanceof short[] s) {
      if (r.getDataBuffer().getDataType() == DataBuffer.TYPE_USHORT) {
        for (int i = 0; i < n; i++, at += st) {
          into[i] = s[at] & 0xFFFF;
        }
      } else {
        for (int i = 0; i < n; i++, at += st) {
          into[i] = s[at];
        }
      }
    } else if (bank instanceof byte[] b) {
      for (int i = 0; i < n; i++, at += st) {
        into[i] = b[at] & 0xFF;
      }
    } else if (bank instanceof int[] v) {
      for (int i = 0; i < n; i++, at += st) {
        into[i] = v[at];
      }
    } else {
      r.getSamples(x, y, n, 1, band, into);
    }
  }

  private static int stride(Raster r) {
    return ((ComponentSampleModel) r.getSampleModel()).getPixelStride();
  }

  /** The array holding band {@code band}'s samples. */
  private static Object bank(Raster r, int band) {
    ComponentSampleModel c = (ComponentSampleModel) r.getSampleModel();
    return bankArray(r.getDataBuffer(), c.getBankIndices()[band]);
  }

  /** Where sample ({@code x}, {@code y}, {@code band}) of {@code r} is in its bank's array. */
  private static int offset(Raster r, int x, int y, int band) {
    ComponentSampleModel c = (ComponentSampleModel) r.getSampleModel();
    int bank = c.getBankIndices()[band];
    return r.getDataBuffer().getOffsets()[bank]
        + c.getOffset(x - r.getSampleModelTranslateX(), y - r.getSampleModelTranslateY(), band);
  }

  private static Object bankArray(DataBuffer d, int bank) {
    if (d instanceof DataBufferByte b) {
      return b.getData(bank);
    } else if (d instanceof DataBufferUShort u) {
      return u.getData(bank);
    } else if (d instanceof DataBufferShort s) {
      return s.getData(bank);
    } else if (d instanceof DataBufferInt i) {
      return i.getData(bank);
    } else if (d instanceof DataBufferFloat f) {
      return f.getData(bank);
    } else if (d instanceof DataBufferDouble v) {
      return v.getData(bank);
    }
    return null;
  }
}
