package org.lcz.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Matches wanted bands to available bands by name: case-insensitive, and Sentinel-2's spellings of
 * one band ({@code B02}, {@code B2}, {@code blue}) are one name ({@link SpectralBands#canonical}).
 */
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

  /** The index of the band {@code wanted} in {@code names}, or −1. */
  public static int indexOf(List<String> names, String wanted) {
    String w = key(wanted);
    for (int i = 0; i < names.size(); i++) {
      if (key(names.get(i)).equals(w)) {
        return i;
      }
    }
    return -1;
  }

  private static String key(String name) {
    return SpectralBands.canonical(name).orElse(name.trim().toUpperCase(Locale.ROOT));
  }
}
