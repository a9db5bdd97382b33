package org.lcz.training.card;

import java.util.Locale;
import java.util.Optional;
import org.lcz.events.ModelPublished;
import org.lcz.events.Promotion;

/**
 * Whether a new version becomes the current model, and why: the champion rule, on equal terms. With
 * {@code if-better} (the default) a version is promoted only when it was measured on held-out data
 * (a test or validation set, never its own training data), and — if there is a current model — only
 * when both were measured on the same data (the same file, by SHA-256) and its OA_w is not lower
 * than the current model's. Numbers from different data are not compared: the version is kept as a
 * candidate and the decision says why and what to do. With {@code always} it is promoted
 * regardless, and the decision says when the numbers were not comparable.
 *
 * @param promoted whether it is now current
 * @param rule {@code if-better} or {@code always}
 * @param decision the reason, in words, with both numbers
 * @param oaW the new version's OA_w; {@code null} if undefined
 * @param championOaW the current model's OA_w at decision time; {@code null} if there was none
 * @param championVersion the current model's version; {@code null} if there was none
 * @param comparable whether both were measured on the same data; {@code null} without a current
 *     model
 */
public record PromotionDecision(
    boolean promoted,
    String rule,
    String decision,
    Double oaW,
    Double championOaW,
    String championVersion,
    Boolean comparable) {

  /**
   * The data a version's measures come from.
   *
   * @param split {@code test}, {@code validation} or {@code train}
   * @param data the data set of that split ({@code null} if the card does not name it)
   */
  public record Evaluation(String split, DatasetRef data) {
    /** Whether this is held-out data, not the training data. */
    public boolean heldOut() {
      return !"train".equals(split);
    }

    /** Whether {@code other} is the same data: the same file content (or, unhashed, address). */
    public boolean sameDataAs(Evaluation other) {
      if (data == null || other == null || other.data() == null) {
        return false;
      }
      DatasetRef o = other.data();
      if (data.sha256() != null && o.sha256() != null) {
        return data.sha256().equals(o.sha256());
      }
      return data.sha256() == null && o.sha256() == null && data.location().equals(o.location());
    }

    /** The evaluation of {@code card}: its evaluation split and that split's data set. */
    public static Evaluation of(ModelCard card) {
      DatasetRef data =
          card.datasets() == null
              ? null
              : card.datasets().stream()
                  .filter(d -> d.role().equals(card.evaluationSplit()))
                  .findFirst()
                  .orElse(null);
      return new Evaluation(card.evaluationSplit(), data);
    }

    String describe() {
      return "the " + split + " set" + (data == null ? "" : " " + data.location());
    }
  }

  /**
   * The current model and where its measures came from.
   *
   * @param evaluation its evaluation, or empty when its card could not be read
   */
  public record Champion(ModelPublished published, Optional<Evaluation> evaluation) {}

  /** Applies the champion rule to a version measured on {@code mine}. */
  public static PromotionDecision decide(
      Double oaW, Evaluation mine, Optional<Champion> champion, Promotion requested) {
    Promotion rule = requested == null ? Promotion.IF_BETTER : requested;
    String ours = oaW == null ? "undefined" : format(oaW);
    ModelPublished c = champion.map(Champion::published).orElse(null);
    Optional<Evaluation> theirEvaluation = champion.flatMap(Champion::evaluation);
    boolean comparable = theirEvaluation.map(mine::sameDataAs).orElse(false);
    if (rule != Promotion.ALWAYS && !mine.heldOut()) {
      return new PromotionDecision(
          false,
          rule.json(),
          "not promoted: measured on its own training data (OA_w "
              + ours
              + "), as no test or validation set was given; a model becomes current"
              + " automatically only on held-out data (give one, or promote: always)",
          oaW,
          c == null ? null : c.oaW(),
          c == null ? null : c.version(),
          c == null ? null : comparable);
    }
    if (c == null) {
      return new PromotionDecision(
          true,
          rule.json(),
          "promoted: the first model of its name (OA_w " + ours + " on " + mine.describe() + ")",
          oaW,
          null,
          null,
          null);
    }
    String theirs = format(c.oaW()) + " of version " + c.version();
    String why =
        theirEvaluation.isEmpty()
            ? "the current model's card could not be read, so its OA_w "
                + theirs
                + " cannot be compared"
            : "the current model's OA_w "
                + theirs
                + " was measured on "
                + theirEvaluation.get().describe()
                + ", this one's on "
                + mine.describe()
                + ": numbers from different data are not compared";
    if (rule == Promotion.ALWAYS) {
      return new PromotionDecision(
          true,
          rule.json(),
          "promoted: the request says always (OA_w "
              + ours
              + (comparable ? ", current " + theirs + " on the same data)" : "; " + why + ")"),
          oaW,
          c.oaW(),
          c.version(),
          comparable);
    }
    if (!comparable) {
      return new PromotionDecision(
          false,
          rule.json(),
          "not promoted: "
              + why
              + " (OA_w "
              + ours
              + "); evaluate on the current model's test set, or promote: always",
          oaW,
          c.oaW(),
          c.version(),
          false);
    }
    boolean better = oaW != null && oaW >= c.oaW();
    return new PromotionDecision(
        better,
        rule.json(),
        (better ? "promoted: OA_w " + ours + " ≥ " : "not promoted: OA_w " + ours + " < ")
            + theirs
            + " on the same "
            + mine.split()
            + " set",
        oaW,
        c.oaW(),
        c.version(),
        true);
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
