package org.lcz.training.data;

import java.util.List;
import java.util.Optional;
import org.lcz.contract.Preprocessing;
import org.lcz.contract.Radiometry;
import org.lcz.contract.RadiometryCheck;
import org.lcz.contract.ValueSurvey;

/**
 * Per-band mean and standard deviation, computed on the training split and carried with the model,
 * and the radiometry of the split's reflectance bands (declared and checked against the values, or
 * detected from them). Inputs are normalised by the platform's one {@link Preprocessing} contract.
 *
 * @param means per band, in batch channel order
 * @param stds per band, in batch channel order
 * @param radiometry the radiometry of the reflectance bands
 * @param radiometryNote how the radiometry was found (detected, or a declaration corrected), or
 *     empty when a declaration was confirmed
 */
public record Normalisation(
    List<Double> means, List<Double> stds, Radiometry radiometry, String radiometryNote) {
  public Normalisation {
    means = List.copyOf(means);
    stds = List.copyOf(stds);
    if (means.size() != stds.size()) {
      throw new IllegalArgumentException("means and stds differ in length");
    }
    if (radiometry == null) {
      throw new IllegalArgumentException("a normalisation needs the data's radiometry");
    }
    radiometryNote = radiometryNote == null ? "" : radiometryNote;
  }

  /** Statistics of data in the canonical radiometry. */
  public Normalisation(List<Double> means, List<Double> stds) {
    this(means, stds, Radiometry.CANONICAL, "");
  }

  /** Streams through {@code dataset} and returns its statistics; radiometry detected. */
  public static Normalisation of(PatchDataset dataset, int batchSize) {
    return of(dataset, batchSize, Optional.empty());
  }

  /**
   * Streams through {@code dataset} in batches of {@code batchSize} and returns its per-band
   * statistics and radiometry: {@code declared} checked against the values, or detected from them;
   * memory stays at one batch.
   *
   * @throws DatasetException if the radiometry cannot be told or contradicts the declaration
   */
  public static Normalisation of(
      PatchDataset dataset, int batchSize, Optional<Radiometry> declared) {
    int bands = dataset.bands().size();
    int plane = dataset.patchSize() * dataset.patchSize();
    double[] sum = new double[bands];
    double[] sumSq = new double[bands];
    ValueSurvey survey = new ValueSurvey(dataset.bands(), null);
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
          survey.add(c, images, base, plane);
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
    boolean allConstant = true;
    for (int c = 0; c < bands; c++) {
      allConstant &= stds[c] < 1e-9;
    }
    if (allConstant) {
      throw new DatasetException(
          dataset.file(),
          "every band is constant over all "
              + dataset.size()
              + " patches (e.g. all zero): there is nothing to learn from; check how the patches"
              + " were cut");
    }
    String what = dataset.file().getFileName().toString();
    RadiometryCheck.Finding finding;
    try {
      finding =
          declared.isPresent()
              ? RadiometryCheck.verify(what, declared.get(), "the training request", survey)
              : RadiometryCheck.detect(what, survey);
    } catch (IllegalArgumentException e) {
      String m = e.getMessage();
      throw new DatasetException(
          dataset.file(), m.startsWith(what + ": ") ? m.substring(what.length() + 2) : m);
    }
    return new Normalisation(List.of(means), List.of(stds), finding.radiometry(), finding.note());
  }

  /** The preprocessing of patches that are already in this data's bands and radiometry. */
  public Preprocessing preprocessing() {
    return Preprocessing.normalisation(means, stds);
  }

  /** Normalises the first {@code batch.size()} patches of {@code batch} in place. */
  public void apply(PatchBatch batch) {
    int bands = batch.bands();
    if (bands != means.size()) {
      throw new IllegalArgumentException(
          "batch has " + bands + " bands, normalisation " + means.size());
    }
    Preprocessing p = preprocessing();
    int plane = batch.patchSize() * batch.patchSize();
    float[] images = batch.images();
    for (int n = 0; n < batch.size(); n++) {
      for (int c = 0; c < bands; c++) {
        int base = (n * bands + c) * plane;
        p.apply(c, images, base, images, base, plane);
      }
    }
  }
}
