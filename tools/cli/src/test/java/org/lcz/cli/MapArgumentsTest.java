package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.scheme.LczMapFile;

class MapArgumentsTest {
  @Test
  void filesAndOptionsInAnyOrder() {
    MapArguments a =
        MapArguments.parse(
            List.of("a.tif", "--band", "lczFilter", "b.tif", "--metres", "latitude"),
            IllegalStateException::new);
    assertThat(a.files()).containsExactly("a.tif", "b.tif");
    assertThat(a.band()).isEqualTo("lczFilter");
    assertThat(a.metres()).isEqualTo(LczMapFile.Metres.LATITUDE);
    assertThat(MapArguments.parse(List.of("a.tif"), IllegalStateException::new).band()).isNull();
  }

  @Test
  void mistakesAreTheCommandsUsageErrors() {
    assertThatThrownBy(() -> MapArguments.parse(List.of("--band"), IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("--band needs a value");
    assertThatThrownBy(
            () -> MapArguments.parse(List.of("--colour", "x"), IllegalStateException::new))
        .hasMessage("unknown option --colour");
    assertThatThrownBy(
            () -> MapArguments.parse(List.of("--metres", "miles"), IllegalStateException::new))
        .hasMessageContaining("'nominal' or 'latitude'");
  }
}
