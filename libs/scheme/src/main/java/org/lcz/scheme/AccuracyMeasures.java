package org.lcz.scheme;

import java.util.ArrayList;
import java.util.List;

/**
 * The LCZ accuracy measures of a confusion matrix.
 *
 * <p>Undefined values are {@code NaN}, never a silent 0: a per-class producer's accuracy (and F1)
 * of a class with no true samples, a user's accuracy of a class never predicted, OA_u or OA_n when
 * no sample of that group exists, kappa when chance agreement is 1, and every measure of an empty
 * matrix. A class with true samples that is never predicted has F1 = 0 (its precision counts as 0,
 * as scikit-learn's {@code zero_division=0}). Classes without true samples have weight 0 in the
 * weighted F1.
 *
 * @param oa overall accuracy: trace / total
 * @param oaU accuracy over samples whose true class is built (1–10)
 * @param oaN accuracy over samples whose true class is natural (A–G)
 * @param oaBu accuracy of the two-class built-vs-natural problem
 * @param oaW weighted accuracy: Σ(W ∘ CM) / Σ CM with the LCZ similarity weights
 * @param f1Weighted per-class F1 averaged with weights = true-class support
 * @param kappa Cohen's kappa
 * @param producersAccuracy per class index: correct / true samples (recall)
 * @param usersAccuracy per class index: correct / predicted samples (precision)
 * @param f1 per class index
 * @param total number of samples
 */
public record AccuracyMeasures(
    double oa,
    double oaU,
    double oaN,
    double oaBu,
    double oaW,
    double f1Weighted,
    double kappa,
    List<Double> producersAccuracy,
    List<Double> usersAccuracy,
    List<Double> f1,
    long total) {

  public AccuracyMeasures {
    producersAccuracy = List.copyOf(producersAccuracy);
    usersAccuracy = List.copyOf(usersAccuracy);
    f1 = List.copyOf(f1);
  }

  /** The measures of {@code cm} over the standard 17 classes and weights. */
  public static AccuracyMeasures of(ConfusionMatrix cm) {
    return of(cm, LczCatalog.standard(), SimilarityWeights.standard());
  }

  /** The measures of {@code cm}, whose class indices follow {@code catalog}. */
  public static AccuracyMeasures of(
      ConfusionMatrix cm, LczCatalog catalog, SimilarityWeights weights) {
    int n = cm.size();
    if (catalog.size() != n || weights.size() != n) {
      throw new IllegalArgumentException(
          "matrix has "
              + n
              + " classes, catalog "
              + catalog.size()
              + ", weights "
              + weights.size());
    }
    long total = cm.total();
    long correct = 0;
    long builtTotal = 0;
    long builtCorrect = 0;
    long naturalTotal = 0;
    long naturalCorrect = 0;
    long sameGroup = 0;
    double weighted = 0;
    double chance = 0;
    for (int i = 0; i < n; i++) {
      boolean builtTruth = catalog.byValue(i + 1).isBuilt();
      long support = cm.support(i);
      correct += cm.count(i, i);
      if (builtTruth) {
        builtTotal += support;
        builtCorrect += cm.count(i, i);
      } else {
        naturalTotal += support;
        naturalCorrect += cm.count(i, i);
      }
      for (int j = 0; j < n; j++) {
        long c = cm.count(i, j);
        weighted += weights.weight(i, j) * c;
        if (catalog.byValue(j + 1).isBuilt() == builtTruth) {
          sameGroup += c;
        }
      }
      chance += (double) support * cm.predicted(i);
    }

    List<Double> pa = new ArrayList<>(n);
    List<Double> ua = new ArrayList<>(n);
    List<Double> f1 = new ArrayList<>(n);
    double f1Sum = 0;
    for (int i = 0; i < n; i++) {
      long support = cm.support(i);
      long predicted = cm.predicted(i);
      double recall = ratio(cm.count(i, i), support);
      double precision = ratio(cm.count(i, i), predicted);
      pa.add(recall);
      ua.add(precision);
      double f;
      if (support == 0) {
        f = Double.NaN;
      } else if (predicted == 0 || cm.count(i, i) == 0) {
        f = 0;
      } else {
        f = 2 * precision * recall / (precision + recall);
      }
      f1.add(f);
      if (support > 0) {
        f1Sum += support * f;
      }
    }

    double oa = ratio(correct, total);
    double pe = total == 0 ? Double.NaN : chance / ((double) total * total);
    double kappa = (total == 0 || pe >= 1.0) ? Double.NaN : (oa - pe) / (1 - pe);
    return new AccuracyMeasures(
        oa,
        ratio(builtCorrect, builtTotal),
        ratio(naturalCorrect, naturalTotal),
        ratio(sameGroup, total),
        total == 0 ? Double.NaN : weighted / total,
        total == 0 ? Double.NaN : f1Sum / total,
        kappa,
        pa,
        ua,
        f1,
        total);
  }

  private static double ratio(double numerator, long denominator) {
    return denominator == 0 ? Double.NaN : numerator / denominator;
  }
}
