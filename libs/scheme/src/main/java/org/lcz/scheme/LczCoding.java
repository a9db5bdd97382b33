package org.lcz.scheme;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads LCZ maps in the codings people use into the platform's values 1–17 (0 = no class): the
 * standard 1–17 (A–G = 11–17, the LCZ Generator's and the global map's) and 1–10 with the natural
 * classes as 101–107 (WUDAPT's older maps, W2W's samples). Any integer sample type, any nodata
 * value; a value that is no LCZ in either coding, or a map that mixes 11–17 with 101–107, is
 * refused naming the values.
 */
public final class LczCoding {
  /** The two codings. */
  public enum Coding {
    STANDARD("1–17"),
    NATURAL_101("1–10 and 101–107 for A–G");

    private final String label;

    Coding(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** A map read into 1–17 and the coding it was in. */
  public record Standardised(byte[] classes, Coding coding, long cells, long withoutClass) {}

  private LczCoding() {}

  /**
   * The classes of {@code values} (row-major) in 1–17.
   *
   * @param nodata the map's nodata value, if it declares one; 0 and NaN are always "no class"
   * @throws IllegalArgumentException naming the values that are no LCZ
   */
  public static Standardised standardise(double[] values, Optional<Double> nodata) {
    Map<Double, Long> foreign = new TreeMap<>();
    boolean standardNatural = false;
    boolean natural101 = false;
    for (double v : values) {
      if (isNoClass(v, nodata)) {
        continue;
      }
      if (v >= 11 && v <= 17 && v == Math.rint(v)) {
        standardNatural = true;
      } else if (v >= 101 && v <= 107 && v == Math.rint(v)) {
        natural101 = true;
      } else if (!(v >= 1 && v <= 10 && v == Math.rint(v))) {
        foreign.merge(v, 1L, Long::sum);
      }
    }
    if (!foreign.isEmpty()) {
      StringBuilder list = new StringBuilder();
      foreign.entrySet().stream()
          .limit(8)
          .forEach(
              e ->
                  list.append(list.isEmpty() ? "" : ", ")
                      .append(format(e.getKey()))
                      .append(" (")
                      .append(e.getValue())
                      .append(" cells)"));
      throw new IllegalArgumentException(
          "values that are no LCZ in the codings 1–17 or 1–10 + 101–107: "
              + list
              + (foreign.size() > 8 ? " and " + (foreign.size() - 8) + " more" : "")
              + (nodata.isEmpty() ? "; if one of them means 'no data', declare it as nodata" : ""));
    }
    if (standardNatural && natural101) {
      throw new IllegalArgumentException(
          "the map mixes 11–17 and 101–107 for the natural classes; one coding per map, please");
    }
    byte[] classes = new byte[values.length];
    long without = 0;
    for (int i = 0; i < values.length; i++) {
      double v = values[i];
      if (isNoClass(v, nodata)) {
        without++;
      } else {
        classes[i] = (byte) (v > 100 ? v - 90 : v);
      }
    }
    return new Standardised(
        classes, natural101 ? Coding.NATURAL_101 : Coding.STANDARD, values.length, without);
  }

  private static boolean isNoClass(double v, Optional<Double> nodata) {
    return Double.isNaN(v) || v == 0 || (nodata.isPresent() && v == nodata.get());
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
