package org.lcz.inference.region;

import java.util.ArrayList;
import java.util.List;
import org.lcz.inference.map.MapTile;
import org.lcz.raster.GridMapping;
import org.lcz.scheme.regions.RegionGrid;

/**
 * Fuses member scene maps onto a region's grid. Each member's class probabilities are brought onto
 * the region's cells (any CRS: the cell centre is placed on the member's grid, Apache SIS) by
 * bilinear interpolation over the four member cells around it that have data, their weights
 * renormalised; a region cell whose centre lies outside the member, or whose four neighbours all
 * lack data (masked, nodata), is not observed by that member. Per cell the fused probability vector
 * is the mean over the members that observe it, each weighted by how directly it observes the cell:
 * the inverse of the effective number of its cells blended there, Σ(wₖ/Σw)² (1 when the region cell
 * is one member cell, as on the region's lattice; ¼ when four are blended equally, as a member of
 * the neighbouring UTM zone may be) — a member resampled across zones no longer outweighs the
 * members that observe the cell exactly; from it the class (argmax; ties, which only the rounding
 * to whole percents makes, go to the class most observing members show, then to the lower value),
 * its probability, {@code observations} (how many members saw the cell) and {@code agreement} (the
 * share of those members whose own class — the class their map shows in the cell under the region
 * cell's centre, else the argmax of their interpolated vector — equals the fused class, 0–100).
 * Cells outside the outline, and cells no member observes, stay without data and are counted.
 */
public final class RegionFusion {
  private static final int K = MapTile.CLASSES;

  private final RegionGrid region;
  private final int n;
  private final float[] sums;
  private final float[] weights;
  private final int[] observations;
  private final List<byte[]> memberClasses = new ArrayList<>();

  public RegionFusion(RegionGrid region) {
    this.region = region;
    this.n = region.cols() * region.rows();
    this.sums = new float[K * n];
    this.weights = new float[n];
    this.observations = new int[n];
  }

  /** Adds one member's observations. */
  public void add(MemberMap member) {
    GridMapping mapping = GridMapping.between(region.grid(), member.grid());
    int mc = member.grid().cols();
    int mr = member.grid().rows();
    byte[][] p = member.probabilities();
    byte[] own = new byte[n];
    int cols = region.cols();
    double[] px = new double[cols];
    double[] py = new double[cols];
    int[] at = new int[4];
    double[] w = new double[4];
    float[] v = new float[K];
    for (int r = 0; r < region.rows(); r++) {
      mapping.row(r, px, py);
      for (int c = 0; c < cols; c++) {
        int i = r * cols + c;
        if (!region.inside(i)) {
          continue;
        }
        double x = px[c];
        double y = py[c];
        if (!(x >= 0 && y >= 0 && x < mc && y < mr)) {
          continue; // outside the member (or NaN)
        }
        double gx = x - 0.5;
        double gy = y - 0.5;
        int x0 = (int) Math.floor(gx);
        int y0 = (int) Math.floor(gy);
        double fx = gx - x0;
        double fy = gy - y0;
        double total = 0;
        for (int k = 0; k < 4; k++) {
          int xx = x0 + (k & 1);
          int yy = y0 + (k >> 1);
          double wk = ((k & 1) == 1 ? fx : 1 - fx) * ((k >> 1) == 1 ? fy : 1 - fy);
          if (xx < 0 || yy < 0 || xx >= mc || yy >= mr || wk <= 0) {
            w[k] = 0;
            continue;
          }
          int j = yy * mc + xx;
          if (!member.hasData(j)) {
            w[k] = 0;
            continue;
          }
          at[k] = j;
          w[k] = wk;
          total += wk;
        }
        if (total <= 0) {
          continue; // no member cell with data around: not observed
        }
        // how directly the member observes the cell: 1 when it is one member cell, down to 1/4
        // when it is blended equally from four (the inverse of the effective number of cells)
        double concentration = 0;
        for (int k = 0; k < 4; k++) {
          concentration += (w[k] / total) * (w[k] / total);
        }
        float weight = (float) concentration;
        weights[i] += weight;
        int best = 0;
        for (int b = 0; b < K; b++) {
          double s = 0;
          for (int k = 0; k < 4; k++) {
            if (w[k] > 0) {
              s += w[k] * (p[b][at[k]] & 0xFF);
            }
          }
          v[b] = (float) (s / total);
          sums[b * n + i] += weight * v[b];
          if (v[b] > v[best]) {
            best = b;
          }
        }
        int under = member.classes()[(int) y * mc + (int) x];
        own[i] = (byte) (under > 0 ? under : best + 1);
        observations[i]++;
      }
    }
    memberClasses.add(own);
  }

  /** Among the classes whose sum equals {@code best}'s, the one most members show at cell i. */
  private int breakTie(int i, int best) {
    int chosen = best;
    int votes = -1;
    for (int b = best; b < K; b++) {
      if (sums[b * n + i] != sums[best * n + i]) {
        continue;
      }
      int v = 0;
      for (byte[] own : memberClasses) {
        if (own[i] == b + 1) {
          v++;
        }
      }
      if (v > votes) {
        votes = v;
        chosen = b;
      }
    }
    return chosen;
  }

  /** The fused map of the members added. */
  public FusedRegion result() {
    byte[] classes = new byte[n];
    byte[] confidence = new byte[n];
    byte[] probabilities = new byte[K * n];
    byte[] observed = new byte[n];
    byte[] agreement = new byte[n];
    long observedCells = 0;
    for (int i = 0; i < n; i++) {
      int count = observations[i];
      if (count == 0) {
        continue;
      }
      observedCells++;
      float weight = weights[i];
      int best = 0;
      for (int b = 0; b < K; b++) {
        float mean = sums[b * n + i] / weight;
        probabilities[b * n + i] = (byte) Math.round(mean);
        if (sums[b * n + i] > sums[best * n + i]) {
          best = b;
        }
      }
      best = breakTie(i, best);
      classes[i] = (byte) (best + 1);
      confidence[i] = (byte) Math.round(sums[best * n + i] / weight);
      int agree = 0;
      for (byte[] own : memberClasses) {
        if (own[i] == classes[i]) {
          agree++;
        }
      }
      observed[i] = (byte) Math.min(count, 255);
      agreement[i] = (byte) Math.round(100.0 * agree / count);
    }
    return new FusedRegion(
        region,
        classes,
        confidence,
        probabilities,
        observed,
        agreement,
        observedCells,
        region.insideCells(),
        memberClasses.size());
  }
}
