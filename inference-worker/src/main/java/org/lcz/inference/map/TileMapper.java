package org.lcz.inference.map;

import java.util.List;
import org.lcz.common.raster.CellGrid;
import org.lcz.inference.model.PatchClassifier;
import org.lcz.inference.window.PatchSampler;

/**
 * Maps the cells of one tile: for each cell whose centre pixel holds data, the model-sized patch
 * around it goes into a batch; full batches go to the classifier; the class with the highest
 * probability becomes the cell's LCZ value and that probability its confidence; every class's
 * probability is kept in percent. Cells whose centre pixel is nodata, or whose patch is mostly
 * ({@value #MAX_NODATA_SHARE}) nodata or cloud, get class 0 and no probabilities. Buffers are
 * allocated once per mapper and reused for every tile.
 */
public final class TileMapper {
  /** A cell whose patch has more nodata pixels than this share stays without a class. */
  public static final double MAX_NODATA_SHARE = 0.5;

  private final PatchClassifier classifier;
  private final int[] classValues;
  private final int batchSize;
  private final int patchFloats;
  private final float[] batch;
  private final float[] probabilities;
  private final int[] batchCells;
  private long classifyNanos;

  /**
   * @param classValues the map value (1–17) of each model output, in output order
   * @param patchFloats floats one patch takes ({@code bands × patch × patch})
   */
  public TileMapper(
      PatchClassifier classifier, List<Integer> classValues, int batchSize, int patchFloats) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1: " + batchSize);
    }
    if (classValues.size() != classifier.classes()) {
      throw new IllegalArgumentException(
          "the model has "
              + classifier.classes()
              + " outputs but "
              + classValues.size()
              + " classes");
    }
    for (int v : classValues) {
      if (v < 1 || v > MapTile.CLASSES) {
        throw new IllegalArgumentException("LCZ values are 1.." + MapTile.CLASSES + ", not " + v);
      }
    }
    this.classifier = classifier;
    this.classValues = classValues.stream().mapToInt(Integer::intValue).toArray();
    this.batchSize = batchSize;
    this.patchFloats = patchFloats;
    this.batch = new float[batchSize * patchFloats];
    this.probabilities = new float[batchSize * classValues.size()];
    this.batchCells = new int[batchSize];
  }

  /**
   * The map of the cells {@code span} of {@code grid}, with patches from {@code sampler}.
   *
   * @param sceneGeoTransform the scene's geotransform (places the cells)
   */
  public MapTile map(
      CellGrid grid,
      CellGrid.Span span,
      PatchSampler sampler,
      double[] sceneGeoTransform,
      String modelVersion) {
    if (sampler.patchFloats() != patchFloats) {
      throw new IllegalArgumentException(
          "patches of " + sampler.patchFloats() + " floats, the mapper expects " + patchFloats);
    }
    int w = span.cols();
    int h = span.rows();
    byte[] classes = new byte[w * h];
    byte[] confidence = new byte[w * h];
    byte[] perClass = new byte[MapTile.CLASSES * w * h];
    int n = 0;
    for (int r = 0; r < h; r++) {
      int cy = grid.centreY(span.firstRow() + r);
      for (int c = 0; c < w; c++) {
        int cx = grid.centreX(span.firstCol() + c);
        if (!sampler.hasData(cx, cy) || sampler.nodataShare(cx, cy) > MAX_NODATA_SHARE) {
          continue; // class 0, confidence 0: a patch of mostly nodata (or cloud) is no evidence
        }
        sampler.fill(batch, n, cx, cy);
        batchCells[n++] = r * w + c;
        if (n == batchSize) {
          classifyInto(n, classes, confidence, perClass, w * h);
          n = 0;
        }
      }
    }
    if (n > 0) {
      classifyInto(n, classes, confidence, perClass, w * h);
    }
    return new MapTile(
        w,
        h,
        classes,
        confidence,
        perClass,
        grid.geoTransform(sceneGeoTransform, span),
        modelVersion);
  }

  /**
   * Nanoseconds this mapper has spent inside the classifier, over every tile so far: the rest of a
   * tile's mapping time is cutting, normalising and placing patches.
   */
  public long classifyNanos() {
    return classifyNanos;
  }

  private void classifyInto(int n, byte[] classes, byte[] confidence, byte[] perClass, int cells) {
    long start = System.nanoTime();
    classifier.classify(batch, n, probabilities);
    classifyNanos += System.nanoTime() - start;
    int k = classValues.length;
    for (int i = 0; i < n; i++) {
      int best = 0;
      float top = probabilities[i * k];
      int cell = batchCells[i];
      for (int j = 0; j < k; j++) {
        float p = probabilities[i * k + j];
        if (p > top) {
          top = p;
          best = j;
        }
        perClass[(classValues[j] - 1) * cells + cell] = percent(p);
      }
      classes[cell] = (byte) classValues[best];
      confidence[cell] = percent(top);
    }
  }

  private static byte percent(float p) {
    return (byte) Math.round(Math.max(0f, Math.min(1f, p)) * 100);
  }
}
