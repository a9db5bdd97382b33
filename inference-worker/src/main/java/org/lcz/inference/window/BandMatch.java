package org.lcz.inference.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Matches a model's bands to a tile's bands by name (case-insensitive). */
public final class BandMatch {
  private BandMatch() {}

  /**
   * For each model band, the index of the tile band of the same name.
   *
   * @throws BandMismatchException naming the missing bands if the tile lacks any
   */
  public static int[] order(List<String> modelBands, List<String> tileBands) {
    int[] order = new int[modelBands.size()];
    List<String> missing = new ArrayList<>();
    for (int j = 0; j < order.length; j++) {
      order[j] = indexOf(tileBands, modelBands.get(j));
      if (order[j] < 0) {
        missing.add(modelBands.get(j));
      }
    }
    if (!missing.isEmpty()) {
      throw new BandMismatchException(
          "the model needs bands "
              + modelBands
              + " but the tile has "
              + tileBands
              + "; missing: "
              + missing
              + ". Ingest the scene with these bands (lcz.ingest.bands) or map it with a model"
              + " trained on its bands");
    }
    return order;
  }

  private static int indexOf(List<String> names, String wanted) {
    String w = wanted.trim().toUpperCase(Locale.ROOT);
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).trim().toUpperCase(Locale.ROOT).equals(w)) {
        return i;
      }
    }
    return -1;
  }
}
