package org.lcz.contract;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * What the numbers of reflectance bands mean: {@code value = reflectance × scale + offset} of a
 * physical {@link #quantity} (surface reflectance for Sentinel-2 L2A, top-of-atmosphere reflectance
 * for L1C). Two radiometries of the same quantity convert into each other exactly ({@link #to});
 * different quantities cannot be converted. Ancillary bands (a height, a DEM) have no radiometry:
 * it applies to {@link SpectralBands#isReflectance reflectance bands} only.
 *
 * <p>The platform's canonical radiometry, the one tiles carry, is surface reflectance × 10,000 with
 * the BOA offset removed ({@link #CANONICAL}): Sentinel-2 L2A digital numbers before processing
 * baseline 04.00, and what So2Sat LCZ42 holds divided by 10,000.
 *
 * @param quantity {@link #SURFACE} or {@link #TOA}
 * @param scale reflectance 1.0 is this many units above the offset (1 or 10,000)
 * @param offset the value of reflectance 0 (e.g. 1,000 for L2A digital numbers of baseline ≥ 04.00
 *     whose {@code BOA_ADD_OFFSET} of −1,000 has not been applied)
 */
public record Radiometry(
    @JsonProperty(required = true) String quantity,
    @JsonProperty(required = true) double scale,
    @JsonProperty(required = true) double offset) {

  /** Bottom-of-atmosphere (surface) reflectance, Sentinel-2 L2A. */
  public static final String SURFACE = "surface-reflectance";

  /** Top-of-atmosphere reflectance, Sentinel-2 L1C. */
  public static final String TOA = "toa-reflectance";

  /** Surface reflectance × 10,000, offset removed: what tiles carry. */
  public static final Radiometry CANONICAL = new Radiometry(SURFACE, 10_000, 0);

  /** Surface reflectance as a fraction (So2Sat LCZ42, Google Earth Engine exports divided). */
  public static final Radiometry FRACTION = new Radiometry(SURFACE, 1, 0);

  /** L2A digital numbers of processing baseline ≥ 04.00: reflectance × 10,000 + 1,000. */
  public static final Radiometry L2A_WITH_OFFSET = new Radiometry(SURFACE, 10_000, 1_000);

  @JsonCreator
  public Radiometry {
    if (quantity == null || !(quantity.equals(SURFACE) || quantity.equals(TOA))) {
      throw new RadiometryException(
          "radiometry quantity must be " + SURFACE + " or " + TOA + ", not " + quantity);
    }
    if (!(scale > 0) || Double.isInfinite(scale)) {
      throw new RadiometryException("radiometry scale must be positive, not " + scale);
    }
    if (!Double.isFinite(offset)) {
      throw new RadiometryException("radiometry offset must be finite, not " + offset);
    }
    offset = offset == 0 ? 0 : offset; // −0 is 0
  }

  /**
   * The surface-reflectance radiometry of metadata that says {@code reflectance = value ×
   * valueScale + valueOffset} (GDAL band scale and offset, STAC {@code raster:bands}), e.g. 0.0001
   * and −0.1 for L2A numbers with the BOA offset; the inverse's near-integers (10,000 for 1 /
   * 0.0001) are taken as integers.
   */
  public static Radiometry ofScaleAndOffset(double valueScale, double valueOffset) {
    return new Radiometry(
        SURFACE, nearInteger(1 / valueScale), nearInteger(-valueOffset / valueScale));
  }

  private static double nearInteger(double v) {
    double r = Math.rint(v);
    return Math.abs(v - r) < 1e-6 * Math.max(1, Math.abs(v)) ? r : v;
  }

  /**
   * Reads the short form: {@code fraction}, {@code x10000}, each optionally followed by {@code
   * +offset} (the BOA offset of 0.1 or 1,000 not removed) and preceded by {@code toa-} for
   * top-of-atmosphere reflectance; e.g. {@code x10000+offset} for L2A digital numbers of baseline ≥
   * 04.00.
   *
   * @throws RadiometryException naming the accepted forms
   */
  public static Radiometry parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replace(" ", "");
    String quantity = SURFACE;
    if (t.startsWith("toa-")) {
      quantity = TOA;
      t = t.substring(4);
    }
    boolean offset = t.endsWith("+offset");
    if (offset) {
      t = t.substring(0, t.length() - "+offset".length());
    }
    double scale =
        switch (t) {
          case "fraction" -> 1;
          case "x10000", "×10000" -> 10_000;
          default ->
              throw new RadiometryException(
                  "radiometry \""
                      + text
                      + "\" is not one of fraction, fraction+offset, x10000, x10000+offset (prefix"
                      + " toa- for top-of-atmosphere reflectance)");
        };
    return new Radiometry(quantity, scale, offset ? 0.1 * scale : 0);
  }

  /** The short form {@link #parse} reads, when this radiometry has one; else {@link #label}. */
  public String shortForm() {
    String base = scale == 1 ? "fraction" : scale == 10_000 ? "x10000" : null;
    boolean standardOffset = offset == 0 || offset == 0.1 * scale;
    if (base == null || !standardOffset) {
      return label();
    }
    return (quantity.equals(TOA) ? "toa-" : "") + base + (offset == 0 ? "" : "+offset");
  }

  /** For messages: e.g. "surface reflectance × 10000 + 1000 (BOA offset not removed)". */
  public String label() {
    String q = quantity.equals(SURFACE) ? "surface reflectance" : "top-of-atmosphere reflectance";
    String s = scale == 1 ? " as a fraction" : " × " + number(scale);
    String o = offset == 0 ? "" : " + " + number(offset) + " (BOA offset not removed)";
    return q + s + o;
  }

  private static String number(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** Whether reflectance 0 is stored above 0. */
  public boolean hasOffset() {
    return offset != 0;
  }

  /** This radiometry with its offset removed. */
  public Radiometry withoutOffset() {
    return new Radiometry(quantity, scale, 0);
  }

  /** This radiometry with the standard BOA offset (0.1 of the scale) not removed. */
  public Radiometry withStandardOffset() {
    return new Radiometry(quantity, scale, 0.1 * scale);
  }

  /**
   * The linear map from values in this radiometry to values in {@code target}.
   *
   * @throws RadiometryException if the two measure different quantities
   */
  public LinearMap to(Radiometry target) {
    if (!quantity.equals(target.quantity)) {
      throw new RadiometryException(
          "values in "
              + label()
              + " cannot be converted into "
              + target.label()
              + ": they measure different quantities");
    }
    double gain = target.scale / scale;
    return new LinearMap(gain, target.offset - offset * gain);
  }

  /**
   * {@code out = gain · in + bias}.
   *
   * @param gain the factor
   * @param bias the term added
   */
  public record LinearMap(double gain, double bias) {
    /** Whether the map changes nothing. */
    public boolean isIdentity() {
      return gain == 1 && bias == 0;
    }

    public double apply(double v) {
      return gain * v + bias;
    }
  }
}
