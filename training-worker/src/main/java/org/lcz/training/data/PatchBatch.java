package org.lcz.training.data;

/**
 * Reusable buffers for one batch: images in NCHW order and class indices. Allocated once per
 * training run and filled batch after batch.
 */
public final class PatchBatch {
  private final float[] images;
  private final int[] labels;
  private final int bands;
  private final int patchSize;
  private int size;

  /** Buffers for up to {@code capacity} patches. */
  public PatchBatch(int capacity, int bands, int patchSize) {
    this.images = new float[capacity * bands * patchSize * patchSize];
    this.labels = new int[capacity];
    this.bands = bands;
    this.patchSize = patchSize;
  }

  /** Images, NCHW, valid for the first {@link #size()} patches. */
  public float[] images() {
    return images;
  }

  /** Class indices (0-based), valid for the first {@link #size()} patches. */
  public int[] labels() {
    return labels;
  }

  /** Patches in this batch. */
  public int size() {
    return size;
  }

  void setSize(int value) {
    this.size = value;
  }

  /** The most patches it holds. */
  public int capacity() {
    return labels.length;
  }

  /** Channels per patch. */
  public int bands() {
    return bands;
  }

  /** Patch edge in pixels. */
  public int patchSize() {
    return patchSize;
  }
}
