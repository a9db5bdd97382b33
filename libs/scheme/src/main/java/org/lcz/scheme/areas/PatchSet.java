package org.lcz.scheme.areas;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.object.datatype.FloatingPoint;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.lcz.raster.RasterSource;
import org.lcz.raster.TileCutter;
import org.lcz.raster.hdf5.BufferedHdf5Writes;

/**
 * Writes cell samples as an HDF5 patch set in the MSMLA layout the training worker reads: {@code
 * sen2} N × P × P × bands float32 (the patch centred on each cell's centre pixel, reflected at the
 * scene's edges exactly as the tiler fills halos, so training sees what inference will), {@code
 * label} N × 17 one-hot, and beside them {@code area} (N, the training area's index) and {@code
 * cell} (N × 2, the cell's column and row) and {@code scene} (N, which of the scenes it came from)
 * so that every patch can be traced to its polygon. Patches are cut and written one at a time into
 * the file's contiguous {@code sen2} data, so a set's size is bounded by the disk, not the heap.
 */
public final class PatchSet {
  /** Rows of the scene read at once when patches are cut (whole width, reflected at the edges). */
  static final int STRIP_ROWS = 160;

  /** LCZ classes, one column each in {@code label}. */
  public static final int CLASSES = 17;

  private PatchSet() {}

  /**
   * The patch of {@code patch × patch} pixels centred on ({@code cx}, {@code cy}), reflected at the
   * scene's edges as the tiler reflects halos: [y][x][band].
   */
  public static float[][][] patch(RasterSource scene, int cx, int cy, int patch) {
    Raster r = TileCutter.reflected(scene, cx - patch / 2, cy - patch / 2, patch, patch);
    int bands = r.getNumBands();
    float[][][] out = new float[patch][patch][bands];
    float[] row = new float[patch];
    for (int b = 0; b < bands; b++) {
      for (int j = 0; j < patch; j++) {
        r.getSamples(r.getMinX(), r.getMinY() + j, patch, 1, b, row);
        for (int i = 0; i < patch; i++) {
          out[j][i][b] = row[i];
        }
      }
    }
    return out;
  }

  /**
   * Writes {@code samples} of {@code scene} to {@code file}; returns how many were written.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static int write(Path file, RasterSource scene, List<CellSample> samples, int patch) {
    return write(file, List.of(scene), List.of(samples), patch);
  }

  /**
   * Writes the samples of several scenes to {@code file}, {@code perScene.get(i)} drawn from {@code
   * scenes.get(i)}, with a {@code scene} data set (N, the scene's index) beside {@code area} and
   * {@code cell}; returns how many were written.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static int write(
      Path file, List<RasterSource> scenes, List<List<CellSample>> perScene, int patch) {
    return writeAll(List.of(file), scenes, List.of(perScene), patch).get(0);
  }

  /**
   * Writes several patch sets in one read of each scene: {@code perFile.get(f).get(i)} are the
   * samples of {@code files.get(f)} drawn from {@code scenes.get(i)}. Each file is what {@link
   * #write} would write for its samples; the scenes' rows are read once for all files (the splits
   * of one set of training areas cut together). Returns the patches written per file.
   *
   * @throws UncheckedIOException if a file cannot be written
   */
  public static List<Integer> writeAll(
      List<Path> files,
      List<RasterSource> scenes,
      List<List<List<CellSample>>> perFile,
      int patch) {
    if (files.size() != perFile.size()) {
      throw new IllegalArgumentException(files.size() + " files but samples for " + perFile.size());
    }
    for (List<List<CellSample>> perScene : perFile) {
      if (scenes.size() != perScene.size()) {
        throw new IllegalArgumentException(
            scenes.size() + " scenes but samples for " + perScene.size());
      }
    }
    int bands = scenes.isEmpty() ? 0 : scenes.get(0).bandNames().size();
    List<Integer> counts = new ArrayList<>();
    Slots[] slots = new Slots[files.size()];
    try {
      for (int f = 0; f < files.size(); f++) {
        int n = perFile.get(f).stream().mapToInt(List::size).sum();
        counts.add(n);
        slots[f] = skeleton(files.get(f), perFile.get(f), patch, bands);
      }
      writePatches(files, slots, scenes, perFile, patch, bands);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + files + ": " + e.getMessage(), e);
    }
    return counts;
  }

  /** Where a file's {@code sen2} data starts and how its floats are ordered. */
  private record Slots(long address, ByteOrder order) {}

  /**
   * Writes {@code file} with every data set but {@code sen2}'s values (zeros until {@link
   * #writePatches} fills them); returns where {@code sen2}'s data lies, or null without samples.
   */
  private static Slots skeleton(Path file, List<List<CellSample>> perScene, int patch, int bands)
      throws IOException {
    int n = perScene.stream().mapToInt(List::size).sum();
    // the patches are not held: every slot of the array jHDF writes is one zero patch, and the
    // patches are written into the file's contiguous sen2 data afterwards, one at a time
    float[][][] zero = new float[patch][patch][bands];
    float[][][][] sen2 = new float[n][][][];
    Arrays.fill(sen2, zero);
    float[][] label = new float[n][CLASSES];
    int[] area = new int[n];
    int[][] cell = new int[n][2];
    int[] scene = new int[n];
    int i = 0;
    for (int k = 0; k < perScene.size(); k++) {
      for (CellSample s : perScene.get(k)) {
        label[i][s.lcz() - 1] = 1;
        area[i] = s.area();
        cell[i][0] = s.col();
        cell[i][1] = s.row();
        scene[i] = k;
        i++;
      }
    }
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (WritableHdfFile h5 = BufferedHdf5Writes.open(file)) {
      h5.putDataset("sen2", sen2);
      h5.putDataset("label", label);
      h5.putDataset("area", area);
      h5.putDataset("cell", cell);
      h5.putDataset("scene", scene);
    }
    if (n == 0) {
      return null;
    }
    try (HdfFile h5 = new HdfFile(file)) {
      if (!(h5.getDatasetByPath("sen2") instanceof ContiguousDataset d)
          || !(d.getDataType() instanceof FloatingPoint f)
          || f.getSize() != 4) {
        throw new IOException("jHDF did not write sen2 as contiguous float32");
      }
      return new Slots(d.getDataAddress(), f.getByteOrder());
    }
  }

  /**
   * Writes every patch into the contiguous {@code sen2} data of its file, in sample order: each
   * scene's rows are read once, in strips, for the samples of all files.
   */
  private static void writePatches(
      List<Path> files,
      Slots[] slots,
      List<RasterSource> scenes,
      List<List<List<CellSample>>> perFile,
      int patch,
      int bands)
      throws IOException {
    int perPatch = patch * patch * bands;
    long bytesPerPatch = (long) perPatch * Float.BYTES;
    ByteBuffer[] bytes = new ByteBuffer[files.size()];
    FileChannel[] channels = new FileChannel[files.size()];
    try {
      for (int f = 0; f < files.size(); f++) {
        if (slots[f] != null) {
          bytes[f] = ByteBuffer.allocate(perPatch * Float.BYTES).order(slots[f].order());
          channels[f] = FileChannel.open(files.get(f), StandardOpenOption.WRITE);
        }
      }
      float[] row = new float[patch];
      float[] values = new float[perPatch];
      int half = patch / 2;
      int stripRows = Math.max(STRIP_ROWS, patch);
      int[] first = new int[files.size()]; // each file's index of the scene's first sample
      for (int k = 0; k < scenes.size(); k++) {
        RasterSource scene = scenes.get(k);
        // every file's samples of this scene, in row order: (centreY, file, index) in one long
        int total = 0;
        for (List<List<CellSample>> perScene : perFile) {
          total += perScene.get(k).size();
        }
        long[] order = new long[total];
        int o = 0;
        for (int f = 0; f < files.size(); f++) {
          List<CellSample> samples = perFile.get(f).get(k);
          for (int i = 0; i < samples.size(); i++) {
            order[o++] = ((long) samples.get(i).centreY() << 40) | ((long) f << 32) | i;
          }
        }
        Arrays.sort(order);
        Raster strip = null;
        int stripY = 0;
        for (long key : order) {
          int f = (int) (key >>> 32) & 0xFF;
          int i = (int) key;
          CellSample s = perFile.get(f).get(k).get(i);
          int top = s.centreY() - half;
          if (strip == null || top + patch > stripY + stripRows) {
            stripY = top;
            strip = TileCutter.reflected(scene, -half, stripY, scene.width() + patch, stripRows);
          }
          int x = strip.getMinX() + s.centreX(); // strip column 0 is scene column −half
          int y = strip.getMinY() + top - stripY;
          for (int b = 0; b < bands; b++) {
            for (int j = 0; j < patch; j++) {
              strip.getSamples(x, y + j, patch, 1, b, row);
              for (int c = 0; c < patch; c++) {
                values[(j * patch + c) * bands + b] = row[c];
              }
            }
          }
          ByteBuffer out = bytes[f];
          out.clear();
          out.asFloatBuffer().put(values);
          long at = slots[f].address() + (first[f] + i) * bytesPerPatch;
          while (out.hasRemaining()) {
            at += channels[f].write(out, at);
          }
        }
        for (int f = 0; f < files.size(); f++) {
          first[f] += perFile.get(f).get(k).size();
        }
      }
    } finally {
      for (FileChannel c : channels) {
        if (c != null) {
          c.close();
        }
      }
    }
  }
}
