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

  /** Declares the first {@code value} patches valid. */
  public void setSize(int value) {
    if (value < 0 || value > capacity()) {
      throw new IllegalArgumentException("size " + value + " outside 0…" + capacity());
    }
    this.size = value;
  }

  /**
   * Fills this batch with patches {@code order[from]} … {@code order[from + count − 1]} of {@code
   * source}, in that order, and sets its size to {@code count}.
   */
  public void gather(PatchBatch source, int[] order, int from, int count) {
    if (source.bands != bands || source.patchSize != patchSize) {
      throw new IllegalArgumentException("batches differ in bands or patch size");
    }
    if (count > capacity()) {
      throw new IllegalArgumentException(count + " patches do not fit a batch of " + capacity());
    }
    int perPatch = bands * patchSize * patchSize;
    for (int i = 0; i < count; i++) {
      int p = order[from + i];
      System.arraycopy(source.images, p * perPatch, images, i * perPatch, perPatch);
      labels[i] = source.labels[p];
    }
    setSize(count);
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
