package org.lcz.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.lcz.contract.SensorProfile.Band;

/**
 * The sensors the platform reads (Sentinel-2, the one profile today) and the ones it recognises in
 * order to refuse them by name: a scene whose STAC {@code platform}/{@code constellation}, or whose
 * band names, say it comes from another sensor is never read as Sentinel-2 (Landsat's B5 is near
 * infrared where Sentinel-2's is red edge).
 */
public final class Sensors {
  /**
   * Sentinel-2's ten bands at 10 and 20 m that the platform ingests and trains on by default, as
   * one comma-separated constant for configuration defaults; equal to {@link #SENTINEL_2}'s {@code
   * defaultBands} (tested).
   */
  public static final String DEFAULT_BANDS = "B2,B3,B4,B5,B6,B7,B8,B8A,B11,B12";

  /** Sentinel-2 MSI (L1C and L2A): 13 bands, STAC common names of the EO extension. */
  public static final SensorProfile SENTINEL_2 =
      new SensorProfile(
          "Sentinel-2",
          "sentinel-2",
          List.of("sentinel-2a", "sentinel-2b", "sentinel-2c", "sentinel-2d"),
          List.of(
              new Band("B1", "coastal", 60, true),
              new Band("B2", "blue", 10, true),
              new Band("B3", "green", 10, true),
              new Band("B4", "red", 10, true),
              new Band("B5", "rededge1", 20, true),
              new Band("B6", "rededge2", 20, true),
              new Band("B7", "rededge3", 20, true),
              new Band("B8", "nir", 10, true),
              new Band("B8A", "nir08", 20, true),
              new Band("B9", "nir09", 60, true),
              new Band("B10", "cirrus", 60, true),
              new Band("B11", "swir16", 20, true),
              new Band("B12", "swir22", 20, true)),
          List.of(DEFAULT_BANDS.split(",")));

  /** The sensors the platform reads. */
  public static final List<SensorProfile> KNOWN = List.of(SENTINEL_2);

  /** Other sensors recognised by a word of their STAC platform or constellation. */
  private static final Map<String, String> OTHERS =
      Map.of(
          "landsat", "Landsat",
          "sentinel-1", "Sentinel-1 (radar)",
          "sentinel-3", "Sentinel-3",
          "modis", "MODIS",
          "terra", "MODIS (Terra)",
          "aqua", "MODIS (Aqua)",
          "planetscope", "PlanetScope",
          "spot", "SPOT",
          "pleiades", "Pléiades",
          "worldview", "WorldView");

  /** Landsat Collection 2 band and file names. */
  private static final Pattern LANDSAT_C2 =
      Pattern.compile(
          "(?i).*(\\b|_)(SR|ST|TOA)_B[0-9]{1,2}\\b.*|(?i)QA_(PIXEL|RADSAT)|(?i)L[COTE]0[4-9]_.*");

  private static final Pattern NUMBERED = Pattern.compile("(?i)B0?([0-9]{1,2})");

  private Sensors() {}

  /**
   * The profile STAC's {@code platform} or {@code constellation} name; empty when neither is given.
   *
   * @throws UnknownSensorException naming the sensor when they name one the platform does not read
   */
  public static Optional<SensorProfile> forPlatform(String platform, String constellation) {
    boolean declared =
        (platform != null && !platform.isBlank())
            || (constellation != null && !constellation.isBlank());
    if (!declared) {
      return Optional.empty();
    }
    for (SensorProfile p : KNOWN) {
      if (p.namedBy(platform, constellation)) {
        return Optional.of(p);
      }
    }
    String said =
        (platform == null ? "" : "platform " + platform)
            + (platform != null && constellation != null ? ", " : "")
            + (constellation == null ? "" : "constellation " + constellation);
    throw new UnknownSensorException(
        "a scene of "
            + other(platform, constellation).orElse("an unknown sensor")
            + " ("
            + said
            + "): the platform reads "
            + names()
            + " only");
  }

  /**
   * The sensor a scene's band names say it comes from when that is not one the platform reads:
   * Landsat's Collection 2 names ({@code SR_B5}, {@code QA_PIXEL}, {@code LC08_…}), or bands
   * numbered as Landsat numbers them — thermal {@code B10}/{@code B11} without Sentinel-2's {@code
   * B12} or {@code B8A}, or five or more of {@code B1}…{@code B7}, {@code B1} among them, and
   * nothing above.
   */
  public static Optional<String> foreignByBandNames(List<String> names) {
    List<Integer> numbers = new ArrayList<>();
    boolean s2Only = false;
    for (String n : names) {
      String t = n == null ? "" : n.trim();
      if (LANDSAT_C2.matcher(t).matches()) {
        return Optional.of("Landsat (Collection 2 band names such as " + t + ")");
      }
      var m = NUMBERED.matcher(t);
      if (m.matches()) {
        numbers.add(Integer.parseInt(m.group(1)));
      }
      s2Only |=
          t.equalsIgnoreCase("B8A") || t.equalsIgnoreCase("B12") || t.equalsIgnoreCase("nir08");
    }
    if (s2Only || numbers.size() != names.size() || names.isEmpty()) {
      return Optional.empty();
    }
    boolean thermal = numbers.contains(10) && numbers.contains(11);
    int max = numbers.stream().max(Integer::compare).orElse(0);
    if (thermal || (numbers.size() >= 5 && numbers.contains(1) && max <= 7)) {
      return Optional.of(
          "Landsat (bands numbered "
              + names
              + " as Landsat numbers them; Sentinel-2 has B8A and B12, and its B5 is red edge"
              + " where Landsat's is near infrared)");
    }
    return Optional.empty();
  }

  private static Optional<String> other(String platform, String constellation) {
    String said =
        ((platform == null ? "" : platform) + " " + (constellation == null ? "" : constellation))
            .toLowerCase(Locale.ROOT);
    return OTHERS.entrySet().stream()
        .filter(e -> said.contains(e.getKey()))
        .map(Map.Entry::getValue)
        .sorted()
        .findFirst();
  }

  private static String names() {
    return String.join(", ", KNOWN.stream().map(SensorProfile::name).toList());
  }
}
