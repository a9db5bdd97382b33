package org.lcz.synth;

import java.util.List;

/**
 * How one LCZ class looks at 10 m: built types are a grid of buildings (edge, gap between them,
 * share of plots built, roof material, shadow strip for tall buildings, typical height) on a ground
 * of two surfaces; land-cover types are a base surface with blobs of a cover surface (blob edge,
 * cover share). Every pixel also carries noise of the class's spread.
 *
 * @param value LCZ map value (1–17)
 * @param building building edge in pixels (0 for land-cover types)
 * @param gap free pixels between neighbouring plots
 * @param occupancy share of plots that carry a building
 * @param roof roof material
 * @param shadow pixels of shadow beside each building (tall buildings)
 * @param height typical building height in metres
 * @param base ground (built types) or base surface (land cover)
 * @param cover second ground surface, or the blobs of a land-cover type
 * @param coverShare share of the ground covered by {@code cover}
 * @param blob edge of the cover blobs in pixels
 * @param noise spread of the per-pixel noise (reflectance × 10,000)
 */
public record ClassModel(
    int value,
    int building,
    int gap,
    double occupancy,
    Surface roof,
    int shadow,
    double height,
    Surface base,
    Surface cover,
    double coverShare,
    int blob,
    double noise) {

  /** Whether this is a built type (LCZ 1–10). */
  public boolean built() {
    return building > 0;
  }

  private static ClassModel built(
      int value,
      int building,
      int gap,
      double occupancy,
      Surface roof,
      int shadow,
      double height,
      Surface ground,
      Surface green,
      double greenShare) {
    return new ClassModel(
        value, building, gap, occupancy, roof, shadow, height, ground, green, greenShare, 2, 120);
  }

  private static ClassModel cover(
      int value, Surface base, Surface cover, double share, int blob, double noise) {
    return new ClassModel(value, 0, 0, 0, null, 0, 0, base, cover, share, blob, noise);
  }

  /** The 17 classes, by map value (index 0 = LCZ 1). */
  public static final List<ClassModel> ALL =
      List.of(
          // 1 compact high-rise: large tall blocks close together, shaded paved streets
          built(1, 6, 2, 0.95, Surface.ROOF, 2, 60, Surface.PAVED, Surface.SHADOW, 0.3),
          // 2 compact midrise: medium blocks close together on paving
          built(2, 4, 1, 0.95, Surface.ROOF, 1, 18, Surface.PAVED, Surface.PAVED, 0),
          // 3 compact low-rise: small houses wall to wall, little green
          built(3, 2, 1, 0.9, Surface.ROOF, 0, 7, Surface.PAVED, Surface.GRASS, 0.1),
          // 4 open high-rise: tall towers far apart in green
          built(4, 5, 9, 0.9, Surface.ROOF, 3, 50, Surface.GRASS, Surface.PAVED, 0.4),
          // 5 open midrise: medium blocks apart, mixed paving and green
          built(5, 4, 5, 0.85, Surface.ROOF, 1, 15, Surface.GRASS, Surface.PAVED, 0.5),
          // 6 open low-rise: detached houses in gardens
          built(6, 2, 3, 0.8, Surface.ROOF, 0, 7, Surface.GRASS, Surface.TREES, 0.3),
          // 7 lightweight low-rise: tiny dense huts on bare soil
          built(7, 1, 1, 0.85, Surface.METAL_ROOF, 0, 3, Surface.SOIL, Surface.SOIL, 0),
          // 8 large low-rise: large flat warehouses and car parks
          built(8, 9, 4, 0.8, Surface.ROOF, 0, 8, Surface.PAVED, Surface.PAVED, 0),
          // 9 sparsely built: few small buildings in vegetation
          built(9, 2, 10, 0.6, Surface.ROOF, 0, 6, Surface.GRASS, Surface.TREES, 0.3),
          // 10 heavy industry: big metal halls, soil and paving
          built(10, 8, 5, 0.75, Surface.METAL_ROOF, 1, 15, Surface.SOIL, Surface.PAVED, 0.5),
          // A dense trees: closed canopy with small gaps
          cover(11, Surface.TREES, Surface.GRASS, 0.1, 3, 150),
          // B scattered trees: tree blobs on grass
          cover(12, Surface.GRASS, Surface.TREES, 0.4, 3, 150),
          // C bush, scrub: shrubs on soil
          cover(13, Surface.SOIL, Surface.SHRUB, 0.6, 2, 150),
          // D low plants: grass and crops
          cover(14, Surface.GRASS, Surface.GRASS, 0, 1, 150),
          // E bare rock or paved: paving with patches of soil
          cover(15, Surface.PAVED, Surface.SOIL, 0.3, 4, 120),
          // F bare soil or sand
          cover(16, Surface.SAND, Surface.SOIL, 0.4, 5, 150),
          // G water: smooth
          cover(17, Surface.WATER, Surface.WATER, 0, 1, 30));

  /** The model of LCZ map value {@code value}. */
  public static ClassModel of(int value) {
    return ALL.get(value - 1);
  }
}
