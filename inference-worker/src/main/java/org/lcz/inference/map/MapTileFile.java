package org.lcz.inference.map;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TiffReader;
import org.lcz.raster.GdalMetadata;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.scheme.LczCatalog;
import org.lcz.scheme.LczClass;

/**
 * A map tile as a file: a GeoTIFF written by {@link LczTiff} with the bands {@code lcz} (WUDAPT
 * colour table), {@code classProbability} and one probability band per LCZ class (percent),
 * georeferenced at the output resolution, the model version in its metadata; read back for scene
 * assembly.
 */
public final class MapTileFile {
  /** Metadata item naming the model version. */
  public static final String MODEL_VERSION = "LCZ_MODEL_VERSION";

  /** The bands of a map tile. */
  public static final LczTiff.MapBands LAYOUT = layout();

  private MapTileFile() {}

  /** Per-class probability band names: {@code LCZ 1 Compact highrise} … {@code LCZ G Water}. */
  public static List<String> probabilityBandNames() {
    List<String> names = new ArrayList<>();
    for (LczClass c : LczCatalog.standard().classes()) {
      names.add("LCZ " + c.code() + " " + c.name());
    }
    return names;
  }

  private static LczTiff.MapBands layout() {
    List<String> names = new ArrayList<>(List.of("lcz", "classProbability"));
    names.addAll(probabilityBandNames());
    return new LczTiff.MapBands(names, true, 0);
  }

  /** The GeoTIFF bytes of {@code tile}. */
  public static byte[] write(MapTile tile, int epsg, boolean projected) {
    int block = Math.min(256, 16 * ((Math.max(tile.width(), tile.height()) + 15) / 16));
    int cells = tile.width() * tile.height();
    List<byte[]> bands = new ArrayList<>(List.of(tile.classes(), tile.confidence()));
    for (int c = 0; c < MapTile.CLASSES; c++) {
      bands.add(Arrays.copyOfRange(tile.probabilities(), c * cells, (c + 1) * cells));
    }
    return LczTiff.write(
        List.of(new GeoTiffWriter.Level(tile.width(), tile.height(), bands)),
        LAYOUT,
        block,
        new LczTiff.MapPlacement(
            tile.geoTransform(), epsg, projected, Map.of(MODEL_VERSION, tile.modelVersion())));
  }

  /**
   * Reads a map tile written by {@link #write}.
   *
   * @throws IllegalArgumentException if the bytes are not such a file
   */
  public static MapTile read(byte[] tiff) {
    try {
      FileDirectory d = TiffReader.readTiff(tiff).getFileDirectory();
      Rasters r = d.readRasters();
      if (r.getSamplesPerPixel() != LAYOUT.bands()) {
        throw new IllegalArgumentException(
            "a map tile has "
                + LAYOUT.bands()
                + " bands (lcz, classProbability, one per class), this file "
                + r.getSamplesPerPixel());
      }
      List<byte[]> bands = bands(r);
      int cells = r.getWidth() * r.getHeight();
      byte[] probabilities = new byte[MapTile.CLASSES * cells];
      for (int c = 0; c < MapTile.CLASSES; c++) {
        System.arraycopy(bands.get(2 + c), 0, probabilities, c * cells, cells);
      }
      List<Double> scale = d.getModelPixelScale();
      List<Double> tie = d.getModelTiepoint();
      double[] g = {tie.get(3), scale.get(0), 0, tie.get(4), 0, -scale.get(1)};
      return new MapTile(
          r.getWidth(),
          r.getHeight(),
          bands.get(0),
          bands.get(1),
          probabilities,
          g,
          modelVersion(d));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a readable map tile: " + e.getMessage(), e);
    }
  }

  /**
   * The full-resolution bands of a GeoTIFF of uint8 bands written by {@link LczTiff} (a map tile or
   * a scene COG), each row-major.
   */
  public static List<byte[]> bands(byte[] tiff) {
    return bands(TiffReader.readTiff(tiff).getFileDirectory().readRasters());
  }

  private static List<byte[]> bands(Rasters r) {
    int w = r.getWidth();
    int h = r.getHeight();
    List<byte[]> bands = new ArrayList<>();
    for (int b = 0; b < r.getSamplesPerPixel(); b++) {
      byte[] band = new byte[w * h];
      for (int y = 0; y < h; y++) {
        System.arraycopy(r.getSampleRow(y, b, ByteOrder.LITTLE_ENDIAN), 0, band, y * w, w);
      }
      bands.add(band);
    }
    return bands;
  }

  private static String modelVersion(FileDirectory d) {
    Object xml = d.getStringEntryValue(FieldTagType.GDAL_METADATA);
    String s = xml == null ? "" : xml.toString();
    String version = GdalMetadata.item(s, MODEL_VERSION);
    if (version == null) {
      throw new IllegalArgumentException("the map tile does not name its model version");
    }
    return version;
  }
}
