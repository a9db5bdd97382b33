package org.lcz.training.data;

import java.util.List;

/**
 * Per-band mean and standard deviation, computed on the training split and carried with the model:
 * inputs are normalised as (x − mean) / std band by band. A constant band (std 0) is only centred.
 *
 * @param means per band, in batch channel order
 * @param stds per band, in batch channel order
 */
public record Normalisation(List<Double> means, List<Double> stds) {
  public Normalisation {
    means = List.copyOf(means);
    stds = List.copyOf(stds);
    if (means.size() != stds.size()) {
      throw new IllegalArgumentException("means and stds differ in length");
    }
  }

  /**
   * Streams through {@code dataset} in batches of {@code batchSize} and returns its per-band
   * statistics; memory stays at one batch.
   */
  public static Normalisation of(PatchDataset dataset, int batchSize) {
    int bands = dataset.bands().size();
    int plane = dataset.patchSize() * dataset.patchSize();
    double[] sum = new double[bands];
    double[] sumSq = new double[bands];
    PatchBatch batch = dataset.newBatch(batchSize);
    for (long start = 0; start < dataset.size(); start += batchSize) {
      int count = (int) Math.min(batchSize, dataset.size() - start);
      dataset.read(start, count, batch);
      float[] images = batch.images();
      for (int n = 0; n < count; n++) {
        for (int c = 0; c < bands; c++) {
          int base = (n * bands + c) * plane;
          for (int i = 0; i < plane; i++) {
            double v = images[base + i];
            sum[c] += v;
            sumSq[c] += v * v;
          }
        }
      }
    }
    double count = (double) dataset.size() * plane;
    Double[] means = new Double[bands];
    Double[] stds = new Double[bands];
    for (int c = 0; c < bands; c++) {
      double mean = sum[c] / count;
      means[c] = mean;
      stds[c] = Math.sqrt(Math.max(0, sumSq[c] / count - mean * mean));
    }
    return new Normalisation(List.of(means), List.of(stds));
  }

  /** Normalises the first {@code batch.size()} patches of {@code batch} in place. */
  public void apply(PatchBatch batch) {
    int bands = batch.bands();
    if (bands != means.size()) {
      throw new IllegalArgumentException(
          "batch has " + bands + " bands, normalisation " + means.size());
    }
    int plane = batch.patchSize() * batch.patchSize();
    float[] images = batch.images();
    for (int n = 0; n < batch.size(); n++) {
      for (int c = 0; c < bands; c++) {
        float mean = means.get(c).floatValue();
        double std = stds.get(c);
        float scale = std > 0 ? (float) (1.0 / std) : 1f;
        int base = (n * bands + c) * plane;
        for (int i = 0; i < plane; i++) {
          images[base + i] = (images[base + i] - mean) * scale;
        }
      }
    }
  }
}
