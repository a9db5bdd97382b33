package org.lcz.scheme;

/**
 * One Local Climate Zone class.
 *
 * @param value the map value, 1–17 (0 is nodata)
 * @param code the LCZ code: 1–10 for built types, A–G for land-cover types
 * @param name e.g. {@code Compact highrise}
 * @param group built or natural
 * @param rgb the WUDAPT colour as {@code 0xRRGGBB}
 */
public record LczClass(int value, String code, String name, LczGroup group, int rgb) {
  public LczClass {
    if (value < 1) {
      throw new IllegalArgumentException("LCZ class values start at 1, was " + value);
    }
  }

  /** The colour as {@code #RRGGBB}. */
  public String hex() {
    return String.format("#%06X", rgb);
  }

  /** Whether this is a built type. */
  public boolean isBuilt() {
    return group == LczGroup.BUILT;
  }
}
