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
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * The platform's one TIFF writer: GeoTIFFs that GDAL reads with their georeferencing, band names
 * (GDAL band descriptions), nodata value and sample type, the CRS written as an EPSG code
 * (projected or geographic), the grid north-up with the given geotransform. Two layouts:
 *
 * <ul>
 *   <li><b>Strips</b>, for the platform's intermediate tiles ({@link #write(Raster, Georeference,
 *       List, Double)}, and streamed for images larger than the heap, chunk by chunk of rows,
 *       {@link #write(Path, Layout, Georeference, List, Double, RowSource)}): any sample type,
 *       little-endian, one plane per band in strips of about 64 KiB, DEFLATE at {@link
 *       #STRIP_LEVEL} (zlib's fastest) with the horizontal predictor for integer samples (GDAL's
 *       {@code PREDICTOR=2}), which keeps the files near the default level's size at a fraction of
 *       its time (docs/benchmarks.md, "Tiling"). Strips, not tiles: Apache SIS reads the predictor
 *       wrongly only with internal tiles wider than the image ({@link EncodingGuard}).
 *   <li><b>Cloud-Optimized GeoTIFF</b>, for maps ({@link #cog}): 8-bit bands, pixel interleaved,
 *       internal tiles, overviews, an optional colour table, dataset metadata.
 * </ul>
 *
 * Both build their image file directories with one {@link TiffDirectory}. One call uses one thread;
 * tiles are written in parallel by their callers.
 */
public final class GeoTiffWriter {
  /** The DEFLATE level of strips: 1, zlib's fastest. */
  static final int STRIP_LEVEL = Deflater.BEST_SPEED;

  private static final int STRIP_BYTES = 64 << 10;

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
    Deflater deflater = new Deflater(STRIP_LEVEL);
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

    TiffDirectory dir = new TiffDirectory();
    dir.longs(256, w);
    dir.longs(257, h);
    dir.shortsFilled(258, bands, bytes * 8);
    dir.shorts(259, 8); // DEFLATE (Adobe)
    dir.shorts(262, 1); // BlackIsZero
    dir.longs(273, offsets);
    dir.shorts(277, bands);
    dir.longs(278, rowsPerStrip);
    dir.longs(279, counts);
    dir.shorts(284, 2); // planar: one plane per band
    if (integer) {
      dir.shorts(317, 2); // horizontal differencing
    }
    if (bands > 1) {
      // one grey channel, the others "unspecified" extra samples (what GDAL writes and expects)
      dir.shortsFilled(338, bands - 1, 0);
    }
    dir.shortsFilled(339, bands, sampleFormat(type));
    dir.georeference(where);
    dir.ascii(42112, GdalMetadata.xml(Map.of(), bandNames));
    if (nodata != null) {
      dir.ascii(42113, format(nodata));
    }
    long directoryAt = out.position();
    byte[] directory = dir.bytes(directoryAt, 0);
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

  /** One resolution level of an 8-bit image: each band's values, row-major. */
  public record Level(int width, int height, List<byte[]> bands) {
    public Level {
      bands = List.copyOf(bands);
      for (byte[] b : bands) {
        if (b.length != width * height) {
          throw new IllegalArgumentException(
              "a " + width + "×" + height + " level needs as many values per band");
        }
      }
    }

    /** Band {@code b}'s values (0-based). */
    public byte[] band(int b) {
      return bands.get(b);
    }
  }

  /**
   * The bands of an 8-bit COG: their names (GDAL band descriptions), the nodata value of every
   * band, and band 1's colour table ({@code 3 × 256} 16-bit values, reds then greens then blues, as
   * TIFF's ColorMap) or {@code null} for grey bands.
   */
  public record CogBands(List<String> names, int nodata, int[] colourMap) {
    public CogBands {
      names = List.copyOf(names);
      if (names.isEmpty() || nodata < 0 || nodata > 255) {
        throw new IllegalArgumentException("a COG needs bands and a nodata value 0..255");
      }
      if (colourMap != null && colourMap.length != 3 * 256) {
        throw new IllegalArgumentException("a colour table has 3 × 256 entries");
      }
    }
  }

  /** The DEFLATE level of COG tiles: zlib's default (maps are written once and read often). */
  static final int COG_LEVEL = 6;

  /**
   * The Cloud-Optimized GeoTIFF bytes of {@code levels} (full resolution first, then overviews by
   * decreasing size): 8-bit bands, pixel interleaved, internal tiles of {@code blockSize}
   * compressed with DEFLATE, one nodata value, dataset {@code metadata} (shown by {@code
   * gdalinfo}). Layout (what GDAL's COG validator checks): the header, then every IFD, then the
   * tiles of the smallest overview first and of the full resolution last, each image's tiles row by
   * row. Apache SIS 1.6 writes neither overviews nor this layout and mil.nga's TIFF writer puts
   * each image's data right after its IFD, so the layout is written here.
   */
  public static byte[] cog(
      List<Level> levels,
      int blockSize,
      Georeference where,
      CogBands bands,
      Map<String, String> metadata) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("no image to write");
    }
    for (Level l : levels) {
      if (l.bands().size() != bands.names().size()) {
        throw new IllegalArgumentException(
            "levels of " + l.bands().size() + " bands for " + bands.names().size() + " names");
      }
    }
    if (blockSize < 16 || blockSize % 16 != 0) {
      throw new IllegalArgumentException("TIFF tiles must be a multiple of 16: " + blockSize);
    }
    List<List<byte[]>> tiles = new ArrayList<>();
    List<TiffDirectory> ifds = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      tiles.add(compressTiles(levels.get(i), blockSize));
      ifds.add(
          cogDirectory(
              levels.get(i),
              bands,
              blockSize,
              i == 0 ? where : null,
              metadata,
              i > 0,
              tiles.get(i)));
    }
    // offsets: header, IFDs with their out-of-line values, then tile data (smallest level first)
    long offset = 8;
    long[] ifdOffsets = new long[ifds.size()];
    for (int i = 0; i < ifds.size(); i++) {
      ifdOffsets[i] = offset;
      offset += ifds.get(i).size();
    }
    long[][] tileOffsets = new long[levels.size()][];
    for (int i = levels.size() - 1; i >= 0; i--) {
      List<byte[]> t = tiles.get(i);
      tileOffsets[i] = new long[t.size()];
      for (int j = 0; j < t.size(); j++) {
        tileOffsets[i][j] = offset;
        offset += t.get(j).length;
      }
    }
    if (offset > MAX_CLASSIC_TIFF) {
      throw new IllegalArgumentException("the map exceeds 4 GB; classic TIFF cannot hold it");
    }
    ByteBuffer out = ByteBuffer.allocate((int) offset).order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifdOffsets[0]);
    for (int i = 0; i < ifds.size(); i++) {
      TiffDirectory ifd = ifds.get(i).longs(324, tileOffsets[i]);
      out.put(ifd.bytes(ifdOffsets[i], i + 1 < ifds.size() ? ifdOffsets[i + 1] : 0));
    }
    for (int i = levels.size() - 1; i >= 0; i--) {
      for (byte[] t : tiles.get(i)) {
        out.put(t);
      }
    }
    return out.array();
  }

  /** One COG level's tiles, pixel-interleaved and DEFLATE-compressed, row by row. */
  private static List<byte[]> compressTiles(Level level, int block) {
    int across = (level.width() + block - 1) / block;
    int down = (level.height() + block - 1) / block;
    List<byte[]> out = new ArrayList<>(across * down);
    int n = level.bands().size();
    byte[] raw = new byte[block * block * n];
    byte[] buffer = new byte[raw.length + 1024];
    Deflater deflater = new Deflater(COG_LEVEL);
    try {
      for (int ty = 0; ty < down; ty++) {
        for (int tx = 0; tx < across; tx++) {
          Arrays.fill(raw, (byte) 0);
          int w = Math.min(block, level.width() - tx * block);
          int h = Math.min(block, level.height() - ty * block);
          for (int y = 0; y < h; y++) {
            int src = (ty * block + y) * level.width() + tx * block;
            int dst = y * block * n;
            for (int b = 0; b < n; b++) {
              byte[] band = level.band(b);
              for (int x = 0; x < w; x++) {
                raw[dst + n * x + b] = band[src + x];
              }
            }
          }
          deflater.reset();
          deflater.setInput(raw);
          deflater.finish();
          ByteArrayOutputStream tile = new ByteArrayOutputStream();
          while (!deflater.finished()) {
            int written = deflater.deflate(buffer);
            tile.write(buffer, 0, written);
          }
          out.add(tile.toByteArray());
        }
      }
    } finally {
      deflater.end();
    }
    return out;
  }

  /**
   * The tags of one COG image ({@code where} only for the full resolution); the tile offsets are
   * reserved and set once the layout is known.
   */
  private static TiffDirectory cogDirectory(
      Level level,
      CogBands bands,
      int block,
      Georeference where,
      Map<String, String> metadata,
      boolean overview,
      List<byte[]> tiles) {
    int n = bands.names().size();
    TiffDirectory d = new TiffDirectory();
    if (overview) {
      d.longs(254, 1); // NewSubfileType: reduced-resolution image
    }
    d.longs(256, level.width());
    d.longs(257, level.height());
    d.shortsFilled(258, n, 8); // BitsPerSample
    d.shorts(259, 8); // Compression: DEFLATE (zlib)
    d.shorts(262, bands.colourMap() != null ? 3 : 1); // Photometric: palette or min-is-black
    d.shorts(277, n); // SamplesPerPixel
    d.shorts(284, 1); // PlanarConfiguration: pixel-interleaved
    if (bands.colourMap() != null) {
      d.shorts(320, Arrays.stream(bands.colourMap()).asLongStream().toArray()); // ColorMap
    }
    d.shorts(322, block); // TileWidth
    d.shorts(323, block); // TileLength
    d.longs(324, new long[tiles.size()]); // TileOffsets, set by the layout
    d.longs(325, tiles.stream().mapToLong(t -> t.length).toArray()); // TileByteCounts
    if (n > 1) {
      d.shortsFilled(338, n - 1, 0); // ExtraSamples: unspecified (none is alpha)
    }
    d.shortsFilled(339, n, 1); // SampleFormat: unsigned
    if (where != null) {
      d.georeference(where);
      d.ascii(42112, GdalMetadata.xml(metadata, bands.names()));
    }
    d.ascii(42113, Integer.toString(bands.nodata())); // GDAL_NODATA
    return d;
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
