package org.lcz.inference.region;

import org.lcz.scheme.regions.RegionGrid;

/**
 * A region's fused map on its grid, row-major; every array 0 where a cell is outside the outline or
 * observed by no member.
 *
 * @param classes the fused LCZ value (1–17)
 * @param confidence the fused class's mean probability, percent
 * @param probabilities per LCZ value {@code v} the plane {@code v - 1} of mean probabilities
 * @param observations how many members observed the cell (at most 255)
 * @param agreement the share of those members whose own class is the fused class, percent
 * @param observedCells cells of the outline some member observed
 * @param outlineCells cells of the outline
 * @param members members fused
 */
public record FusedRegion(
    RegionGrid grid,
    byte[] classes,
    byte[] confidence,
    byte[] probabilities,
    byte[] observations,
    byte[] agreement,
    long observedCells,
    long outlineCells,
    int members) {

  /** The share of the outline observed (0–1). */
  public double coverage() {
    return outlineCells == 0 ? 0 : (double) observedCells / outlineCells;
  }
}
