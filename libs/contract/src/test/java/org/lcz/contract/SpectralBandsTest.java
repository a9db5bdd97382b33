package org.lcz.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpectralBandsTest {
  @Test
  void everySpellingOfABandIsOneName() {
    assertThat(SpectralBands.canonical("B02")).hasValue("B2");
    assertThat(SpectralBands.canonical("b2")).hasValue("B2");
    assertThat(SpectralBands.canonical("blue")).hasValue("B2");
    assertThat(SpectralBands.canonical("B8A")).hasValue("B8A");
    assertThat(SpectralBands.canonical("nir08")).hasValue("B8A");
    assertThat(SpectralBands.canonical("B08")).hasValue("B8");
    assertThat(SpectralBands.canonical("swir22")).hasValue("B12");
    assertThat(SpectralBands.canonical("B13")).isEmpty();
    assertThat(SpectralBands.isReflectance("HEIGHT")).isFalse();
    assertThat(SpectralBands.isReflectance("SCL")).isFalse();
  }

  @Test
  void bandMatchUsesTheSameNames() {
    assertThat(BandMatch.order(java.util.List.of("B2", "B8A"), java.util.List.of("nir08", "B02")))
        .containsExactly(1, 0);
  }
}
