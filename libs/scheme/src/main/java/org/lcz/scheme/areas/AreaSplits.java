package org.lcz.scheme.areas;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Training, validation and test splits <b>by area</b>, stratified by class and seeded: no area has
 * cells in two splits (neighbouring cells of one area are nearly the same sample), and each class's
 * areas are shared out alike. Per class of {@code n} areas: {@code round(0.15 n)} to validation,
 * {@code max(1, round(0.15 n))} to test (when {@code n ≥ 2}), the rest — at least one — to
 * training.
 */
public final class AreaSplits {
  public static final int TRAIN = 0;
  public static final int VALIDATION = 1;
  public static final int TEST = 2;

  private AreaSplits() {}

  /** For each area (by index), its split: {@link #TRAIN}, {@link #VALIDATION} or {@link #TEST}. */
  public static int[] assign(List<TrainingArea> areas, long seed) {
    Map<Integer, List<Integer>> byClass = new TreeMap<>();
    for (int i = 0; i < areas.size(); i++) {
      byClass.computeIfAbsent(areas.get(i).lcz(), c -> new ArrayList<>()).add(i);
    }
    int[] split = new int[areas.size()];
    for (var e : byClass.entrySet()) {
      List<Integer> ids = e.getValue();
      Collections.shuffle(ids, new Random(seed * 131 + e.getKey()));
      int n = ids.size();
      int test = n >= 2 ? Math.max(1, (int) Math.round(0.15 * n)) : 0;
      int val = (int) Math.round(0.15 * n);
      if (n - test - val < 1) {
        val = Math.max(0, n - test - 1);
      }
      for (int i = 0; i < n; i++) {
        split[ids.get(i)] = i < test ? TEST : i < test + val ? VALIDATION : TRAIN;
      }
    }
    return split;
  }
}
