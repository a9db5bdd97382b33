package org.lcz.raster;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * One image file directory of a classic little-endian TIFF: entries kept in tag order (as TIFF
 * requires, whatever order they are set in), values longer than four bytes placed right after the
 * directory, each on a word boundary. A tag set twice keeps its last value, so a writer can reserve
 * offsets before it knows them and set them later ({@link #size()} does not change as long as the
 * value counts do). The one directory writer under {@link GeoTiffWriter}'s strip and COG layouts.
 */
final class TiffDirectory {
  static final short ASCII = 2;
  static final short SHORT = 3;
  static final short LONG = 4;
  static final short DOUBLE = 12;

  /** A tag's TIFF type, value count and little-endian value bytes. */
  private record Entry(short type, int count, byte[] value) {}

  private final TreeMap<Integer, Entry> entries = new TreeMap<>();

  /** 16-bit unsigned values. */
  TiffDirectory shorts(int tag, long... values) {
    return integers(tag, SHORT, values);
  }

  /** 32-bit unsigned values. */
  TiffDirectory longs(int tag, long... values) {
    return integers(tag, LONG, values);
  }

  /** {@code count} copies of one 16-bit value. */
  TiffDirectory shortsFilled(int tag, int count, long value) {
    long[] v = new long[count];
    Arrays.fill(v, value);
    return shorts(tag, v);
  }

  TiffDirectory doubles(int tag, double... values) {
    ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (double x : values) {
      b.putDouble(x);
    }
    entries.put(tag, new Entry(DOUBLE, values.length, b.array()));
    return this;
  }

  /** A NUL-terminated ASCII value. */
  TiffDirectory ascii(int tag, String text) {
    byte[] value = (text + "\0").getBytes(StandardCharsets.US_ASCII);
    entries.put(tag, new Entry(ASCII, value.length, value));
    return this;
  }

  /**
   * GeoTIFF's placement of a north-up grid: ModelPixelScale, ModelTiepoint and a GeoKey directory
   * naming the CRS by its EPSG code (projected or geographic), pixels as areas.
   */
  TiffDirectory georeference(GeoTiffWriter.Georeference where) {
    double[] g = where.geoTransform();
    doubles(33550, g[1], -g[5], 0.0); // ModelPixelScale
    doubles(33922, 0.0, 0.0, 0.0, g[0], g[3], 0.0); // ModelTiepoint
    return shorts(
        34735,
        1,
        1,
        0,
        3, // GeoKeyDirectory version 1.1.0, three keys
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
        where.epsg()); // ProjectedCSType / GeographicType
  }

  /** The directory's length in bytes with its out-of-line values. */
  long size() {
    long size = 2 + 12L * entries.size() + 4;
    for (Entry e : entries.values()) {
      if (e.value().length > 4) {
        size += e.value().length + (e.value().length & 1);
      }
    }
    return size;
  }

  /** The directory's bytes when it starts at {@code start}, pointing to {@code next} (0: last). */
  byte[] bytes(long start, long next) {
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
    ifd.putInt((int) next);
    ByteArrayOutputStream all = new ByteArrayOutputStream(size + extra.size());
    all.write(ifd.array(), 0, size);
    all.write(extra.toByteArray(), 0, extra.size());
    return all.toByteArray();
  }

  private TiffDirectory integers(int tag, short type, long[] values) {
    ByteBuffer b =
        ByteBuffer.allocate((type == SHORT ? 2 : 4) * values.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long x : values) {
      if (type == SHORT) {
        b.putShort((short) x);
      } else {
        b.putInt((int) x);
      }
    }
    entries.put(tag, new Entry(type, values.length, b.array()));
    return this;
  }
}
