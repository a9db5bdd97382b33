package org.lcz.synth;

/**
 * Surface materials with Sentinel-2-like reflectance (× 10,000) in the platform's ten bands B2 B3
 * B4 B5 B6 B7 B8 B8A B11 B12: vegetation is dark in red and bright in near-infrared, water dark
 * everywhere and darkest in the infrared, roofs and paving bright in short-wave infrared, bare soil
 * and sand rising towards the short-wave infrared.
 */
public enum Surface {
  /** Concrete and tiled roofs. */
  ROOF(1400, 1500, 1600, 1700, 1800, 1850, 1900, 1950, 2600, 2300),
  /** Metal roofs of industrial halls. */
  METAL_ROOF(1900, 2000, 2050, 2100, 2150, 2200, 2250, 2250, 2900, 2800),
  /** Asphalt and paving. */
  PAVED(900, 1000, 1050, 1100, 1150, 1200, 1250, 1280, 1500, 1400),
  /** The shade of tall buildings on the ground. */
  SHADOW(350, 380, 380, 420, 500, 540, 560, 570, 520, 450),
  /** Grass and low plants. */
  GRASS(400, 700, 500, 1200, 2800, 3300, 3600, 3700, 2000, 1100),
  /** Tree canopy. */
  TREES(300, 550, 350, 900, 2400, 2900, 3200, 3300, 1500, 700),
  /** Bushes and scrub. */
  SHRUB(500, 750, 700, 1300, 2200, 2500, 2700, 2800, 2400, 1600),
  /** Bare soil. */
  SOIL(1300, 1600, 2000, 2300, 2500, 2600, 2700, 2800, 3400, 3000),
  /** Sand. */
  SAND(1900, 2200, 2600, 2800, 3000, 3100, 3200, 3300, 3900, 3600),
  /** Open water. */
  WATER(600, 500, 350, 250, 180, 160, 120, 110, 50, 40);

  private final int[] reflectance;

  Surface(int... reflectance) {
    this.reflectance = reflectance;
  }

  /** Reflectance × 10,000 in band {@code b} (0 = B2 … 9 = B12). */
  public int reflectance(int b) {
    return reflectance[b];
  }
}
