package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.raster.GeoTiffWriter;

class OverviewsTest {
  private static final List<Overviews.Kind> MAP =
      List.of(Overviews.Kind.CLASS, Overviews.Kind.CONFIDENCE);

  @Test
  void aBlockTakesItsMostFrequentClassAndThatClassesMeanConfidence() {
    // 4×2: left block {3, 3, 5, 0}, right block {0, 0, 0, 0}
    byte[] classes = {3, 3, 0, 0, 5, 0, 0, 0};
    byte[] confidence = {60, 80, 0, 0, 90, 0, 0, 0};
    GeoTiffWriter.Level half =
        Overviews.reduce(new GeoTiffWriter.Level(4, 2, List.of(classes, confidence)), MAP, 0, 2);
    assertThat(half.width()).isEqualTo(2);
    assertThat(half.band(0)).containsExactly(3, 0);
    assertThat(half.band(1)).containsExactly(70, 0);
  }

  @Test
  void eachClassBandTakesItsOwnModeAndPercentagesTheirMeanOverCellsWithData() {
    // the scene COG's layout: lcz, lczFilter, classProbability (of lcz's class)
    byte[] lcz = {3, 3, 5, 5, 5, 0, 0, 0};
    byte[] filtered = {3, 3, 3, 5, 5, 0, 0, 0};
    byte[] probability = {40, 50, 60, 70, 80, 0, 0, 0};
    GeoTiffWriter.Level scene =
        Overviews.reduce(
            new GeoTiffWriter.Level(8, 1, List.of(lcz, filtered, probability)),
            List.of(Overviews.Kind.CLASS, Overviews.Kind.CLASS, Overviews.Kind.CONFIDENCE),
            0,
            4);
    assertThat(scene.band(0)).containsExactly(3, 5); // {3,3,5,5}: tie → 3; {5,0,0,0} → 5
    assertThat(scene.band(1)).containsExactly(3, 5);
    assertThat(scene.band(2)).containsExactly(45, 80); // mean over the 3s; over the one 5
    // probabilities with nodata 255: the mean of the cells that have data, else nodata
    byte[] p = {10, 20, (byte) 255, 40, (byte) 255, (byte) 255, (byte) 255, (byte) 255};
    GeoTiffWriter.Level reduced =
        Overviews.reduce(
            new GeoTiffWriter.Level(8, 1, List.of(p)), List.of(Overviews.Kind.PERCENT), 255, 4);
    assertThat(reduced.band(0)).containsExactly((byte) 23, (byte) 255);
    assertThatThrownBy(
            () ->
                Overviews.reduce(
                    new GeoTiffWriter.Level(8, 1, List.of(p)),
                    List.of(Overviews.Kind.CONFIDENCE),
                    0,
                    2))
        .hasMessageContaining("needs classes in band 1");
  }

  @Test
  void nodataWinsOnlyWhereTheWholeBlockIsNodataAndTiesGoToTheLowerClass() {
    byte[] classes = {0, 0, 0, 9, 0, 0, 0, 0, 0, 4};
    GeoTiffWriter.Level l =
        Overviews.reduce(new GeoTiffWriter.Level(10, 1, List.of(classes, new byte[10])), MAP, 0, 4);
    assertThat(l.band(0)).containsExactly(9, 0, 4);
    byte[] tie = {7, 2, 2, 7};
    assertThat(
            Overviews.reduce(new GeoTiffWriter.Level(2, 2, List.of(tie, new byte[4])), MAP, 0, 2)
                .band(0))
        .containsExactly(2);
  }

  @Test
  void overviewsHalveUntilOneFitsInATile() {
    GeoTiffWriter.Level full =
        new GeoTiffWriter.Level(1098, 1098, List.of(new byte[1098 * 1098], new byte[1098 * 1098]));
    assertThat(Overviews.pyramid(full, MAP, 0, 256))
        .extracting(GeoTiffWriter.Level::width)
        .containsExactly(1098, 549, 275, 138);
    assertThat(
            Overviews.pyramid(
                new GeoTiffWriter.Level(50, 40, List.of(new byte[2000], new byte[2000])),
                MAP,
                0,
                256))
        .hasSize(1);
  }
}
