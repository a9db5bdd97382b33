package org.lcz.inference.map;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.lcz.raster.GdalMetadata;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * Writes LCZ rasters as GeoTIFFs in the Cloud-Optimized GeoTIFF layout: 8-bit bands, pixel
 * interleaved, named as the {@link MapBands} says (the first with the WUDAPT palette as colour
 * table when it holds classes), internal tiles compressed with DEFLATE, one nodata value, and
 * optional overviews. Layout (what GDAL's COG validator checks): the header, then every IFD (full
 * resolution first, then overviews by decreasing size), then the tiles of the smallest overview
 * first and of the full resolution last, each image's tiles row by row.
 *
 * <p>Apache SIS 1.6 writes neither overviews nor this layout and mil.nga's TIFF writer puts each
 * image's data right after its IFD, so the layout is written here (classic little-endian TIFF).
 */
public final class LczTiff {
  /**
   * The bands of a file: their names (GDAL band descriptions), whether band 1 holds classes and
   * gets the WUDAPT colour table, and the nodata value of every band.
   */
  public record MapBands(List<String> bandNames, boolean palette, int nodata) {
    public MapBands {
      bandNames = List.copyOf(bandNames);
      if (bandNames.isEmpty() || nodata < 0 || nodata > 255) {
        throw new IllegalArgumentException("a layout needs bands and a nodata value 0..255");
      }
    }

    public int bands() {
      return bandNames.size();
    }
  }

  private static final int ASCII = 2;
  private static final int SHORT = 3;
  private static final int LONG = 4;
  private static final int DOUBLE = 12;

  private LczTiff() {}

  /** One resolution level: each band's values, row-major. */
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
   * Where the map lies and what to say about it.
   *
   * @param geoTransform GDAL's six numbers of the full-resolution grid (north-up)
   * @param epsg the CRS's EPSG code
   * @param projected whether that CRS is projected (else geographic)
   * @param metadata dataset metadata items (e.g. the model version), shown by {@code gdalinfo}
   */
  public record MapPlacement(
      double[] geoTransform, int epsg, boolean projected, Map<String, String> metadata) {}

  /** The GeoTIFF bytes of {@code levels} (full resolution first), in tiles of {@code blockSize}. */
  public static byte[] write(
      List<Level> levels, MapBands layout, int blockSize, MapPlacement where) {
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("no image to write");
    }
    for (Level l : levels) {
      if (l.bands().size() != layout.bands()) {
        throw new IllegalArgumentException(
            "levels of " + l.bands().size() + " bands for a layout of " + layout.bands());
      }
    }
    if (blockSize < 16 || blockSize % 16 != 0) {
      throw new IllegalArgumentException("TIFF tiles must be a multiple of 16: " + blockSize);
    }
    List<List<byte[]>> tiles = new ArrayList<>();
    for (Level level : levels) {
      tiles.add(compressTiles(level, blockSize));
    }
    List<Ifd> ifds = new ArrayList<>();
    for (int i = 0; i < levels.size(); i++) {
      ifds.add(
          ifd(levels.get(i), layout, blockSize, i == 0 ? where : null, i > 0, tiles.get(i).size()));
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
    if (offset > 0xFFFF_FFFFL) {
      throw new IllegalArgumentException("the map exceeds 4 GB; classic TIFF cannot hold it");
    }
    ByteBuffer out = ByteBuffer.allocate((int) offset).order(ByteOrder.LITTLE_ENDIAN);
    out.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt((int) ifdOffsets[0]);
    for (int i = 0; i < ifds.size(); i++) {
      long[] counts = tiles.get(i).stream().mapToLong(b -> b.length).toArray();
      ifds.get(i)
          .write(
              out,
              ifdOffsets[i],
              i + 1 < ifds.size() ? ifdOffsets[i + 1] : 0,
              tileOffsets[i],
              counts);
    }
    for (int i = levels.size() - 1; i >= 0; i--) {
      for (byte[] t : tiles.get(i)) {
        out.put(t);
      }
    }
    return out.array();
  }

  private static List<byte[]> compressTiles(Level level, int block) {
    int across = (level.width() + block - 1) / block;
    int down = (level.height() + block - 1) / block;
    List<byte[]> out = new ArrayList<>(across * down);
    int n = level.bands().size();
    byte[] raw = new byte[block * block * n];
    byte[] buffer = new byte[raw.length + 1024];
    Deflater deflater = new Deflater(6);
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

  /** The tags of one image file directory, sorted by tag as TIFF requires. */
  private static Ifd ifd(
      Level level, MapBands layout, int block, MapPlacement where, boolean overview, int tiles) {
    int n = layout.bands();
    Ifd d = new Ifd();
    if (overview) {
      d.longs(254, 1); // NewSubfileType: reduced-resolution image
    }
    d.longs(256, level.width());
    d.longs(257, level.height());
    d.shorts(258, repeat(8, n)); // BitsPerSample
    d.shorts(259, 8); // Compression: DEFLATE (zlib)
    d.shorts(262, layout.palette() ? 3 : 1); // Photometric: palette (band 1) or min-is-black
    d.shorts(277, n); // SamplesPerPixel
    d.shorts(284, 1); // PlanarConfiguration: pixel-interleaved
    if (layout.palette()) {
      d.shorts(320, colourMap()); // ColorMap
    }
    d.shorts(322, block); // TileWidth
    d.shorts(323, block); // TileLength
    d.tileOffsets(tiles); // 324, 325
    if (n > 1) {
      d.shorts(338, repeat(0, n - 1)); // ExtraSamples: unspecified (none is alpha)
    }
    d.shorts(339, repeat(1, n)); // SampleFormat: unsigned
    if (where != null) {
      double[] g = where.geoTransform();
      d.doubles(33550, g[1], -g[5], 0); // ModelPixelScale
      d.doubles(33922, 0, 0, 0, g[0], g[3], 0); // ModelTiepoint
      d.shorts(
          34735,
          1,
          1,
          0,
          3, // GeoKeyDirectory version 1.1.0, three keys
          1024,
          0,
          1,
          where.projected() ? 1 : 2, // GTModelType
          1025,
          0,
          1,
          1, // GTRasterType: PixelIsArea
          where.projected() ? 3072 : 2048,
          0,
          1,
          where.epsg()); // ProjectedCSType / GeographicType
      d.ascii(42112, GdalMetadata.xml(where.metadata(), layout.bandNames()));
    }
    d.ascii(42113, Integer.toString(layout.nodata())); // GDAL_NODATA
    return d;
  }

  private static int[] repeat(int value, int n) {
    int[] a = new int[n];
    Arrays.fill(a, value);
    return a;
  }

  private static int[] colourMap() {
    int[] map = new int[3 * 256];
    for (LczClass c : LczCatalog.standard().classes()) {
      int v = c.value();
      map[v] = ((c.rgb() >> 16) & 0xFF) * 257;
      map[256 + v] = ((c.rgb() >> 8) & 0xFF) * 257;
      map[512 + v] = (c.rgb() & 0xFF) * 257;
    }
    return map;
  }

  /** An IFD under construction: entries in tag order, values too large for an entry after it. */
  private static final class Ifd {
    private record Entry(int tag, int type, int count, byte[] value) {}

    private final List<Entry> entries = new ArrayList<>();
    private int tileCount = -1;

    void shorts(int tag, int... v) {
      ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(ByteOrder.LITTLE_ENDIAN);
      for (int x : v) {
        b.putShort((short) x);
      }
      entries.add(new Entry(tag, SHORT, v.length, b.array()));
    }

    void longs(int tag, long... v) {
      ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
      for (long x : v) {
        b.putInt((int) x);
      }
      entries.add(new Entry(tag, LONG, v.length, b.array()));
    }

    void doubles(int tag, double... v) {
      ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
      for (double x : v) {
        b.putDouble(x);
      }
      entries.add(new Entry(tag, DOUBLE, v.length, b.array()));
    }

    void ascii(int tag, String s) {
      byte[] chars = (s + "\0").getBytes(StandardCharsets.US_ASCII);
      entries.add(new Entry(tag, ASCII, chars.length, chars));
    }

    /** TileOffsets and TileByteCounts, filled in when the layout is known. */
    void tileOffsets(int count) {
      tileCount = count;
      entries.add(new Entry(324, LONG, count, new byte[4 * count]));
      entries.add(new Entry(325, LONG, count, new byte[4 * count]));
    }

    long size() {
      long size = 2 + 12L * entries.size() + 4;
      for (Entry e : entries) {
        if (e.value().length > 4) {
          size += e.value().length + (e.value().length & 1);
        }
      }
      return size;
    }

    void write(ByteBuffer out, long at, long next, long[] offsets, long[] counts) {
      if (offsets.length != tileCount) {
        throw new IllegalStateException("tile count changed");
      }
      out.position((int) at);
      long values = at + 2 + 12L * entries.size() + 4;
      out.putShort((short) entries.size());
      List<byte[]> outOfLine = new ArrayList<>();
      for (Entry e : entries) {
        byte[] value = e.value();
        if (e.tag() == 324 || e.tag() == 325) {
          ByteBuffer b = ByteBuffer.wrap(value).order(ByteOrder.LITTLE_ENDIAN);
          for (long v : e.tag() == 324 ? offsets : counts) {
            b.putInt((int) v);
          }
        }
        out.putShort((short) e.tag()).putShort((short) e.type()).putInt(e.count());
        if (value.length <= 4) {
          out.put(value);
          for (int i = value.length; i < 4; i++) {
            out.put((byte) 0);
          }
        } else {
          out.putInt((int) values);
          outOfLine.add(value);
          values += value.length + (value.length & 1);
        }
      }
      out.putInt((int) next);
      for (byte[] v : outOfLine) {
        out.put(v);
        if ((v.length & 1) == 1) {
          out.put((byte) 0);
        }
      }
    }
  }
}
