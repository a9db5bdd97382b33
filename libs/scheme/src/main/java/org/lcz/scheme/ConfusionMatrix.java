package org.lcz.scheme;

import java.util.Arrays;

/**
 * Counts of (true class, predicted class) pairs over {@code n} classes. Rows are true classes,
 * columns predicted classes, both by class index (map value − 1). Not thread-safe; {@link #merge}
 * combines matrices counted apart.
 */
public final class ConfusionMatrix {
  private final long[][] counts;

  /** An empty matrix over {@code classes} classes. */
  public ConfusionMatrix(int classes) {
    if (classes < 2) {
      throw new IllegalArgumentException("a confusion matrix needs at least 2 classes");
    }
    this.counts = new long[classes][classes];
  }

  /** A matrix with the given counts (copied); rows are true classes. */
  public static ConfusionMatrix of(long[][] counts) {
    ConfusionMatrix m = new ConfusionMatrix(counts.length);
    for (int i = 0; i < counts.length; i++) {
      if (counts[i].length != counts.length) {
        throw new IllegalArgumentException("confusion matrix is not square at row " + i);
      }
      for (int j = 0; j < counts.length; j++) {
        if (counts[i][j] < 0) {
          throw new IllegalArgumentException("negative count at (" + i + ", " + j + ")");
        }
        m.counts[i][j] = counts[i][j];
      }
    }
    return m;
  }

  /** Counts one sample by class index (0-based). */
  public void add(int truthIndex, int predictedIndex) {
    counts[truthIndex][predictedIndex]++;
  }

  /** Adds every count of {@code other}, which must have the same size. */
  public void merge(ConfusionMatrix other) {
    if (other.size() != size()) {
      throw new IllegalArgumentException(
          "cannot merge matrices of " + size() + " and " + other.size());
    }
    for (int i = 0; i < size(); i++) {
      for (int j = 0; j < size(); j++) {
        counts[i][j] += other.counts[i][j];
      }
    }
  }

  /** Number of classes. */
  public int size() {
    return counts.length;
  }

  /** The count of samples of class index {@code truth} predicted as {@code predicted}. */
  public long count(int truth, int predicted) {
    return counts[truth][predicted];
  }

  /** Samples whose true class is {@code truth} (the row sum). */
  public long support(int truth) {
    return Arrays.stream(counts[truth]).sum();
  }

  /** Samples predicted as {@code predicted} (the column sum). */
  public long predicted(int predicted) {
    long sum = 0;
    for (long[] row : counts) {
      sum += row[predicted];
    }
    return sum;
  }

  /** All samples. */
  public long total() {
    return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
  }

  /** A copy of the counts. */
  public long[][] toArray() {
    return Arrays.stream(counts).map(long[]::clone).toArray(long[][]::new);
  }
}
