package org.lcz.scheme;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The accuracy of a map as a distribution over its held-out training areas, the way the LCZ
 * Generator reports it (Demuzere et al. 2021: the median and spread of OA, OA_u, OA_bu, OA_w and
 * per-class F1 over repeated splits), but from one trained model: each repeat draws the held-out
 * areas again with replacement, class by class (as many areas of each class as there are), and
 * measures the samples of the areas drawn. Samples of one area are never split up, so neighbouring
 * cells of one polygon count as one piece of evidence, as in the Generator's polygon-grouped
 * splits. It measures how much the figures depend on which areas happened to be held out; it does
 * not retrain, so it says nothing of how much they depend on which areas trained the model.
 */
public final class AreaBootstrap {
  /** The measures summarised, by their names in cards and factsheets. */
  public static final List<String> MEASURES = List.of("oa", "oaU", "oaN", "oaBu", "oaW", "f1");

  /**
   * A measure's distribution over the repeats (repeats where it is undefined are left out).
   *
   * @param median the median
   * @param p5 the 5th percentile
   * @param p95 the 95th percentile
   * @param values every repeat's value, for plots
   */
  public record Spread(double median, double p5, double p95, double[] values) {
    static Spread of(double[] all) {
      double[] v = Arrays.stream(all).filter(x -> !Double.isNaN(x)).sorted().toArray();
      if (v.length == 0) {
        return new Spread(Double.NaN, Double.NaN, Double.NaN, v);
      }
      return new Spread(quantile(v, 0.5), quantile(v, 0.05), quantile(v, 0.95), v);
    }

    /** Linear interpolation between order statistics (NumPy's default). */
    static double quantile(double[] sorted, double q) {
      double pos = q * (sorted.length - 1);
      int lo = (int) Math.floor(pos);
      int hi = Math.min(sorted.length - 1, lo + 1);
      return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }
  }

  /**
   * The result.
   *
   * @param repeats the number of repeats
   * @param areas held-out areas per class value
   * @param measures the spread of each of {@link #MEASURES} but {@code f1}
   * @param f1 the spread of each class's F1, by class value, for classes with held-out areas
   * @param meanConfusion the mean confusion matrix over the repeats (rows = truth)
   */
  public record Result(
      int repeats,
      Map<Integer, Integer> areas,
      Map<String, Spread> measures,
      Map<Integer, Spread> f1,
      double[][] meanConfusion) {}

  private AreaBootstrap() {}

  /**
   * Bootstraps the held-out samples.
   *
   * @param truth each sample's true class index (0 = LCZ 1)
   * @param predicted each sample's predicted class index
   * @param area each sample's area id
   * @param classes the number of classes (17)
   * @param repeats how many repeats (the Generator splits 25 times)
   * @param seed seeds the draws
   */
  public static Result run(
      int[] truth, int[] predicted, int[] area, int classes, int repeats, long seed) {
    if (truth.length != predicted.length || truth.length != area.length) {
      throw new IllegalArgumentException(
          truth.length
              + " truths, "
              + predicted.length
              + " predictions, "
              + area.length
              + " areas");
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("at least one repeat, not " + repeats);
    }
    // per area: its class and its samples' counts (truth × predicted is one row: its class)
    Map<Integer, long[]> perArea = new TreeMap<>();
    Map<Integer, Integer> classOf = new TreeMap<>();
    for (int i = 0; i < truth.length; i++) {
      Integer before = classOf.putIfAbsent(area[i], truth[i]);
      if (before != null && before != truth[i]) {
        throw new IllegalArgumentException(
            "area "
                + area[i]
                + " has samples of two classes: "
                + (before + 1)
                + " and "
                + (truth[i] + 1));
      }
      perArea.computeIfAbsent(area[i], a -> new long[classes])[predicted[i]]++;
    }
    Map<Integer, List<Integer>> byClass = new TreeMap<>();
    classOf.forEach((a, c) -> byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(a));
    Map<Integer, Integer> areas = new TreeMap<>();
    byClass.forEach((c, list) -> areas.put(c + 1, list.size()));

    Random random = new Random(seed);
    double[][] values = new double[MEASURES.size() - 1][repeats];
    double[][] f1 = new double[classes][repeats];
    long[][] sum = new long[classes][classes];
    for (int r = 0; r < repeats; r++) {
      long[][] counts = new long[classes][classes];
      for (Map.Entry<Integer, List<Integer>> e : byClass.entrySet()) {
        List<Integer> list = e.getValue();
        for (int k = 0; k < list.size(); k++) {
          long[] row = perArea.get(list.get(random.nextInt(list.size())));
          for (int p = 0; p < classes; p++) {
            counts[e.getKey()][p] += row[p];
          }
        }
      }
      AccuracyMeasures m = AccuracyMeasures.of(ConfusionMatrix.of(counts));
      List<ToDoubleFunction<AccuracyMeasures>> get =
          List.of(
              AccuracyMeasures::oa,
              AccuracyMeasures::oaU,
              AccuracyMeasures::oaN,
              AccuracyMeasures::oaBu,
              AccuracyMeasures::oaW);
      for (int k = 0; k < get.size(); k++) {
        values[k][r] = get.get(k).applyAsDouble(m);
      }
      for (int c = 0; c < classes; c++) {
        f1[c][r] = m.f1().get(c);
        for (int p = 0; p < classes; p++) {
          sum[c][p] += counts[c][p];
        }
      }
    }
    double[][] mean = new double[classes][classes];
    for (int c = 0; c < classes; c++) {
      for (int p = 0; p < classes; p++) {
        mean[c][p] = (double) sum[c][p] / repeats;
      }
    }
    Map<String, Spread> measures = new LinkedHashMap<>();
    for (int k = 0; k < values.length; k++) {
      measures.put(MEASURES.get(k), Spread.of(values[k]));
    }
    Map<Integer, Spread> f1Spread = new TreeMap<>();
    for (int c : byClass.keySet()) {
      f1Spread.put(c + 1, Spread.of(f1[c]));
    }
    return new Result(repeats, areas, measures, f1Spread, mean);
  }
}
