package org.lcz.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

class RadiometryTest {
  @Test
  void shortFormsRoundTrip() {
    assertThat(Radiometry.parse("fraction")).isEqualTo(Radiometry.FRACTION);
    assertThat(Radiometry.parse(" X10000 ")).isEqualTo(Radiometry.CANONICAL);
    assertThat(Radiometry.parse("x10000+offset")).isEqualTo(Radiometry.L2A_WITH_OFFSET);
    assertThat(Radiometry.parse("fraction+offset"))
        .isEqualTo(new Radiometry(Radiometry.SURFACE, 1, 0.1));
    assertThat(Radiometry.parse("toa-x10000").quantity()).isEqualTo(Radiometry.TOA);
    for (String s : new String[] {"fraction", "fraction+offset", "x10000+offset", "toa-fraction"}) {
      assertThat(Radiometry.parse(s).shortForm()).isEqualTo(s);
    }
    assertThatThrownBy(() -> Radiometry.parse("percent"))
        .isInstanceOf(RadiometryException.class)
        .hasMessageContaining("not one of fraction, fraction+offset, x10000, x10000+offset");
  }

  @Test
  void conversionsAreExactLinearMaps() {
    // L2A DN 2000 with the offset = reflectance 0.1
    Radiometry.LinearMap toCanonical = Radiometry.L2A_WITH_OFFSET.to(Radiometry.CANONICAL);
    assertThat(toCanonical.apply(2000)).isEqualTo(1000);
    assertThat(Radiometry.FRACTION.to(Radiometry.CANONICAL).apply(0.1234))
        .isEqualTo(1234, within());
    assertThat(Radiometry.CANONICAL.to(Radiometry.FRACTION).apply(1234))
        .isEqualTo(0.1234, within());
    assertThat(Radiometry.parse("fraction+offset").to(Radiometry.CANONICAL).apply(0.2))
        .isEqualTo(1000, within());
    assertThat(Radiometry.CANONICAL.to(Radiometry.CANONICAL).isIdentity()).isTrue();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }

  @Test
  void differentQuantitiesDoNotConvert() {
    assertThatThrownBy(() -> Radiometry.parse("toa-x10000").to(Radiometry.CANONICAL))
        .isInstanceOf(RadiometryException.class)
        .hasMessageContaining("top-of-atmosphere reflectance × 10000")
        .hasMessageContaining("surface reflectance × 10000")
        .hasMessageContaining("different quantities");
  }

  @Test
  void labelsSayWhatTheNumbersAre() {
    assertThat(Radiometry.L2A_WITH_OFFSET.label())
        .isEqualTo("surface reflectance × 10000 + 1000 (BOA offset not removed)");
    assertThat(Radiometry.FRACTION.label()).isEqualTo("surface reflectance as a fraction");
  }

  @Test
  void travelsAsJson() throws Exception {
    var json = JsonMapper.builder().build();
    String text = json.writeValueAsString(Radiometry.L2A_WITH_OFFSET);
    assertThat(json.readValue(text, Radiometry.class)).isEqualTo(Radiometry.L2A_WITH_OFFSET);
    assertThatThrownBy(
            () ->
                json.readValue("{\"quantity\":\"dB\",\"scale\":1,\"offset\":0}", Radiometry.class))
        .hasMessageContaining("radiometry quantity must be");
  }
}
