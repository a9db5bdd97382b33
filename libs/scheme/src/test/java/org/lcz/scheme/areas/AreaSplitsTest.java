package org.lcz.scheme.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class AreaSplitsTest {
  private static List<TrainingArea> areas(int... perClass) {
    GeometryFactory f = new GeometryFactory();
    List<TrainingArea> out = new ArrayList<>();
    for (int c = 0; c < perClass.length; c++) {
      for (int i = 0; i < perClass[c]; i++) {
        out.add(new TrainingArea(c + "-" + i, c + 1, f.createPoint(new Coordinate(i, c))));
      }
    }
    return out;
  }

  private static int[] counts(int[] split, List<TrainingArea> areas, int lcz) {
    int[] n = new int[3];
    for (int i = 0; i < split.length; i++) {
      if (areas.get(i).lcz() == lcz) {
        n[split[i]]++;
      }
    }
    return n;
  }

  @Test
  void eachClassIsSharedOutAloneAndEveryClassKeepsTrainingAreas() {
    List<TrainingArea> areas = areas(20, 9, 4, 3, 2, 1);
    int[] split = AreaSplits.assign(areas, 7);
    assertThat(counts(split, areas, 1)).containsExactly(14, 3, 3);
    assertThat(counts(split, areas, 2)).containsExactly(7, 1, 1);
    assertThat(counts(split, areas, 3)).containsExactly(2, 1, 1);
    assertThat(counts(split, areas, 4)).containsExactly(2, 0, 1);
    assertThat(counts(split, areas, 5)).containsExactly(1, 0, 1);
    assertThat(counts(split, areas, 6)).containsExactly(1, 0, 0);
  }

  @Test
  void theSplitIsSeeded() {
    List<TrainingArea> areas = areas(20, 9);
    assertThat(AreaSplits.assign(areas, 7)).isEqualTo(AreaSplits.assign(areas, 7));
    assertThat(AreaSplits.assign(areas, 7)).isNotEqualTo(AreaSplits.assign(areas, 8));
  }
}
