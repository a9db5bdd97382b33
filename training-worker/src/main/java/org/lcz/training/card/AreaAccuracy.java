package org.lcz.training.card;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lcz.scheme.AreaBootstrap;
import org.lcz.scheme.LczCatalog;

/**
 * The evaluation's accuracy as a spread over its held-out training areas ({@link AreaBootstrap}):
 * in the card and in the factsheet. Undefined values are {@code null}.
 *
 * @param method how the spread was made, in words
 * @param repeats how many repeats
 * @param areasPerClass held-out areas per class code
 * @param measures {@code oa}, {@code oaU}, {@code oaN}, {@code oaBu}, {@code oaW}: median, 5th and
 *     95th percentile
 * @param f1 per class code with held-out areas: median, 5th and 95th percentile
 * @param meanConfusion the mean confusion matrix over the repeats (rows = truth, classes in order)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AreaAccuracy(
    String method,
    int repeats,
    Map<String, Integer> areasPerClass,
    Map<String, Range> measures,
    Map<String, Range> f1,
    double[][] meanConfusion) {

  /** The method's description in cards. */
  public static final String METHOD =
      "bootstrap of the held-out training areas: each repeat draws, class by class, as many"
          + " held-out areas as the class has, with replacement, and measures all their cells;"
          + " one trained model (the LCZ Generator retrains on 25 random 70/30 splits instead)";

  /** Median and 5–95 % range. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Range(Double median, Double p5, Double p95) {
    static Range of(AreaBootstrap.Spread s) {
      return new Range(defined(s.median()), defined(s.p5()), defined(s.p95()));
    }

    private static Double defined(double v) {
      return Double.isNaN(v) ? null : v;
    }
  }

  /** The card's form of {@code r}. */
  public static AreaAccuracy of(AreaBootstrap.Result r) {
    LczCatalog catalog = LczCatalog.standard();
    Map<String, Integer> areas = new LinkedHashMap<>();
    r.areas().forEach((c, n) -> areas.put(catalog.byValue(c).code(), n));
    Map<String, Range> measures = new LinkedHashMap<>();
    r.measures().forEach((name, s) -> measures.put(name, Range.of(s)));
    Map<String, Range> f1 = new LinkedHashMap<>();
    r.f1().forEach((c, s) -> f1.put(catalog.byValue(c).code(), Range.of(s)));
    return new AreaAccuracy(METHOD, r.repeats(), areas, measures, f1, r.meanConfusion());
  }
}
