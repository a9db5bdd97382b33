package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.contract.Radiometry;

class SceneManifestTest {
  @Test
  void aManifestRoundTripsThroughJson() {
    SceneManifest m =
        new SceneManifest(
            "s1",
            300,
            200,
            "PROJCRS[\"x\"]",
            32632,
            new double[] {500000, 10, 0, 4000000, 0, -10},
            10,
            List.of("B2", "B3"),
            "UInt16",
            Radiometry.CANONICAL,
            null,
            128,
            24,
            List.of(new SceneManifest.TileEntry("0_0", 0, 0, 0, 0, 128, 128, "k", "ab")),
            0.25,
            List.of("masked: 25.0 %"));
    SceneManifest back = SceneManifest.read(m.toJson());
    assertThat(back.geoTransform()).containsExactly(m.geoTransform());
    assertThat(back).usingRecursiveComparison().ignoringFields("geoTransform").isEqualTo(m);
    assertThat(new String(m.toJson(), StandardCharsets.UTF_8)).doesNotContain("projected");
    assertThat(m.projected()).isTrue();
    assertThat(new String(m.toJson(), StandardCharsets.UTF_8)).doesNotContain("nodata");
  }

  @Test
  void somethingElseIsNotAManifest() {
    assertThatThrownBy(() -> SceneManifest.read("[]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a scene manifest");
  }
}
