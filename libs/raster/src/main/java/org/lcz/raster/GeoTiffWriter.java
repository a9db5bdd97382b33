package org.lcz.raster;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.Deflater;

/**
 * Writes a raster as a DEFLATE-compressed GeoTIFF that GDAL reads with its georeferencing, band
 * names (GDAL band descriptions), nodata value and the source sample type. The CRS is written as an
 * EPSG code (projected or geographic); the grid is north-up with the given geotransform.
 *
 * <p>The encoding is chosen for speed, as these files are the platform's intermediate tiles:
 * little-endian, one plane per band in strips of about 64 KiB, DEFLATE at {@link #LEVEL} (zlib's
 * fastest) with the horizontal predictor for integer samples (GDAL's {@code PREDICTOR=2}), which
 * keeps the files near the default level's size at a fraction of its time (docs/benchmarks.md,
 * "Tiling"). Strips, not tiles: Apache SIS reads the predictor wrongly only with internal tiles
 * wider than the image ({@link EncodingGuard}). One call uses one thread; tiles are written in
 * parallel by their callers. Images larger than the heap are written streamed, chunk by chunk of
 * rows ({@link #write(Path, Layout, Georeference, List, Double, RowSource)}).
 */
public final class GeoTiffWriter {
  /** The DEFLATE level: 1, zlib's fastest. */
  static final int LEVEL = Deflater.BEST_SPEED;

  private static final int STRIP_BYTES = 64 << 10;
  private static final short SHORT = 3;
  private static final short LONG = 4;
  private static final short ASCII = 2;
  private static final short DOUBLE = 12;

  private GeoTiffWriter() {}

  /** Where the pixels are: GDAL's geotransform and the CRS's EPSG code. */
  public record Georeference(double[] geoTransform, int epsg, boolean projected) {}

  /** The GeoTIFF bytes of {@code data}. */
  public static byte[] write(
      Raster data, Georeference where, List<String> bandNames, Double nodata) {
    int w = data.getWidth();
    int h = data.getHeight();
    int type = data.getSampleModel().getDataType();
    int bytes = DataBuffer.getDataTypeSize(type) / 8;
    MemorySink out = new MemorySink(w * h * data.getNumBands() * bytes / 2 + 4096);
    try {
      encode(
          out,
          new Layout(w, h, data.getNumBands(), type),
          (y0, rows) -> data.createChild(data.getMinX(), data.getMinY() + y0, w, rows, 0, 0, null),
          where,
          bandNames,
          nodata);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // memory does not fail
    }
    return out.bytes();
  }

  /**
   * Rows of a raster made on demand, in order from the top: {@code fill} gets the first row's index
   * and a raster of the chunk's rows (its {@code y} from 0) to fill, every band.
   */
  @FunctionalInterface
  public interface RowSource {
    void fill(int y0, WritableRaster chunk) throws IOException;
  }

  /** Size, band count and sample type ({@link DataBuffer} type) of a streamed image. */
  public record Layout(int width, int height, int bands, int dataType) {
    public Layout {
      if (width < 1 || height < 1 || bands < 1) {
        throw new IllegalArgumentException(
            "an image needs pixels and bands: " + width + " × " + height + " × " + bands);
      }
    }
  }

  /**
   * Writes an image to {@code file} as its rows are made, in chunks of about {@link #CHUNK_BYTES}:
   * an image far larger than the heap (a Sentinel-2 granule: 10980² px × 10 bands) costs one chunk
   * of memory. The result is the same GeoTIFF as {@link #write(Raster, Georeference, List,
   * Double)}'s (strips of the bands in row order rather than band by band). Classic TIFF: a file
   * beyond 4 GB is refused.
   */
  public static void write(
      Path file,
      Layout layout,
      Georeference where,
      List<String> bandNames,
      Double nodata,
      RowSource rows)
      throws IOException {
    write(file, layout, where, bandNames, nodata, rows, CHUNK_BYTES);
  }

  /** As above with chunks of about {@code chunkBytes} (tests use small ones). */
  static void write(
      Path file,
      Layout layout,
      Georeference where,
      List<String> bandNames,
      Double nodata,
      RowSource rows,
      int chunkBytes)
      throws IOException {
    int rowsPerStrip = rowsPerStrip(layout);
    int bytesPerRow =
        layout.width() * layout.bands() * (DataBuffer.getDataTypeSize(layout.dataType()) / 8);
    int chunk = rowsPerStrip * Math.max(1, chunkBytes / (bytesPerRow * rowsPerStrip));
    chunk = Math.min(chunk, layout.height());
    WritableRaster buffer =
        Raster.createBandedRaster(layout.dataType(), layout.width(), chunk, layout.bands(), null);
    int[] filled = {-1};
    try (FileSink out = new FileSink(file)) {
      encode(
          out,
          layout,
          (y0, n) -> {
            int first = y0 - y0 % buffer.getHeight();
            if (filled[0] != first) {
              int height = Math.min(buffer.getHeight(), layout.height() - first);
              rows.fill(
                  first,
                  height == buffer.getHeight()
                      ? buffer
                      : buffer.createWritableChild(0, 0, layout.width(), height, 0, 0, null));
              filled[0] = first;
            }
            return buffer.createChild(0, y0 - first, layout.width(), n, 0, 0, null);
          },
          where,
          bandNames,
          nodata);
    }
  }

  /** About how many bytes of rows a streamed write holds at once. */
  static final int CHUNK_BYTES = 32 << 20;

  private static int rowsPerStrip(Layout layout) {
    int bytes = DataBuffer.getDataTypeSize(layout.dataType()) / 8;
    return Math.max(1, Math.min(layout.height(), STRIP_BYTES / (layout.width() * bytes)));
  }

  /** Rows {@code y0 … y0 + rows − 1} of the image, every band. */
  @FunctionalInterface
  private interface Strips {
    Raster rows(int y0, int rows) throws IOException;
  }

  private static void encode(
      Sink out,
      Layout layout,
      Strips source,
      Georeference where,
      List<String> bandNames,
      Double nodata)
      throws IOException {
    int w = layout.width();
    int h = layout.height();
    int bands = layout.bands();
    if (bandNames.size() != bands) {
      throw new IllegalArgumentException(bands + " bands but " + bandNames.size() + " names");
    }
    int type = layout.dataType();
    int bytes = DataBuffer.getDataTypeSize(type) / 8;
    boolean integer = type != DataBuffer.TYPE_FLOAT && type != DataBuffer.TYPE_DOUBLE;
    int rowsPerStrip = rowsPerStrip(layout);
    int stripsPerBand = (h + rowsPerStrip - 1) / rowsPerStrip;

    out.write(new byte[8], 0, 8); // the header, written last
    long[] offsets = new long[stripsPerBand * bands];
    long[] counts = new long[offsets.length];
    Deflater deflater = new Deflater(LEVEL);
    try {
      ByteBuffer plain =
          ByteBuffer.allocate(rowsPerStrip * w * bytes).order(ByteOrder.LITTLE_ENDIAN);
      byte[] packed = new byte[plain.capacity() + plain.capacity() / 8 + 64];
      int[] rowI = integer ? new int[w] : null;
      double[] rowD = integer ? null : new double[w];
      for (int s = 0; s < stripsPerBand; s++) {
        int y0 = s * rowsPerStrip;
        int n = Math.min(h, y0 + rowsPerStrip) - y0;
        Raster data = source.rows(y0, n);
        for (int b = 0; b < bands; b++) {
          plain.clear();
          for (int y = 0; y < n; y++) {
            if (integer) {
              RasterRows.readInts(data, data.getMinX(), data.getMinY() + y, w, b, rowI);
              putDifferences(plain, type, rowI);
            } else {
              data.getSamples(data.getMinX(), data.getMinY() + y, w, 1, b, rowD);
              for (double v : rowD) {
                if (type == DataBuffer.TYPE_FLOAT) {
                  plain.putFloat((float) v);
                } else {
                  plain.putDouble(v);
                }
              }
            }
          }
          deflater.reset();
          deflater.setInput(plain.array(), 0, plain.position());
          deflater.finish();
          int strip = b * stripsPerBand + s;
          offsets[strip] = out.position();
          while (!deflater.finished()) {
            int k = deflater.deflate(packed);
            out.write(packed, 0, k);
          }
          counts[strip] = out.position() - offsets[strip];
        }
      }
    } finally {
      deflater.end();
    }
    if (out.position() % 2 == 1) {
      out.write(new byte[1], 0, 1); // the directory starts on a word boundary
    }

    Directory dir = new Directory();
    dir.add(256, LONG, new long[] {w});
    dir.add(257, LONG, new long[] {h});
    dir.add(258, SHORT, filled(bands, bytes * 8));
    dir.add(259, SHORT, new long[] {8}); // DEFLATE (Adobe)
    dir.add(262, SHORT, new long[] {1}); // BlackIsZero
    dir.add(273, LONG, offsets);
    dir.add(277, SHORT, new long[] {bands});
    dir.add(278, LONG, new long[] {rowsPerStrip});
    dir.add(279, LONG, counts);
    dir.add(284, SHORT, new long[] {2}); // planar: one plane per band
    if (integer) {
      dir.add(317, SHORT, new long[] {2}); // horizontal differencing
    }
    if (bands > 1) {
      // one grey channel, the others "unspecified" extra samples (what GDAL writes and expects)
      dir.add(338, SHORT, filled(bands - 1, 0));
    }
    dir.add(339, SHORT, filled(bands, sampleFormat(type)));
    double[] g = where.geoTransform();
    dir.addDoubles(33550, new double[] {g[1], -g[5], 0.0});
    dir.addDoubles(33922, new double[] {0.0, 0.0, 0.0, g[0], g[3], 0.0});
    dir.add(
        34735,
        SHORT,
        new long[] {
          1,
          1,
          0,
          3, // version 1.1.0, three keys
          1024,
          0,
          1,
          where.projected() ? 1 : 2, // GTModelType: projected / geographic
          1025,
          0,
          1,
          1, // GTRasterType: PixelIsArea
          where.projected() ? 3072 : 2048,
          0,
          1,
          where.epsg() // ProjectedCSType / GeographicType
        });
    dir.addAscii(42112, GdalMetadata.xml(Map.of(), bandNames));
    if (nodata != null) {
      dir.addAscii(42113, format(nodata));
    }
    long directoryAt = out.position();
    byte[] directory = dir.bytes(directoryAt);
    if (directoryAt + directory.length > MAX_CLASSIC_TIFF) {
      throw new IOException(
          "the image needs "
              + (directoryAt + directory.length)
              + " bytes, beyond classic TIFF's 4 GiB (BigTIFF is not written)");
    }
    out.write(directory, 0, directory.length);
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    header.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) directoryAt);
    out.header(header.array());
  }

  /** The largest offset a classic TIFF can hold. */
  private static final long MAX_CLASSIC_TIFF = 0xFFFF_FFFFL;

  /** Where the bytes go: appended, with the 8-byte header set at the end. */
  private interface Sink {
    long position();

    void write(byte[] b, int off, int len) throws IOException;

    void header(byte[] eight) throws IOException;
  }

  private static final class MemorySink implements Sink {
    private final ByteArrayOutputStream out;
    private byte[] header;

    MemorySink(int capacity) {
      out = new ByteArrayOutputStream(capacity);
    }

    @Override
    public long position() {
      return out.size();
    }

    @Override
    public void write(byte[] b, int off, int len) {
      out.write(b, off, len);
    }

    @Override
    public void header(byte[] eight) {
      header = eight;
    }

    byte[] bytes() {
      byte[] file = out.toByteArray();
      System.arraycopy(header, 0, file, 0, header.length);
      return file;
    }
  }

  private static final class FileSink implements Sink, AutoCloseable {
    private final FileChannel channel;
    private final OutputStream out;
    private long position;

    FileSink(Path file) throws IOException {
      channel =
          FileChannel.open(
              file,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE);
      out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20);
    }

    @Override
    public long position() {
      return position;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      position += len;
    }

    @Override
    public void header(byte[] eight) throws IOException {
      out.flush();
      channel.write(ByteBuffer.wrap(eight), 0);
    }

    @Override
    public void close() throws IOException {
      try (channel) {
        out.flush();
      }
    }
  }

  /** A row of integer samples as differences from their left neighbour, in the sample's width. */
  private static void putDifferences(ByteBuffer plain, int type, int[] row) {
    byte[] a = plain.array();
    int at = plain.position();
    int previous = 0;
    if (type == DataBuffer.TYPE_BYTE) {
      for (int v : row) {
        a[at++] = (byte) (v - previous);
        previous = v;
      }
    } else if (type == DataBuffer.TYPE_SHORT || type == DataBuffer.TYPE_USHORT) {
      for (int v : row) {
        int d = v - previous;
        previous = v;
        a[at++] = (byte) d; // little-endian
        a[at++] = (byte) (d >> 8);
      }
    } else {
      for (int v : row) {
        int d = v - previous;
        previous = v;
        a[at++] = (byte) d;
        a[at++] = (byte) (d >> 8);
        a[at++] = (byte) (d >> 16);
        a[at++] = (byte) (d >> 24);
      }
    }
    plain.position(at);
  }

  /** One image file directory: entries in tag order, values beyond four bytes after it. */
  private static final class Directory {
    /** A tag's TIFF type, value count and little-endian value bytes. */
    private record Entry(short type, int count, byte[] value) {}

    private final TreeMap<Integer, Entry> entries = new TreeMap<>();

    void add(int tag, short type, long[] values) {
      ByteBuffer b =
          ByteBuffer.allocate((type == SHORT ? 2 : 4) * values.length)
              .order(ByteOrder.LITTLE_ENDIAN);
      for (long x : values) {
        if (type == SHORT) {
          b.putShort((short) x);
        } else {
          b.putInt((int) x);
        }
      }
      entries.put(tag, new Entry(type, values.length, b.array()));
    }

    void addDoubles(int tag, double[] values) {
      ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
      for (double x : values) {
        b.putDouble(x);
      }
      entries.put(tag, new Entry(DOUBLE, values.length, b.array()));
    }

    void addAscii(int tag, String text) {
      byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
      entries.put(tag, new Entry(ASCII, value.length, value));
    }

    /** The directory's bytes when it starts at {@code start}. */
    byte[] bytes(long start) {
      int size = 2 + 12 * entries.size() + 4;
      ByteBuffer ifd = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
      ByteArrayOutputStream extra = new ByteArrayOutputStream();
      ifd.putShort((short) entries.size());
      for (var e : entries.entrySet()) {
        Entry entry = e.getValue();
        ifd.putShort((short) (int) e.getKey()).putShort(entry.type()).putInt(entry.count());
        byte[] value = entry.value();
        if (value.length <= 4) {
          ifd.put(Arrays.copyOf(value, 4));
        } else {
          ifd.putInt((int) (start + size + extra.size()));
          extra.write(value, 0, value.length);
          if (extra.size() % 2 == 1) {
            extra.write(0);
          }
        }
      }
      ifd.putInt(0); // no further directory
      ByteArrayOutputStream all = new ByteArrayOutputStream(size + extra.size());
      all.write(ifd.array(), 0, size);
      all.write(extra.toByteArray(), 0, extra.size());
      return all.toByteArray();
    }
  }

  private static long[] filled(int n, long value) {
    long[] v = new long[n];
    Arrays.fill(v, value);
    return v;
  }

  private static String format(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v)
        ? Long.toString((long) v)
        : Double.toString(v);
  }

  private static int sampleFormat(int type) {
    return switch (type) {
      case DataBuffer.TYPE_BYTE, DataBuffer.TYPE_USHORT -> 1; // unsigned integer
      case DataBuffer.TYPE_SHORT, DataBuffer.TYPE_INT -> 2; // signed integer
      default -> 3; // IEEE floating point
    };
  }
}
