package org.lcz.raster;

import java.util.Locale;

/** How a band on another grid is brought onto the reference grid. */
public enum Resampling {
  /** The source pixel under the target pixel's centre: for categorical data (land cover). */
  NEAREST,
  /** Linear in x and y between the four source pixel centres around the target pixel's centre. */
  BILINEAR;

  /**
   * {@code nearest} or {@code bilinear}, any case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static Resampling of(String name) {
    for (Resampling r : values()) {
      if (r.name().equalsIgnoreCase(name.trim())) {
        return r;
      }
    }
    throw new IllegalArgumentException("resampling must be nearest or bilinear, not " + name);
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
