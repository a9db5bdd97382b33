package org.lcz.synth;

import io.jhdf.WritableHdfFile;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.lcz.contract.Sensors;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.hdf5.BufferedHdf5Writes;

/**
 * Writes a synthetic world as files: the scene ({@code scene.tif}, ten UInt16 bands B2 … B12 named
 * in the file, 10 m pixels in UTM zone 32N), its ground truth ({@code truth.tif}, LCZ values 1–17
 * per 100 m cell on the same extent) and patch data sets in the MSMLA layout ({@code sen2} N × 48 ×
 * 48 × 10 float32 reflectance × 10,000, {@code label} N × 17 one-hot), sampled from worlds with
 * other seeds than the scene's.
 */
public final class WorldFiles {
  /** The bands, in file order. */
  public static final List<String> BANDS = Sensors.SENTINEL_2.defaultBands();

  /** The optional ancillary band: surface height above ground in decimetres. */
  public static final String HEIGHT = "HEIGHT";

  /** The scene's bands: {@link #BANDS}, then {@link #HEIGHT} when asked for. */
  public static List<String> bands(boolean height) {
    if (!height) {
      return BANDS;
    }
    List<String> all = new ArrayList<>(BANDS);
    all.add(HEIGHT);
    return List.copyOf(all);
  }

  /** EPSG code of the scenes (WGS 84 / UTM zone 32N). */
  public static final int EPSG = 32632;

  /** The upper-left corner of every scene, in metres of UTM 32N. */
  public static final double[] ORIGIN = {500000, 5000000};

  private WorldFiles() {}

  /** The scene's geotransform (10 m pixels from {@link #ORIGIN}). */
  public static double[] sceneGeoTransform() {
    return new double[] {ORIGIN[0], 10, 0, ORIGIN[1], 0, -10};
  }

  /** Writes {@code world} as {@code scene.tif} and {@code truth.tif} into {@code dir}. */
  public static void writeScene(SyntheticWorld world, Path dir) throws IOException {
    writeScene(world, dir, false);
  }

  /**
   * Writes {@code world} as {@code scene.tif} (with a {@link #HEIGHT} band after the reflectance
   * bands when {@code height}) and {@code truth.tif} into {@code dir}.
   */
  public static void writeScene(SyntheticWorld world, Path dir, boolean height) throws IOException {
    Files.createDirectories(dir);
    writeSceneFile(world, dir.resolve("scene.tif"), height);
    int cells = world.cells();
    WritableRaster truth = Raster.createBandedRaster(DataBuffer.TYPE_BYTE, cells, cells, 1, null);
    for (int y = 0; y < cells; y++) {
      for (int x = 0; x < cells; x++) {
        truth.setSample(x, y, 0, world.classAt(x, y));
      }
    }
    Files.write(
        dir.resolve("truth.tif"),
        GeoTiffWriter.write(
            truth,
            new GeoTiffWriter.Georeference(
                new double[] {ORIGIN[0], 100, 0, ORIGIN[1], 0, -100}, EPSG, true),
            List.of("lcz"),
            0.0));
  }

  /**
   * Writes the world's scene (the reflectance bands, then {@link #HEIGHT} when {@code height}) as
   * one GeoTIFF, streamed: rows are made chunk by chunk on every core and written as they come, so
   * a world of any size (a Sentinel-2 granule's 10980 px) costs one chunk of memory.
   */
  public static void writeSceneFile(SyntheticWorld world, Path file, boolean height)
      throws IOException {
    int n = world.size();
    List<String> bands = bands(height);
    GeoTiffWriter.write(
        file,
        new GeoTiffWriter.Layout(n, n, bands.size(), DataBuffer.TYPE_USHORT),
        new GeoTiffWriter.Georeference(sceneGeoTransform(), EPSG, true),
        bands,
        null,
        (y0, chunk) ->
            IntStream.range(0, chunk.getHeight())
                .parallel()
                .forEach(
                    y -> {
                      int[] row = new int[n];
                      for (int b = 0; b < bands.size(); b++) {
                        readRow(world, y0 + y, 0, b, row);
                        chunk.setSamples(0, y, n, 1, b, row);
                      }
                    }));
  }

  /**
   * Samples {@code perClass} patches of every class from worlds seeded {@code seed}, {@code seed +
   * 1} … (as many as needed) and writes them as one HDF5 file in the MSMLA layout.
   *
   * @return the patch count
   */
  public static int writePatches(Path file, long seed, int worldSize, int perClass, int patch)
      throws IOException {
    int[] counts = new int[ClassModel.ALL.size()];
    Arrays.fill(counts, perClass);
    return writePatches(file, seed, worldSize, counts, patch, false);
  }

  /** Band {@code band} of {@link #bands(boolean)}: a reflectance band, or the height. */
  private static void readRow(SyntheticWorld world, int y, int x0, int band, int[] out) {
    if (band < BANDS.size()) {
      world.readRow(y, x0, band, out);
    } else {
      world.readHeightRow(y, x0, out);
    }
  }

  /**
   * Like {@link #writePatches(Path, long, int, int, int)} with a patch count per class (index 0 =
   * LCZ 1), e.g. for a realistic imbalance, and the {@link #HEIGHT} channel last when {@code
   * height}.
   */
  public static int writePatches(
      Path file, long seed, int worldSize, int[] perClass, int patch, boolean height)
      throws IOException {
    int channels = bands(height).size();
    int classes = ClassModel.ALL.size();
    int wanted = Arrays.stream(perClass).sum();
    List<float[][][]> images = new ArrayList<>();
    List<Integer> labels = new ArrayList<>();
    int[] taken = new int[classes + 1];
    Random random = new Random(seed);
    int half = patch / 2;
    for (long s = seed; s < seed + 200 && images.size() < wanted; s++) {
      SyntheticWorld w = new SyntheticWorld(s, worldSize, SyntheticWorld.balanced());
      int[] row = new int[patch];
      for (int attempt = 0; attempt < wanted * 4; attempt++) {
        int cx =
            half / SyntheticWorld.CELL
                + 1
                + random.nextInt(w.cells() - 2 * (half / SyntheticWorld.CELL + 1));
        int cy =
            half / SyntheticWorld.CELL
                + 1
                + random.nextInt(w.cells() - 2 * (half / SyntheticWorld.CELL + 1));
        int c = w.classAt(cx, cy);
        if (taken[c] >= perClass[c - 1]) {
          continue;
        }
        int x0 = cx * SyntheticWorld.CELL + SyntheticWorld.CELL / 2 - half;
        int y0 = cy * SyntheticWorld.CELL + SyntheticWorld.CELL / 2 - half;
        float[][][] image = new float[patch][patch][channels];
        for (int b = 0; b < channels; b++) {
          for (int y = 0; y < patch; y++) {
            readRow(w, y0 + y, x0, b, row);
            for (int x = 0; x < patch; x++) {
              image[y][x][b] = row[x];
            }
          }
        }
        images.add(image);
        labels.add(c);
        taken[c]++;
      }
    }
    float[][][][] sen2 = images.toArray(new float[0][][][]);
    float[][] label = new float[labels.size()][classes];
    for (int i = 0; i < labels.size(); i++) {
      label[i][labels.get(i) - 1] = 1;
    }
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (WritableHdfFile h5 = BufferedHdf5Writes.open(file)) {
      h5.putDataset("sen2", sen2);
      h5.putDataset("label", label);
    }
    return sen2.length;
  }
}
