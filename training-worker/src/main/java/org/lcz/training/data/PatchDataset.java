package org.lcz.training.data;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An HDF5 patch data set, read batch by batch by index range: the file is never loaded whole (the
 * So2Sat training file is tens of GB). Images are N×H×W×C (float32 or float64, chunked and
 * compressed or not), labels N×classes one-hot; batches come out as NCHW floats of the selected
 * bands and class indices. Every problem is a {@link DatasetException} naming the file.
 */
public final class PatchDataset implements AutoCloseable {
  private final Path file;
  private final HdfFile hdf;
  private final Dataset images;
  private final Dataset labels;
  private final long size;
  private final int patchSize;
  private final int fileBands;
  private final int classes;
  private final int[] channels;
  private final List<String> bands;

  /** Contiguous, unfiltered images read straight from the file; null for chunked ones (jHDF). */
  private final ContiguousImages contiguous;

  private PatchDataset(
      Path file, HdfFile hdf, Dataset images, Dataset labels, int[] channels, List<String> bands) {
    this.file = file;
    this.hdf = hdf;
    this.images = images;
    this.labels = labels;
    this.contiguous = ContiguousImages.of(file, images);
    int[] dims = images.getDimensions();
    this.size = images.getDimensionsAsLong()[0];
    this.patchSize = dims[1];
    this.fileBands = dims[3];
    this.classes = labels.getDimensions()[1];
    this.channels = channels;
    this.bands = List.copyOf(bands);
  }

  /**
   * Opens and checks a data set.
   *
   * @param selectedBands the bands to read, by name, in the order wanted; empty for all
   */
  public static PatchDataset open(Path file, DatasetLayout layout, List<String> selectedBands) {
    if (!Files.isRegularFile(file)) {
      throw new DatasetException(file, "no such file");
    }
    HdfFile hdf;
    try {
      hdf = new HdfFile(file);
    } catch (HdfException e) {
      throw new DatasetException(file, "not a readable HDF5 file (" + e.getMessage() + ")", e);
    }
    try {
      Dataset images = dataset(file, hdf, layout.imageKey());
      Dataset labels = dataset(file, hdf, layout.labelKey());
      long[] id = images.getDimensionsAsLong();
      long[] ld = labels.getDimensionsAsLong();
      String key = "'" + layout.imageKey() + "'";
      if (id.length != 4) {
        throw new DatasetException(
            file, key + " has shape " + Arrays.toString(id) + "; expected N×H×W×C (rank 4)");
      }
      if (id[1] != id[2]) {
        throw new DatasetException(file, key + " patches are not square: " + id[1] + "×" + id[2]);
      }
      if (id[3] != layout.bandNames().size()) {
        throw new DatasetException(
            file,
            key
                + " has "
                + id[3]
                + " channels but the layout names "
                + layout.bandNames().size()
                + " bands "
                + layout.bandNames());
      }
      if (ld.length != 2) {
        throw new DatasetException(
            file,
            "'"
                + layout.labelKey()
                + "' has shape "
                + Arrays.toString(ld)
                + "; expected N×classes one-hot (rank 2)");
      }
      if (ld[0] != id[0]) {
        throw new DatasetException(
            file,
            key
                + " has "
                + id[0]
                + " patches but '"
                + layout.labelKey()
                + "' "
                + ld[0]
                + " labels");
      }
      requireFloating(file, images, layout.imageKey());
      List<String> wanted =
          selectedBands == null || selectedBands.isEmpty() ? layout.bandNames() : selectedBands;
      int[] channels = new int[wanted.size()];
      for (int i = 0; i < channels.length; i++) {
        channels[i] = layout.bandNames().indexOf(wanted.get(i));
        if (channels[i] < 0) {
          throw new DatasetException(
              file, "unknown band '" + wanted.get(i) + "'; the data set has " + layout.bandNames());
        }
      }
      return new PatchDataset(file, hdf, images, labels, channels, wanted);
    } catch (HdfException e) {
      hdf.close();
      throw new DatasetException(
          file, "not a readable HDF5 file: it is truncated or corrupt (" + e.getMessage() + ")", e);
    } catch (RuntimeException e) {
      hdf.close();
      throw e;
    }
  }

  private static Dataset dataset(Path file, HdfFile hdf, String key) {
    Node node;
    try {
      node = hdf.getByPath(key);
    } catch (HdfException e) {
      List<String> found = new ArrayList<>(hdf.getChildren().keySet());
      throw new DatasetException(file, "has no dataset '" + key + "' (it has " + found + ")", e);
    }
    if (!(node instanceof Dataset d)) {
      throw new DatasetException(file, "'" + key + "' is a group, not a dataset");
    }
    return d;
  }

  private static void requireFloating(Path file, Dataset d, String key) {
    Class<?> t = d.getJavaType();
    if (t != double.class && t != float.class) {
      throw new DatasetException(
          file,
          "'" + key + "' holds " + t.getSimpleName() + " samples; float32 or float64 expected");
    }
  }

  /**
   * Each patch's training-area id, when the set was built from training areas (its {@code area}
   * data set, one integer per patch); empty for sets without one.
   */
  public Optional<int[]> areas() {
    Node node;
    try {
      node = hdf.getByPath("area");
    } catch (HdfException e) {
      return Optional.empty();
    }
    if (!(node instanceof Dataset d)
        || d.getDimensions().length != 1
        || d.getDimensionsAsLong()[0] != size) {
      throw new DatasetException(file, "'area' must hold one training-area id per patch");
    }
    Object data = d.getData();
    if (data instanceof int[] ids) {
      return Optional.of(ids);
    }
    if (data instanceof long[] ids) {
      return Optional.of(Arrays.stream(ids).mapToInt(v -> (int) v).toArray());
    }
    throw new DatasetException(file, "'area' must hold integers, not " + d.getJavaType());
  }

  /** Number of patches. */
  public long size() {
    return size;
  }

  /** Patch edge in pixels. */
  public int patchSize() {
    return patchSize;
  }

  /** The bands read, in batch channel order. */
  public List<String> bands() {
    return bands;
  }

  /** Number of classes (label columns). */
  public int classes() {
    return classes;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** A batch buffer that fits this data set. */
  public PatchBatch newBatch(int capacity) {
    return new PatchBatch(capacity, bands.size(), patchSize);
  }

  /**
   * Reads patches {@code start} … {@code start + count − 1} into {@code batch}: images as NCHW of
   * the selected bands, labels as class indices. Checks that values are finite and labels one-hot.
   */
  public void read(long start, int count, PatchBatch batch) {
    read(start, count, batch, 0);
    batch.setSize(count);
  }

  /**
   * Reads patches {@code start} … {@code start + count − 1} into {@code batch} from its patch
   * {@code offset} on, leaving the batch's size to the caller (see {@link PatchBatch#setSize}).
   */
  public void read(long start, int count, PatchBatch batch, int offset) {
    if (start < 0
        || count < 1
        || start + count > size
        || offset < 0
        || offset + count > batch.capacity()) {
      throw new IllegalArgumentException(
          "cannot read "
              + count
              + " patches from "
              + start
              + " of "
              + size
              + " into a batch of "
              + batch.capacity()
              + " at "
              + offset);
    }
    readImages(start, count, batch.images(), offset * channels.length * patchSize * patchSize);
    readLabels(start, count, batch.labels(), offset);
  }

  /**
   * Patches per class over the whole file, reading only the labels (in slices of {@code
   * sliceSize}); checks every label row as {@link #read} does.
   */
  public long[] classSupport(int sliceSize) {
    long[] support = new long[classes];
    int[] labelBuffer = new int[sliceSize];
    for (long start = 0; start < size; start += sliceSize) {
      int count = (int) Math.min(sliceSize, size - start);
      readLabels(start, count, labelBuffer, 0);
      for (int i = 0; i < count; i++) {
        support[labelBuffer[i]]++;
      }
    }
    return support;
  }

  /**
   * A slice of {@code d}; jHDF's failures (a truncated or corrupt file) become a DatasetException
   * naming the file, the data set and the patches.
   */
  private Object slice(Dataset d, long[] offset, int[] shape, long start, int count) {
    try {
      return d.getData(offset, shape);
    } catch (RuntimeException e) {
      throw new DatasetException(
          file,
          "cannot read patches "
              + start
              + "–"
              + (start + count - 1)
              + " of '"
              + d.getName()
              + "': the file is truncated or corrupt ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + ")",
          e);
    }
  }

  private void readImages(long start, int count, float[] out, int base) {
    Sample sample;
    if (contiguous != null) {
      sample = contiguous.read(start, count, fileBands, patchSize);
    } else {
      Object data =
          slice(
              images,
              new long[] {start, 0, 0, 0},
              new int[] {count, patchSize, patchSize, fileBands},
              start,
              count);
      sample = sampleReader(data);
    }
    int plane = patchSize * patchSize;
    int perPatch = channels.length * plane;
    for (int n = 0; n < count; n++) {
      for (int y = 0; y < patchSize; y++) {
        for (int x = 0; x < patchSize; x++) {
          for (int c = 0; c < channels.length; c++) {
            float v = sample.get(n, y, x, channels[c]);
            if (!Float.isFinite(v)) {
              throw new DatasetException(
                  file,
                  "patch "
                      + (start + n)
                      + ", band "
                      + bands.get(c)
                      + ", pixel ("
                      + y
                      + ", "
                      + x
                      + ") is "
                      + v
                      + "; every value must be finite");
            }
            out[base + n * perPatch + c * plane + y * patchSize + x] = v;
          }
        }
      }
    }
  }

  /** One image value by (patch, row, column, file channel), as float. */
  @FunctionalInterface
  interface Sample {
    float get(int n, int y, int x, int channel);
  }

  /** Reads float64 or float32 slices; the type is decided once per batch, not per value. */
  private static Sample sampleReader(Object data) {
    if (data instanceof double[][][][] d) {
      return (n, y, x, c) -> (float) d[n][y][x][c];
    }
    float[][][][] f = (float[][][][]) data;
    return (n, y, x, c) -> f[n][y][x][c];
  }

  private void readLabels(long start, int count, int[] out, int offset) {
    Object data = slice(labels, new long[] {start, 0}, new int[] {count, classes}, start, count);
    for (int n = 0; n < count; n++) {
      int hot = -1;
      for (int k = 0; k < classes; k++) {
        double v = label(data, n, k);
        if (v == 1.0 && hot < 0) {
          hot = k;
        } else if (v != 0.0) {
          hot = -2;
          break;
        }
      }
      if (hot < 0) {
        throw new DatasetException(
            file,
            "label row " + (start + n) + " is not one-hot (one 1, the rest 0): " + row(data, n));
      }
      out[offset + n] = hot;
    }
  }

  private static double label(Object data, int n, int k) {
    if (data instanceof double[][] d) {
      return d[n][k];
    }
    if (data instanceof float[][] f) {
      return f[n][k];
    }
    if (data instanceof int[][] i) {
      return i[n][k];
    }
    if (data instanceof long[][] l) {
      return l[n][k];
    }
    if (data instanceof byte[][] b) {
      return b[n][k];
    }
    throw new IllegalStateException("unsupported label type " + data.getClass().getSimpleName());
  }

  private String row(Object data, int n) {
    StringBuilder s = new StringBuilder("[");
    for (int k = 0; k < classes; k++) {
      s.append(k == 0 ? "" : ", ").append(label(data, n, k));
    }
    return s.append(']').toString();
  }

  @Override
  public void close() {
    try {
      if (contiguous != null) {
        contiguous.close();
      }
    } finally {
      hdf.close();
    }
  }
}
