package org.lcz.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PreprocessingTest {
  private static final Preprocessing.ModelInput FRACTION_MODEL =
      new Preprocessing.ModelInput(
          List.of("B4", "HEIGHT"), Radiometry.FRACTION, List.of(0.1, 50.0), List.of(0.05, 0.0));

  @Test
  void convertsReflectanceIntoTheModelsRadiometryThenNormalises() {
    Preprocessing p =
        Preprocessing.of(
            FRACTION_MODEL, List.of("HEIGHT", "B04", "B2"), Radiometry.CANONICAL, -9999.0);
    assertThat(p.channels()).isEqualTo(2);
    assertThat(p.inputBand(0)).isEqualTo(1);
    assertThat(p.inputBand(1)).isEqualTo(0);
    // canonical 2000 = reflectance 0.2: (0.2 − 0.1) / 0.05 = 2
    assertThat(p.apply(0, 2000f)).isCloseTo(2f, org.assertj.core.data.Offset.offset(1e-5f));
    // HEIGHT is not reflectance: 70 − 50, std 0 → only centred
    assertThat(p.apply(1, 70f)).isEqualTo(20f);
    assertThat(p.apply(0, -9999f)).isZero();
    assertThat(p.apply(0, Float.NaN)).isZero();
    assertThat(p.isNodata(-9999f)).isTrue();
  }

  @Test
  void anOffsetInputMapsLikeItsCanonicalTwin() {
    Preprocessing offset =
        Preprocessing.of(FRACTION_MODEL, List.of("B4", "HEIGHT"), Radiometry.L2A_WITH_OFFSET, null);
    Preprocessing canonical =
        Preprocessing.of(FRACTION_MODEL, List.of("B4", "HEIGHT"), Radiometry.CANONICAL, null);
    for (float v = 0; v < 5000; v += 137) {
      assertThat(offset.apply(0, v + 1000))
          .isCloseTo(canonical.apply(0, v), org.assertj.core.data.Offset.offset(1e-4f));
    }
  }

  @Test
  void withoutConversionItIsBitForBitTheNormalisation() {
    Preprocessing p = Preprocessing.normalisation(List.of(1234.5), List.of(321.0));
    float[] in = {0f, 1f, 1234.5f, 4567.25f, 65535f};
    float[] out = new float[in.length];
    p.apply(0, in, 0, out, 0, in.length);
    float inv = (float) (1.0 / 321.0);
    for (int i = 0; i < in.length; i++) {
      assertThat(out[i]).isEqualTo((in[i] - 1234.5f) * inv);
    }
  }

  @Test
  void irreconcilableInputsAreRefusedNamingBoth() {
    assertThatThrownBy(
            () ->
                Preprocessing.of(
                    FRACTION_MODEL, List.of("B4", "HEIGHT"), Radiometry.parse("toa-x10000"), null))
        .isInstanceOf(RadiometryException.class)
        .hasMessageContaining("the model was trained on surface reflectance as a fraction")
        .hasMessageContaining("the input holds top-of-atmosphere reflectance × 10000");
    assertThatThrownBy(
            () -> Preprocessing.of(FRACTION_MODEL, List.of("B4"), Radiometry.FRACTION, null))
        .isInstanceOf(BandMismatchException.class)
        .hasMessageContaining("missing: [HEIGHT]");
  }
}
