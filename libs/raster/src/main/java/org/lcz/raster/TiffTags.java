package org.lcz.raster;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.sis.util.collection.TableColumn;
import org.apache.sis.util.collection.TreeTable;

/**
 * The TIFF facts of a file's first image that decide whether it can be read correctly, taken from
 * the native metadata tree Apache SIS reports (no TIFF parsing of our own).
 *
 * @param width image width in pixels
 * @param height image height in pixels
 * @param compression SIS's name for the compression (e.g. {@code DEFLATE}), or the TIFF code
 * @param predictor {@code NONE}, {@code HORIZONTAL_DIFFERENCING}, {@code FLOAT}…
 * @param tileWidth internal tile width, 0 for strips
 * @param blockHeight internal tile height, or rows per strip
 * @param bitsPerSample bits of one sample of one band
 * @param planar whether bands are stored apart (band interleave) rather than pixel by pixel
 * @param bandNames GDAL band descriptions by band (empty strings where a band has none)
 * @param gdalNodata GDAL's nodata value, if the file has one
 * @param bandScales GDAL band scales by band ({@code null} where a band has none)
 * @param bandOffsets GDAL band offsets by band ({@code null} where a band has none)
 * @param datasetMetadata the file's own metadata items: the TIFF {@code DateTime} tag as {@code
 *     TIFFTAG_DATETIME} and GDAL's dataset-level items (e.g. {@code ACQUISITION_DATE}), by name
 */
public record TiffTags(
    int width,
    int height,
    String compression,
    String predictor,
    int tileWidth,
    int blockHeight,
    int bitsPerSample,
    boolean planar,
    List<String> bandNames,
    Double gdalNodata,
    List<Double> bandScales,
    List<Double> bandOffsets,
    Map<String, String> datasetMetadata) {

  /** The TIFF {@code DateTime} tag's name among {@link #datasetMetadata}, as GDAL names it. */
  public static final String DATETIME = "TIFFTAG_DATETIME";

  public TiffTags {
    bandNames = List.copyOf(bandNames);
    datasetMetadata = Map.copyOf(datasetMetadata);
    bandScales = Collections.unmodifiableList(new ArrayList<>(bandScales));
    bandOffsets = Collections.unmodifiableList(new ArrayList<>(bandOffsets));
  }

  /** Facts without dataset-level metadata. */
  public TiffTags(
      int width,
      int height,
      String compression,
      String predictor,
      int tileWidth,
      int blockHeight,
      int bitsPerSample,
      boolean planar,
      List<String> bandNames,
      Double gdalNodata,
      List<Double> bandScales,
      List<Double> bandOffsets) {
    this(
        width,
        height,
        compression,
        predictor,
        tileWidth,
        blockHeight,
        bitsPerSample,
        planar,
        bandNames,
        gdalNodata,
        bandScales,
        bandOffsets,
        Map.of());
  }

  /** Reads the facts of image #0 from SIS's native metadata tree of a TIFF file. */
  static TiffTags of(TreeTable nativeMetadata, int bands) {
    TreeTable.Node image = child(nativeMetadata.getRoot(), "Image #0");
    if (image == null) {
      throw new IllegalArgumentException("no image in the TIFF metadata");
    }
    List<String> names = new ArrayList<>();
    List<Double> scales = new ArrayList<>();
    List<Double> offsets = new ArrayList<>();
    for (int b = 0; b < bands; b++) {
      names.add("");
      scales.add(null);
      offsets.add(null);
    }
    Map<String, String> dataset = new TreeMap<>();
    String dateTime = text(child(image, "DateTime"));
    if (dateTime != null && !dateTime.isBlank()) {
      dataset.put(DATETIME, dateTime.trim());
    }
    TreeTable.Node gdal = child(image, "GDAL_METADATA");
    TreeTable.Node items = gdal == null ? null : child(gdal, "GDALMetadata");
    if (items != null) {
      for (TreeTable.Node item : items.getChildren()) {
        Object what = item.getValue(TableColumn.NAME);
        String sample = text(child(item, "sample"));
        if (sample == null && what != null && text(item) != null) {
          dataset.put(what.toString(), GdalMetadata.parsedValue(text(item).trim()));
          continue;
        }
        if (sample == null || !sample.matches("\\d+") || Integer.parseInt(sample) >= bands) {
          continue;
        }
        int b = Integer.parseInt(sample);
        if ("DESCRIPTION".equals(what)) {
          names.set(b, GdalMetadata.parsedValue(text(item)));
        } else if ("SCALE".equals(what)) {
          scales.set(b, parse(text(item).trim()));
        } else if ("OFFSET".equals(what)) {
          offsets.set(b, parse(text(item).trim()));
        }
      }
    }
    String nodata = text(child(image, "GDAL_NODATA"));
    return new TiffTags(
        number(child(image, "ImageWidth")),
        number(child(image, "ImageLength")),
        upper(text(child(image, "Compression")), "NONE"),
        upper(text(child(image, "Predictor")), "NONE"),
        child(image, "TileWidth") == null ? 0 : number(child(image, "TileWidth")),
        blockHeight(image),
        bitsPerSample(child(image, "BitsPerSample")),
        "2".equals(text(child(image, "PlanarConfiguration")))
            || "BANDS".equalsIgnoreCase(text(child(image, "PlanarConfiguration")))
            || "PLANAR".equalsIgnoreCase(text(child(image, "PlanarConfiguration"))),
        names,
        nodata == null || nodata.isBlank() ? null : parse(nodata.trim()),
        scales,
        offsets,
        dataset);
  }

  /**
   * The bytes one internal tile or strip takes once decoded: what reading any window of the image
   * allocates at least.
   */
  public long decodedBlockBytes(int bands) {
    long w = tileWidth > 0 ? tileWidth : width;
    long h = Math.min(blockHeight, (long) height);
    long samples = w * h * (planar ? 1 : bands);
    return samples * Math.max(1, bitsPerSample / 8);
  }

  /** The first value of BitsPerSample (one per band; GDAL writes them equal). */
  private static int bitsPerSample(TreeTable.Node node) {
    Object v = node == null ? null : node.getValue(TableColumn.VALUE);
    if (v != null && v.getClass().isArray() && Array.getLength(v) > 0) {
      v = Array.get(v, 0);
    } else if (v instanceof List<?> l && !l.isEmpty()) {
      v = l.get(0);
    }
    return v instanceof Number n ? n.intValue() : 8;
  }

  private static int blockHeight(TreeTable.Node image) {
    TreeTable.Node tile = child(image, "TileLength");
    if (tile != null) {
      return number(tile);
    }
    TreeTable.Node rows = child(image, "RowsPerStrip");
    if (rows == null) {
      return Integer.MAX_VALUE; // one strip: the whole image
    }
    Object v = rows.getValue(TableColumn.VALUE);
    return v instanceof Number n
        ? (int) Math.min(Integer.MAX_VALUE, n.longValue())
        : Integer.MAX_VALUE;
  }

  private static Double parse(String value) {
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      return value.equalsIgnoreCase("nan") ? Double.NaN : null;
    }
  }

  private static String upper(String value, String fallback) {
    return value == null ? fallback : value.toUpperCase(Locale.ROOT);
  }

  private static TreeTable.Node child(TreeTable.Node node, String name) {
    for (TreeTable.Node c : node.getChildren()) {
      if (name.equals(c.getValue(TableColumn.NAME))) {
        return c;
      }
    }
    return null;
  }

  private static String text(TreeTable.Node node) {
    Object v = node == null ? null : node.getValue(TableColumn.VALUE);
    return v == null ? null : v.toString();
  }

  private static int number(TreeTable.Node node) {
    Object v = node == null ? null : node.getValue(TableColumn.VALUE);
    if (v instanceof Number n) {
      return n.intValue();
    }
    throw new IllegalArgumentException("TIFF tag missing or not a number: " + v);
  }
}
