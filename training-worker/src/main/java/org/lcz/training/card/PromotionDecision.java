package org.lcz.training.card;

import java.util.Locale;
import java.util.Optional;
import org.lcz.common.events.ModelPublished;
import org.lcz.common.events.Promotion;

/**
 * Whether a new version becomes the current model, and why: the champion rule. With {@code
 * if-better} (the default) the new version is promoted unless its OA_w on the test split is lower
 * than the current model's; with {@code always} it is promoted regardless. The first version of a
 * name is always promoted.
 *
 * @param promoted whether it is now current
 * @param rule {@code if-better} or {@code always}
 * @param decision the reason, in words, with both numbers
 * @param oaW the new version's OA_w; {@code null} if undefined
 * @param championOaW the current model's OA_w at decision time; {@code null} if there was none
 * @param championVersion the current model's version; {@code null} if there was none
 */
public record PromotionDecision(
    boolean promoted,
    String rule,
    String decision,
    Double oaW,
    Double championOaW,
    String championVersion) {

  /** Applies the champion rule. */
  public static PromotionDecision decide(
      Double oaW, Optional<ModelPublished> champion, Promotion requested) {
    Promotion rule = requested == null ? Promotion.IF_BETTER : requested;
    String mine = oaW == null ? "undefined" : format(oaW);
    if (champion.isEmpty()) {
      return new PromotionDecision(
          true,
          rule.json(),
          "promoted: the first model of its name (OA_w " + mine + ")",
          oaW,
          null,
          null);
    }
    ModelPublished c = champion.get();
    String theirs = format(c.oaW()) + " of version " + c.version();
    if (rule == Promotion.ALWAYS) {
      return new PromotionDecision(
          true,
          rule.json(),
          "promoted: the request says always (OA_w " + mine + ", current " + theirs + ")",
          oaW,
          c.oaW(),
          c.version());
    }
    boolean better = oaW != null && oaW >= c.oaW();
    return new PromotionDecision(
        better,
        rule.json(),
        better
            ? "promoted: OA_w " + mine + " ≥ " + theirs
            : "not promoted: OA_w " + mine + " < " + theirs,
        oaW,
        c.oaW(),
        c.version());
  }

  private static String format(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
