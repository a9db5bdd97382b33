package org.lcz.inference.map;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.lcz.inference.window.PatchSampler;
import org.lcz.raster.CellGrid;

/**
 * Maps the cells of one tile: for each cell whose centre pixel holds data, the model-sized patch
 * around it goes into a batch; full batches go to the classifier; the class with the highest
 * probability becomes the cell's LCZ value and that probability its confidence; every class's
 * probability is kept in percent. Cells whose centre pixel is nodata, or whose patch is mostly
 * ({@value #MAX_NODATA_SHARE}) nodata or cloud, get class 0 and no probabilities.
 *
 * <p>Cutting and classifying overlap: two batch buffers take turns, one being classified on the
 * mapper's classifying thread while the calling thread cuts the next batch into the other (this
 * hides the cutting where the classifier leaves a core free; where its threads fill every core, the
 * cutting only moves beside it). Buffers are allocated once per mapper and reused for every tile;
 * {@link #close} stops the thread.
 */
public final class TileMapper implements AutoCloseable {
  /** A cell whose patch has more nodata pixels than this share stays without a class. */
  public static final double MAX_NODATA_SHARE = 0.5;

  private final PatchClassifier classifier;
  private final int[] classValues;
  private final int batchSize;
  private final int patchFloats;
  private final float[][] batches = new float[2][];
  private final float[][] probabilities = new float[2][];
  private final int[][] batchCells = new int[2][];
  private final ExecutorService classifying;
  private volatile long classifyNanos; // written on the classifying thread only

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
    for (int b = 0; b < 2; b++) {
      batches[b] = new float[batchSize * patchFloats];
      probabilities[b] = new float[batchSize * classValues.size()];
      batchCells[b] = new int[batchSize];
    }
    this.classifying =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "classifying");
              t.setDaemon(true);
              return t;
            });
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
    Outputs out = new Outputs(new byte[w * h], new byte[w * h], new byte[MapTile.CLASSES * w * h]);
    int slot = 0;
    int n = 0;
    Future<?> pending = null;
    try {
      for (int r = 0; r < h; r++) {
        int cy = grid.centreY(span.firstRow() + r);
        for (int c = 0; c < w; c++) {
          int cx = grid.centreX(span.firstCol() + c);
          if (!sampler.hasData(cx, cy) || sampler.nodataShare(cx, cy) > MAX_NODATA_SHARE) {
            continue; // class 0, confidence 0: a patch of mostly nodata (or cloud) is no evidence
          }
          sampler.fill(batches[slot], n, cx, cy);
          batchCells[slot][n++] = r * w + c;
          if (n == batchSize) {
            await(pending); // the other buffer is classified: it may be filled next
            pending = submit(slot, n, out);
            slot ^= 1;
            n = 0;
          }
        }
      }
      await(pending);
      pending = null;
      if (n > 0) {
        await(submit(slot, n, out));
      }
    } finally {
      if (pending != null) {
        pending.cancel(false);
        awaitQuietly(pending); // never leave a classification running on reused buffers
      }
    }
    return new MapTile(
        w,
        h,
        out.classes(),
        out.confidence(),
        out.perClass(),
        grid.geoTransform(sceneGeoTransform, span),
        modelVersion);
  }

  /** The arrays a tile's map is written into. */
  private record Outputs(byte[] classes, byte[] confidence, byte[] perClass) {}

  /**
   * Nanoseconds this mapper has spent inside the classifier, over every tile so far: the rest of a
   * tile's mapping time is cutting, normalising and placing patches (partly overlapped).
   */
  public long classifyNanos() {
    return classifyNanos;
  }

  private Future<?> submit(int slot, int n, Outputs out) {
    return classifying.submit(() -> classifyInto(slot, n, out));
  }

  /** Waits for {@code f}; its failure is this call's. */
  private static void await(Future<?> f) {
    if (f == null) {
      return;
    }
    try {
      f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while classifying", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static void awaitQuietly(Future<?> f) {
    try {
      f.get();
    } catch (Exception e) {
      // the failure that ended the tile is the one reported
    }
  }

  /** Classifies batch {@code slot}'s first {@code n} patches into the tile's arrays. */
  private void classifyInto(int slot, int n, Outputs out) {
    long start = System.nanoTime();
    float[] p = probabilities[slot];
    classifier.classify(batches[slot], n, p);
    classifyNanos += System.nanoTime() - start;
    int cells = out.classes().length;
    int k = classValues.length;
    int[] cellOf = batchCells[slot];
    for (int i = 0; i < n; i++) {
      int best = 0;
      float top = p[i * k];
      int cell = cellOf[i];
      for (int j = 0; j < k; j++) {
        float v = p[i * k + j];
        if (v > top) {
          top = v;
          best = j;
        }
        out.perClass()[(classValues[j] - 1) * cells + cell] = percent(v);
      }
      out.classes()[cell] = (byte) classValues[best];
      out.confidence()[cell] = percent(top);
    }
  }

  private static byte percent(float p) {
    return (byte) Math.round(Math.max(0f, Math.min(1f, p)) * 100);
  }

  /** Stops the classifying thread (the classifier itself belongs to the caller). */
  @Override
  public void close() {
    classifying.shutdownNow();
  }
}
