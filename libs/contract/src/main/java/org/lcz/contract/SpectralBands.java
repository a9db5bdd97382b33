package org.lcz.contract;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sentinel-2's band names: which bands hold reflectance (and so have a {@link Radiometry}), and the
 * platform's name ({@code B2}, {@code B8A}, {@code B11} …) of the names other sources use ({@code
 * B02}, STAC common names such as {@code red} or {@code swir16}).
 */
public final class SpectralBands {
  private static final Pattern NUMBERED = Pattern.compile("B0?([1-9]|1[0-2]|8A)");

  /** STAC {@code eo:bands} common names of Sentinel-2's bands (Earth Search's asset keys). */
  private static final Map<String, String> COMMON_NAMES =
      Map.ofEntries(
          Map.entry("coastal", "B1"),
          Map.entry("blue", "B2"),
          Map.entry("green", "B3"),
          Map.entry("red", "B4"),
          Map.entry("rededge1", "B5"),
          Map.entry("rededge2", "B6"),
          Map.entry("rededge3", "B7"),
          Map.entry("nir", "B8"),
          Map.entry("nir08", "B8A"),
          Map.entry("nir09", "B9"),
          Map.entry("cirrus", "B10"),
          Map.entry("swir16", "B11"),
          Map.entry("swir22", "B12"));

  private SpectralBands() {}

  /**
   * Whether a band of this name holds reflectance (any of the spellings {@link #canonical} reads).
   */
  public static boolean isReflectance(String name) {
    return canonical(name).isPresent();
  }

  /**
   * The platform's name of a Sentinel-2 band: {@code B02}, {@code b2} and {@code blue} are {@code
   * B2}; {@code B8A}, {@code nir08} are {@code B8A}.
   */
  public static Optional<String> canonical(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toUpperCase(Locale.ROOT);
    var m = NUMBERED.matcher(n);
    if (m.matches()) {
      return Optional.of("B" + m.group(1));
    }
    return Optional.ofNullable(COMMON_NAMES.get(name.trim().toLowerCase(Locale.ROOT)));
  }
}
