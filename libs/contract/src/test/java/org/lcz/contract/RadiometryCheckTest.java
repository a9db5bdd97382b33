package org.lcz.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RadiometryCheckTest {
  /**
   * Reflectance values of a plausible scene: B2 holds water (0.01–0.03) and roofs (to 0.3), B8
   * vegetation (to 0.5), HEIGHT (not reflectance) metres up to 300.
   */
  private static ValueSurvey scene(Radiometry r) {
    ValueSurvey s = new ValueSurvey(List.of("B2", "B8", "HEIGHT"), null);
    float[] b2 = new float[1000];
    float[] b8 = new float[1000];
    float[] h = new float[1000];
    for (int i = 0; i < 1000; i++) {
      double refl2 = i < 100 ? 0.01 + 0.0002 * i : 0.03 + 0.27 * (i - 100) / 900.0;
      double refl8 = 0.02 + 0.48 * i / 1000.0;
      b2[i] = (float) (refl2 * r.scale() + r.offset());
      b8[i] = (float) (refl8 * r.scale() + r.offset());
      h[i] = 300f * i / 1000f;
    }
    s.add(0, b2, 0, 1000);
    s.add(1, b8, 0, 1000);
    s.add(2, h, 0, 1000);
    return s;
  }

  @Test
  void detectsEachRadiometry() {
    for (Radiometry r :
        List.of(
            Radiometry.FRACTION,
            Radiometry.CANONICAL,
            Radiometry.L2A_WITH_OFFSET,
            Radiometry.FRACTION.withStandardOffset())) {
      RadiometryCheck.Finding f = RadiometryCheck.detect("s.tif", scene(r));
      assertThat(f.radiometry()).as(r.label()).isEqualTo(r);
      assertThat(f.note()).contains("s.tif: radiometry detected as " + r.label());
    }
  }

  @Test
  void valuesThatAreNeitherAFractionNorScaledCannotBeTold() {
    ValueSurvey s = new ValueSurvey(List.of("B4"), null);
    float[] v = new float[500];
    for (int i = 0; i < v.length; i++) {
      v[i] = 5 + i / 50f; // 5..15: percent?
    }
    s.add(0, v, 0, v.length);
    assertThatThrownBy(() -> RadiometryCheck.detect("odd.tif", s))
        .isInstanceOf(RadiometryException.class)
        .hasMessageContaining("odd.tif: cannot tell the radiometry")
        .hasMessageContaining("declare it");
  }

  @Test
  void aDeclarationTheValuesContradictIsRefusedNamingBoth() {
    assertThatThrownBy(
            () ->
                RadiometryCheck.verify(
                    "s.tif", Radiometry.FRACTION, "scene.json", scene(Radiometry.CANONICAL)))
        .isInstanceOf(RadiometryException.class)
        .hasMessageContaining("scene.json declares surface reflectance as a fraction")
        .hasMessageContaining("values of reflectance × 10000");
    assertThatThrownBy(
            () ->
                RadiometryCheck.verify(
                    "s.tif", Radiometry.CANONICAL, "the request", scene(Radiometry.FRACTION)))
        .hasMessageContaining("values of a fraction");
  }

  @Test
  void aWrongOffsetFlagIsCorrectedBothWaysAndSaidSo() {
    RadiometryCheck.Finding claimedOffset =
        RadiometryCheck.verify(
            "s.tif", Radiometry.L2A_WITH_OFFSET, "the STAC Item", scene(Radiometry.CANONICAL));
    assertThat(claimedOffset.radiometry()).isEqualTo(Radiometry.CANONICAL);
    assertThat(claimedOffset.note()).contains("the offset was already removed");
    RadiometryCheck.Finding claimedNone =
        RadiometryCheck.verify(
            "s.tif",
            Radiometry.CANONICAL,
            "the STAC Item",
            scene(Radiometry.L2A_WITH_OFFSET),
            RadiometryCheck.Trust.PROVIDER);
    assertThat(claimedNone.radiometry()).isEqualTo(Radiometry.L2A_WITH_OFFSET);
    assertThat(claimedNone.note()).contains("the BOA offset was not removed");
  }

  @Test
  void anExplicitDeclarationWithoutOffsetIsKeptWithAWarning() {
    RadiometryCheck.Finding f =
        RadiometryCheck.verify(
            "s.tif", Radiometry.CANONICAL, "scene.json", scene(Radiometry.L2A_WITH_OFFSET));
    assertThat(f.radiometry()).isEqualTo(Radiometry.CANONICAL);
    assertThat(f.note())
        .contains("as scene.json declares")
        .contains("if so, declare x10000+offset");
  }

  @Test
  void aConfirmedDeclarationHasNoNote() {
    RadiometryCheck.Finding f =
        RadiometryCheck.verify(
            "s.tif", Radiometry.L2A_WITH_OFFSET, "MTD", scene(Radiometry.L2A_WITH_OFFSET));
    assertThat(f.radiometry()).isEqualTo(Radiometry.L2A_WITH_OFFSET);
    assertThat(f.note()).isEmpty();
  }

  @Test
  void tooFewValidPixelsNeedADeclaration() {
    ValueSurvey s = new ValueSurvey(List.of("B2"), null);
    s.add(0, new float[] {0.1f, 0.2f}, 0, 2);
    assertThatThrownBy(() -> RadiometryCheck.detect("tiny.tif", s))
        .hasMessageContaining("too few valid pixels in [B2]");
    assertThat(RadiometryCheck.verify("tiny.tif", Radiometry.FRACTION, "x", s).radiometry())
        .isEqualTo(Radiometry.FRACTION);
  }

  @Test
  void withoutReflectanceBandsThereIsNothingToTell() {
    ValueSurvey s = new ValueSurvey(List.of("HEIGHT"), null);
    assertThat(RadiometryCheck.detect("dem.tif", s).note()).contains("no reflectance bands");
  }
}
