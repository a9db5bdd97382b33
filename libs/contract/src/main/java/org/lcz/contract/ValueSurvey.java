package org.lcz.contract;

import java.util.Arrays;
import java.util.List;

/**
 * A bounded, deterministic sample of each band's valid values (not nodata, not NaN), to tell their
 * radiometry from their distribution. Values are taken systematically: every value while the band's
 * buffer has room, then every second, fourth … (the buffer is thinned by half whenever it fills),
 * so memory stays at {@code capacity} floats per band however many values pass.
 */
public final class ValueSurvey {
  private final List<String> bands;
  private final float[][] kept;
  private final int[] count;
  private final long[] seen;
  private final long[] offered;
  private final long[] stride;
  private final Double nodata;

  /**
   * @param bands the bands' names, in the order values are added
   * @param nodata values to leave out, if any
   * @param capacity values kept per band (at least 2)
   */
  public ValueSurvey(List<String> bands, Double nodata, int capacity) {
    if (capacity < 2) {
      throw new IllegalArgumentException("capacity must be at least 2");
    }
    this.bands = List.copyOf(bands);
    this.kept = new float[bands.size()][capacity];
    this.count = new int[bands.size()];
    this.seen = new long[bands.size()];
    this.offered = new long[bands.size()];
    this.stride = new long[bands.size()];
    Arrays.fill(stride, 1);
    this.nodata = nodata;
  }

  /** A survey keeping 65,536 values per band. */
  public ValueSurvey(List<String> bands, Double nodata) {
    this(bands, nodata, 1 << 16);
  }

  public List<String> bands() {
    return bands;
  }

  /** Adds {@code length} values of {@code band} from {@code values[from …]}. */
  public void add(int band, float[] values, int from, int length) {
    float[] buffer = kept[band];
    boolean skipNodata = nodata != null;
    float nd = skipNodata ? nodata.floatValue() : 0f;
    offered[band] += length;
    for (int i = from; i < from + length; i++) {
      float v = values[i];
      if (Float.isNaN(v) || (skipNodata && v == nd)) {
        continue;
      }
      if (seen[band]++ % stride[band] != 0) {
        continue;
      }
      if (count[band] == buffer.length) {
        for (int k = 0; k < buffer.length / 2; k++) {
          buffer[k] = buffer[2 * k];
        }
        count[band] = buffer.length / 2;
        stride[band] *= 2;
        if ((seen[band] - 1) % stride[band] != 0) {
          continue;
        }
      }
      buffer[count[band]++] = v;
    }
  }

  /** How many valid values of {@code band} were seen. */
  public long validValues(int band) {
    return seen[band];
  }

  /**
   * The smallest share over the bands of valid values (neither NaN nor nodata) among all values
   * added; 0 when nothing was added.
   */
  public double validShare() {
    double share = bands.isEmpty() ? 0 : 1;
    for (int b = 0; b < bands.size(); b++) {
      share = Math.min(share, offered[b] == 0 ? 0 : (double) seen[b] / offered[b]);
    }
    return share;
  }

  /** The {@code q} quantile (0–1) of {@code band}'s sample, or NaN when it holds none. */
  public double quantile(int band, double q) {
    int n = count[band];
    if (n == 0) {
      return Double.NaN;
    }
    float[] sorted = Arrays.copyOf(kept[band], n);
    Arrays.sort(sorted);
    int i = (int) Math.min(n - 1, Math.max(0, Math.round(q * (n - 1))));
    return sorted[i];
  }
}
