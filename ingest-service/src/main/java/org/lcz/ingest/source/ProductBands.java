package org.lcz.ingest.source;

import java.awt.image.Raster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lcz.raster.RasterSource;
import org.lcz.raster.Resampling;

/**
 * A Sentinel-2 product's band files as one scene: stacked on the finest band's grid (20 m bands
 * resampled bilinear, the scene classification {@code SCL} nearest), then masked where {@code SCL}
 * holds no usable surface ({@link MaskedScene#SCL_MASKED}); the masked share is noted.
 *
 * @param raster the bands, masked
 * @param resampling per band of {@code raster}
 * @param notes the masked share, or that nothing could be masked
 * @param maskedShare the share of SCL pixels masked (0–1), or null without SCL
 */
record ProductBands(
    RasterSource raster, List<Resampling> resampling, List<String> notes, Double maskedShare) {
  /** The name of the scene-classification band. */
  static final String SCL = "SCL";

  /** L2A digital numbers' nodata value. */
  static final double NODATA = 0;

  /**
   * @param name the product, for messages
   * @param bands each band's raster by name, in the platform's order, {@code SCL} last if present
   */
  static ProductBands of(String name, Map<String, ? extends RasterSource> bands) {
    String reference = null;
    double finest = Double.POSITIVE_INFINITY;
    for (var e : bands.entrySet()) {
      double px = Math.abs(e.getValue().geoTransform()[1]);
      if (!e.getKey().equals(SCL) && px < finest) {
        finest = px;
        reference = e.getKey();
      }
    }
    List<SceneDefinition.BandFile> files = new ArrayList<>();
    List<Resampling> resampling = new ArrayList<>();
    for (String band : bands.keySet()) {
      boolean scl = band.equals(SCL);
      files.add(new SceneDefinition.BandFile(band, band, 1, scl ? "nearest" : "bilinear"));
      if (!scl) {
        resampling.add(Resampling.BILINEAR);
      }
    }
    StackedScene stack =
        new StackedScene(name, new SceneDefinition(files, reference, NODATA, null, null), bands);
    if (!bands.containsKey(SCL)) {
      return new ProductBands(
          stack,
          resampling,
          List.of(name + " has no SCL band: clouds and shadows are not masked"),
          null);
    }
    int scl = new ArrayList<>(bands.keySet()).indexOf(SCL);
    MaskedScene masked = new MaskedScene(stack, scl, MaskedScene.SCL_MASKED);
    double share = maskedShare(bands.get(SCL), masked);
    return new ProductBands(
        masked,
        resampling,
        List.of(
            String.format(
                Locale.ROOT,
                "masked: %.1f %% of the scene (SCL no data, saturated, cloud shadow, cloud,"
                    + " cirrus)",
                100 * share)),
        share);
  }

  /** The share (0–1) of the scene classification's pixels that are masked. */
  private static double maskedShare(RasterSource scl, MaskedScene masked) {
    long all = (long) scl.width() * scl.height();
    long hidden = 0;
    int rows = Math.max(1, (int) Math.min(scl.height(), (8L << 20) / Math.max(1, scl.width())));
    int[] v = new int[scl.width() * rows];
    for (int y = 0; y < scl.height(); y += rows) {
      int h = Math.min(rows, scl.height() - y);
      Raster r = scl.read(0, y, scl.width(), h);
      r.getSamples(r.getMinX(), r.getMinY(), scl.width(), h, 0, v);
      for (int i = 0; i < scl.width() * h; i++) {
        if (masked.isMasked(v[i])) {
          hidden++;
        }
      }
    }
    return (double) hidden / all;
  }
}
