package org.lcz.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells the radiometry of reflectance values from their distribution, and holds a declared
 * radiometry against it. Only {@link SpectralBands#isReflectance reflectance bands} count.
 *
 * <ul>
 *   <li><b>Scale</b>: the brightest band's 99th percentile. Surface reflectance rarely exceeds 1.5
 *       outside clouds, and a scene is not all black: up to {@value #FRACTION_MAX} the values are a
 *       fraction, from {@value #SCALED_MIN} they are × 10,000; in between nothing can be told. A
 *       declaration that contradicts this is refused.
 *   <li><b>Offset</b>: the darkest band's 1st percentile, as a fraction of the scale. Water, shadow
 *       and dense vegetation put some pixels near reflectance 0 in some band, so with the BOA
 *       offset not removed it stays at or above {@value #OFFSET_EVIDENT}; below {@value
 *       #BELOW_OFFSET} the values cannot carry an offset (more than 1 % would be negative
 *       reflectance). Providers' offset flags are known to be wrong at times: a declared offset the
 *       values contradict is corrected, and the correction is reported. A scene with no dark pixel
 *       at all (a bright desert) can look offset: declare its radiometry.
 * </ul>
 */
public final class RadiometryCheck {
  /** The brightest band's 99th percentile up to which values are a fraction. */
  public static final double FRACTION_MAX = 3.0;

  /** The brightest band's 99th percentile from which values are × 10,000. */
  public static final double SCALED_MIN = 30.0;

  /** Darkest band's 1st percentile (fraction of the scale) from which an offset is evident. */
  public static final double OFFSET_EVIDENT = 0.095;

  /** Darkest band's 1st percentile (fraction of the scale) below which no offset can be. */
  public static final double BELOW_OFFSET = 0.09;

  /** Fewest valid values per reflectance band for a verdict. */
  public static final long MIN_VALUES = 100;

  private RadiometryCheck() {}

  /**
   * A verdict: the radiometry the values are in, and what was found on the way (empty when the
   * declaration was simply confirmed).
   */
  public record Finding(Radiometry radiometry, String note) {}

  /**
   * The radiometry the values are in.
   *
   * @param what the data's name, for messages
   * @throws RadiometryException when it cannot be told; the message says what to declare
   */
  public static Finding detect(String what, ValueSurvey survey) {
    Stats s = stats(what, survey, null);
    if (s == null) {
      return new Finding(Radiometry.CANONICAL, what + " has no reflectance bands");
    }
    double scale = s.scale(what);
    Radiometry r = new Radiometry(Radiometry.SURFACE, scale, 0);
    boolean offset = s.darkest / scale >= OFFSET_EVIDENT;
    if (offset) {
      r = r.withStandardOffset();
    }
    return new Finding(
        r,
        String.format(
            Locale.ROOT,
            "%s: radiometry detected as %s (brightest band's 99th percentile %s, darkest band's"
                + " 1st percentile %s)",
            what,
            r.label(),
            fmt(s.brightest),
            fmt(s.darkest)));
  }

  /** How far a declaration is trusted against the values. */
  public enum Trust {
    /**
     * Said explicitly for this data by a person or their tool (a manifest, a request, GDAL band
     * scale and offset): an offset the values make impossible is corrected; a missing offset the
     * values suggest is only noted (a bright scene can look offset).
     */
    EXPLICIT,
    /**
     * A provider's metadata flag (STAC properties, a SAFE product's baseline), known to be wrong at
     * times: the values decide the offset either way.
     */
    PROVIDER
  }

  /** {@link #verify(String, Radiometry, String, ValueSurvey, Trust)} of an explicit declaration. */
  public static Finding verify(
      String what, Radiometry declared, String declaredBy, ValueSurvey survey) {
    return verify(what, declared, declaredBy, survey, Trust.EXPLICIT);
  }

  /**
   * The radiometry the values are in, given that {@code declaredBy} says {@code declared}: the
   * declaration when the values agree with it; with its offset corrected when the values contradict
   * that as far as {@code trust} allows (the note says so).
   *
   * @throws RadiometryException when the values contradict the declared scale
   */
  public static Finding verify(
      String what, Radiometry declared, String declaredBy, ValueSurvey survey, Trust trust) {
    Stats s = stats(what, survey, declared);
    if (s == null) {
      return new Finding(declared, "");
    }
    s.check(what, declared, declaredBy);
    double darkest = s.darkest / declared.scale();
    if (declared.hasOffset() && darkest < BELOW_OFFSET) {
      Radiometry corrected = declared.withoutOffset();
      return new Finding(
          corrected,
          String.format(
              Locale.ROOT,
              "%s: %s declares %s, but 1 %% of the darkest band's values lie below %s: the offset"
                  + " was already removed; read as %s",
              what,
              declaredBy,
              declared.label(),
              fmt(s.darkest),
              corrected.label()));
    }
    if (!declared.hasOffset() && darkest >= OFFSET_EVIDENT && trust == Trust.EXPLICIT) {
      return new Finding(
          declared,
          String.format(
              Locale.ROOT,
              "%s: read as %s, as %s declares; its darkest band's 1st percentile is %s, as if the"
                  + " BOA offset were not removed: if so, declare %s",
              what,
              declared.label(),
              declaredBy,
              fmt(s.darkest),
              declared.withStandardOffset().shortForm()));
    }
    if (!declared.hasOffset() && darkest >= OFFSET_EVIDENT) {
      Radiometry corrected = declared.withStandardOffset();
      return new Finding(
          corrected,
          String.format(
              Locale.ROOT,
              "%s: %s declares %s, but the darkest band's 1st percentile is %s: the BOA offset was"
                  + " not removed; read as %s",
              what,
              declaredBy,
              declared.label(),
              fmt(s.darkest),
              corrected.label()));
    }
    return new Finding(declared, "");
  }

  private record Stats(double brightest, double darkest) {
    boolean fraction() {
      return brightest <= FRACTION_MAX;
    }

    boolean scaled() {
      return brightest >= SCALED_MIN;
    }

    /** The scale the values show. */
    double scale(String what) {
      if (!fraction() && !scaled()) {
        throw new RadiometryException(
            what
                + ": cannot tell the radiometry: the brightest band's 99th percentile is "
                + fmt(brightest)
                + ", neither a fraction (≤ "
                + fmt(FRACTION_MAX)
                + ") nor reflectance × 10000 (≥ "
                + fmt(SCALED_MIN)
                + "); declare it (fraction, x10000, with +offset if the BOA offset is not removed)");
      }
      return fraction() ? 1 : 10_000;
    }

    /** Refuses a declared scale the values contradict. */
    void check(String what, Radiometry declared, String declaredBy) {
      boolean agrees = declared.scale() <= FRACTION_MAX ? fraction() : scaled();
      if (!agrees) {
        throw new RadiometryException(
            what
                + ": "
                + declaredBy
                + " declares "
                + declared.label()
                + " but the brightest band's 99th percentile is "
                + fmt(brightest)
                + (scaled()
                    ? ", values of reflectance × 10000"
                    : fraction() ? ", values of a fraction" : ", neither a fraction nor × 10000")
                + "; correct the declaration or the file");
      }
    }
  }

  private static Stats stats(String what, ValueSurvey survey, Radiometry declared) {
    double brightest = Double.NEGATIVE_INFINITY;
    double darkest = Double.POSITIVE_INFINITY;
    List<String> tooFew = new ArrayList<>();
    boolean any = false;
    for (int b = 0; b < survey.bands().size(); b++) {
      if (!SpectralBands.isReflectance(survey.bands().get(b))) {
        continue;
      }
      any = true;
      if (survey.validValues(b) < MIN_VALUES) {
        tooFew.add(survey.bands().get(b));
        continue;
      }
      brightest = Math.max(brightest, survey.quantile(b, 0.99));
      darkest = Math.min(darkest, survey.quantile(b, 0.01));
    }
    if (!any) {
      return null;
    }
    if (!tooFew.isEmpty()) {
      if (declared != null) {
        return null; // nothing to hold the declaration against
      }
      throw new RadiometryException(
          what
              + ": too few valid pixels in "
              + tooFew
              + " (fewer than "
              + MIN_VALUES
              + ") to tell the radiometry; declare it (fraction, x10000, with +offset if the BOA"
              + " offset is not removed)");
    }
    return new Stats(brightest, darkest);
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 100
        ? String.format(Locale.ROOT, "%.0f", v)
        : String.format(Locale.ROOT, "%.4g", v);
  }
}
