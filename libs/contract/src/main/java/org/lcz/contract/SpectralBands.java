package org.lcz.contract;

import java.util.Optional;

/**
 * Sentinel-2's band names ({@link Sensors#SENTINEL_2}): which bands hold reflectance (and so have a
 * {@link Radiometry}), and the platform's name ({@code B2}, {@code B8A}, {@code B11} …) of the
 * names other sources use ({@code B02}, STAC common names such as {@code red} or {@code swir16}).
 */
public final class SpectralBands {
  private SpectralBands() {}

  /**
   * Whether a band of this name holds reflectance (any of the spellings {@link #canonical} reads).
   */
  public static boolean isReflectance(String name) {
    return Sensors.SENTINEL_2.isReflectance(name);
  }

  /**
   * The platform's name of a Sentinel-2 band: {@code B02}, {@code b2} and {@code blue} are {@code
   * B2}; {@code B8A}, {@code nir08} are {@code B8A}.
   */
  public static Optional<String> canonical(String name) {
    return Sensors.SENTINEL_2.canonical(name);
  }
}
