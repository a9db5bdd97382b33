package org.lcz.training.train;

import java.util.Locale;
import java.util.Optional;

/**
 * Tracks the best validation OA and says when {@code patience} epochs have passed without a better
 * one. Only a strictly higher OA counts as better, so the earliest of equal epochs is kept.
 */
final class EarlyStopping {
  private final int patience;
  private double bestOa = Double.NEGATIVE_INFINITY;
  private int bestEpoch;

  EarlyStopping(int patience) {
    this.patience = patience;
  }

  /** Records epoch {@code epoch}'s OA; true if it is the best so far. */
  boolean improved(int epoch, double oa) {
    if (oa > bestOa) {
      bestOa = oa;
      bestEpoch = epoch;
      return true;
    }
    return false;
  }

  /** Why training should stop after {@code epoch}, or empty to go on. */
  Optional<String> stopAfter(int epoch) {
    if (bestEpoch == 0 || epoch - bestEpoch < patience) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT,
            "early stop after epoch %d: no better validation OA than %.4f (epoch %d) for %d"
                + " epochs",
            epoch,
            bestOa,
            bestEpoch,
            patience));
  }

  int bestEpoch() {
    return bestEpoch;
  }
}
