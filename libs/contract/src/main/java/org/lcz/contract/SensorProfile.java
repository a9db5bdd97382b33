package org.lcz.contract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sensor's band vocabulary: the names of its bands as the platform writes them, their other
 * spellings (zero-padded numbers, STAC common names, providers' asset keys), native resolutions,
 * and which hold reflectance; the platforms and constellation STAC names it by; and the bands a
 * model takes from it by default.
 *
 * @param name the sensor's name for people ({@code Sentinel-2})
 * @param constellation STAC {@code constellation}
 * @param platforms STAC {@code platform} values of its satellites
 * @param bands every band, in the sensor's order
 * @param defaultBands the bands the platform ingests and trains on unless told otherwise
 */
public record SensorProfile(
    String name,
    String constellation,
    List<String> platforms,
    List<Band> bands,
    List<String> defaultBands) {

  /**
   * One band.
   *
   * @param name the platform's name ({@code B8A})
   * @param commonName the STAC {@code eo:common_name} ({@code nir08}), or null
   * @param metres the native ground sample distance
   * @param reflectance whether its values are reflectance (and so have a {@link Radiometry})
   */
  public record Band(String name, String commonName, int metres, boolean reflectance) {}

  private static final Pattern NUMBERED = Pattern.compile("B0?([0-9]{1,2}A?)");

  public SensorProfile {
    platforms = List.copyOf(platforms);
    bands = List.copyOf(bands);
    defaultBands = List.copyOf(defaultBands);
    for (String b : defaultBands) {
      if (bands.stream().noneMatch(x -> x.name().equals(b))) {
        throw new IllegalArgumentException(name + " has no band " + b + " to take by default");
      }
    }
  }

  /** The bands' names, in the sensor's order. */
  public List<String> bandNames() {
    return bands.stream().map(Band::name).toList();
  }

  /**
   * The platform's name of one of this sensor's bands: {@code B02}, {@code b2} and {@code blue} are
   * {@code B2}; {@code B8A}, {@code nir08} are {@code B8A}; empty for a name that is none of them.
   */
  public Optional<String> canonical(String name) {
    return band(name).map(Band::name);
  }

  /** The band a name stands for (any spelling {@link #canonical} reads). */
  public Optional<Band> band(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String n = name.trim().toUpperCase(Locale.ROOT);
    Matcher m = NUMBERED.matcher(n);
    String wanted = m.matches() ? "B" + m.group(1) : null;
    for (Band b : bands) {
      if (b.name().equals(wanted)
          || (b.commonName() != null && b.commonName().equalsIgnoreCase(name.trim()))) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** Whether a band of this name holds reflectance. */
  public boolean isReflectance(String name) {
    return band(name).map(Band::reflectance).orElse(false);
  }

  /** Whether STAC's {@code platform} or {@code constellation} name this sensor. */
  public boolean namedBy(String platform, String constellation) {
    return (constellation != null && constellation.trim().equalsIgnoreCase(this.constellation))
        || (platform != null
            && platforms.stream().anyMatch(p -> p.equalsIgnoreCase(platform.trim())));
  }
}
