package org.lcz.ingest.source;

import java.awt.image.BandedSampleModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lcz.raster.RasterSource;
import org.lcz.raster.RasterView;

/**
 * A scene whose pixels are nodata wherever its mask band holds one of the masked classes (e.g. the
 * Sentinel-2 scene classification's clouds); the mask band itself is left out.
 */
public final class MaskedScene extends RasterView {
  /**
   * Sentinel-2 L2A scene classification (SCL) classes that hold no usable surface: no data (0),
   * saturated or defective (1), cloud shadows (3), clouds of medium (8) and high (9) probability,
   * thin cirrus (10).
   */
  public static final Set<Integer> SCL_MASKED = Set.of(0, 1, 3, 8, 9, 10);

  private final int maskBand;
  private final boolean[] masked;
  private final double nodata;
  private final List<String> names = new ArrayList<>();
  private final int[] keep;

  /**
   * @param maskBand the index of the mask band in {@code source}
   * @param classes the mask values that make a pixel nodata
   * @throws IllegalArgumentException if the source declares no nodata value
   */
  public MaskedScene(RasterSource source, int maskBand, Set<Integer> classes) {
    super(source);
    this.maskBand = maskBand;
    this.nodata =
        source
            .nodata()
            .orElseThrow(() -> new IllegalArgumentException("a masked scene needs a nodata value"));
    int max = classes.stream().mapToInt(Integer::intValue).max().orElse(0);
    this.masked = new boolean[Math.max(256, max + 1)];
    classes.forEach(c -> masked[c] = true);
    this.keep = new int[source.bandNames().size() - 1];
    for (int b = 0, k = 0; b < source.bandNames().size(); b++) {
      if (b != maskBand) {
        keep[k++] = b;
        names.add(source.bandNames().get(b));
      }
    }
  }

  /** Whether mask value {@code v} is a masked class. */
  boolean isMasked(int v) {
    return v >= 0 && v < masked.length && masked[v];
  }

  @Override
  public List<String> bandNames() {
    return List.copyOf(names);
  }

  @Override
  public Optional<Double> nodata() {
    return Optional.of(nodata);
  }

  @Override
  public Raster read(int x, int y, int w, int h) {
    Raster in = source.read(x, y, w, h);
    int[] mask = in.getSamples(in.getMinX(), in.getMinY(), w, h, maskBand, new int[w * h]);
    WritableRaster out =
        Raster.createWritableRaster(
            new BandedSampleModel(source.dataType(), w, h, keep.length), null);
    double[] values = new double[w * h];
    for (int k = 0; k < keep.length; k++) {
      in.getSamples(in.getMinX(), in.getMinY(), w, h, keep[k], values);
      for (int i = 0; i < values.length; i++) {
        if (isMasked(mask[i])) {
          values[i] = nodata;
        }
      }
      out.setSamples(0, 0, w, h, k, values);
    }
    return out;
  }
}
