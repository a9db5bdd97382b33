package org.lcz.common.raster;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import mil.nga.tiff.util.TiffConstants;

/**
 * Writes a raster as a DEFLATE-compressed GeoTIFF that GDAL reads with its georeferencing, band
 * names (GDAL band descriptions), nodata value and the source sample type. The CRS is written as an
 * EPSG code (projected or geographic); the grid is north-up with the given geotransform.
 */
public final class GeoTiffWriter {
  private static final int ROWS_PER_STRIP = 16;

  private GeoTiffWriter() {}

  /** Where the pixels are: GDAL's geotransform and the CRS's EPSG code. */
  public record Georeference(double[] geoTransform, int epsg, boolean projected) {}

  /** The GeoTIFF bytes of {@code data}. */
  public static byte[] write(
      Raster data, Georeference where, List<String> bandNames, Double nodata) {
    int w = data.getWidth();
    int h = data.getHeight();
    int bands = data.getNumBands();
    if (bandNames.size() != bands) {
      throw new IllegalArgumentException(bands + " bands but " + bandNames.size() + " names");
    }
    int type = data.getSampleModel().getDataType();
    FieldType field = fieldType(type);
    ByteBuffer[] samples = new ByteBuffer[bands];
    double[] row = new double[w];
    for (int b = 0; b < bands; b++) {
      ByteBuffer buffer = ByteBuffer.allocate(w * h * field.getBytes()).order(ByteOrder.BIG_ENDIAN);
      for (int y = 0; y < h; y++) {
        data.getSamples(data.getMinX(), data.getMinY() + y, w, 1, b, row);
        for (double v : row) {
          put(buffer, type, v);
        }
      }
      buffer.flip();
      samples[b] = buffer;
    }
    FieldType[] types = new FieldType[bands];
    java.util.Arrays.fill(types, field);
    Rasters rasters = new Rasters(w, h, types, samples);

    FileDirectory dir = new FileDirectory();
    dir.setImageWidth(w);
    dir.setImageHeight(h);
    dir.setBitsPerSample(field.getBits());
    dir.setSamplesPerPixel(bands);
    dir.setSampleFormat(sampleFormat(type));
    dir.setCompression(TiffConstants.COMPRESSION_DEFLATE);
    dir.setPhotometricInterpretation(TiffConstants.PHOTOMETRIC_INTERPRETATION_BLACK_IS_ZERO);
    dir.setPlanarConfiguration(TiffConstants.PLANAR_CONFIGURATION_PLANAR);
    if (bands > 1) {
      // one grey channel, the others "unspecified" extra samples (what GDAL writes and expects)
      dir.setUnsignedIntegerListEntryValue(
          FieldTagType.ExtraSamples, java.util.Collections.nCopies(bands - 1, 0));
    }
    dir.setRowsPerStrip(Math.min(ROWS_PER_STRIP, h));
    dir.setWriteRasters(rasters);
    double[] g = where.geoTransform();
    dir.setModelPixelScale(List.of(g[1], -g[5], 0.0));
    dir.setModelTiepoint(List.of(0.0, 0.0, 0.0, g[0], g[3], 0.0));
    dir.setUnsignedIntegerListEntryValue(
        FieldTagType.GeoKeyDirectory,
        List.of(
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
            where.epsg())); // ProjectedCSType / GeographicType
    dir.setStringEntryValue(FieldTagType.GDAL_METADATA, gdalMetadata(bandNames));
    if (nodata != null) {
      dir.setStringEntryValue(FieldTagType.GDAL_NODATA, format(nodata));
    }
    TIFFImage image = new TIFFImage();
    image.add(dir);
    try {
      return TiffWriter.writeTiffToBytes(image);
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the GeoTIFF", e);
    }
  }

  private static String gdalMetadata(List<String> names) {
    StringBuilder xml = new StringBuilder("<GDALMetadata>");
    for (int b = 0; b < names.size(); b++) {
      xml.append("<Item name=\"DESCRIPTION\" sample=\"")
          .append(b)
          .append("\" role=\"description\">")
          .append(escape(names.get(b)))
          .append("</Item>");
    }
    return xml.append("</GDALMetadata>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String format(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v)
        ? Long.toString((long) v)
        : Double.toString(v);
  }

  private static FieldType fieldType(int type) {
    return switch (type) {
      case DataBuffer.TYPE_BYTE -> FieldType.BYTE;
      case DataBuffer.TYPE_SHORT -> FieldType.SSHORT;
      case DataBuffer.TYPE_USHORT -> FieldType.SHORT;
      case DataBuffer.TYPE_INT -> FieldType.SLONG;
      case DataBuffer.TYPE_FLOAT -> FieldType.FLOAT;
      case DataBuffer.TYPE_DOUBLE -> FieldType.DOUBLE;
      default -> throw new IllegalArgumentException("unsupported sample type " + type);
    };
  }

  private static int sampleFormat(int type) {
    return switch (type) {
      case DataBuffer.TYPE_BYTE, DataBuffer.TYPE_USHORT -> TiffConstants.SAMPLE_FORMAT_UNSIGNED_INT;
      case DataBuffer.TYPE_SHORT, DataBuffer.TYPE_INT -> TiffConstants.SAMPLE_FORMAT_SIGNED_INT;
      default -> TiffConstants.SAMPLE_FORMAT_FLOAT;
    };
  }

  private static void put(ByteBuffer buffer, int type, double v) {
    switch (type) {
      case DataBuffer.TYPE_BYTE -> buffer.put((byte) (int) v);
      case DataBuffer.TYPE_SHORT, DataBuffer.TYPE_USHORT -> buffer.putShort((short) (int) v);
      case DataBuffer.TYPE_INT -> buffer.putInt((int) v);
      case DataBuffer.TYPE_FLOAT -> buffer.putFloat((float) v);
      default -> buffer.putDouble(v);
    }
  }
}
