package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.RealData;
import org.lcz.scheme.areas.Kml;

class AreasCommandTest {
  @TempDir Path dir;

  @Test
  void theRealTrainingAreasAreCheckedAgainstTheirScene() {
    Path folder = RealData.dir().resolve("sentinel2-l2a-porto-trombetas");
    AreasCommand.Report r =
        AreasCommand.run(
            List.of(
                folder.resolve("training-areas.kml").toString(),
                "--scene",
                folder.resolve("sen2.tif").toString()));
    assertThat(r.usable()).isTrue();
    assertThat(r.text())
        .contains("training-areas.kml: 25 training areas read, checked against")
        .containsPattern("6 +Open lowrise +9 +9")
        .containsPattern("A +Dense trees +8 +8")
        .containsPattern("F +Bare soil or sand +4 +4")
        .containsPattern("G +Water +4 +4")
        .contains("WARNING smaller than a cell 6_2: 20")
        .contains("usable: 25 areas in 4 classes")
        .doesNotContain("ERROR");
    // the GeoJSON with its class property
    AreasCommand.Report json =
        AreasCommand.run(
            List.of(
                folder.resolve("training-areas.geojson").toString(), "--class-property", "lcz"));
    assertThat(json.text())
        .contains("25 training areas read (no scene given")
        .contains("usable: 25");
  }

  @Test
  void aClassWithTooFewAreasIsNotUsable() throws Exception {
    Path file =
        new Kml()
            .folder("2", Kml.square("a", 9.0, 45.0, 200), Kml.square("b", 9.01, 45.0, 200))
            .write(dir.resolve("few.kml"));
    AreasCommand.Report r = AreasCommand.run(List.of(file.toString()));
    assertThat(r.usable()).isFalse();
    assertThat(r.text())
        .contains("ERROR too few areas class 2: 2 usable areas")
        .contains("not usable: a class has fewer than 3 usable areas");
  }

  @Test
  void usageErrors() {
    assertThatThrownBy(() -> AreasCommand.run(List.of()))
        .isInstanceOf(AreasCommand.UsageException.class)
        .hasMessageContaining("give one training-area file");
    assertThatThrownBy(() -> AreasCommand.run(List.of("a.kml", "--scene")))
        .hasMessageContaining("--scene needs a value");
    assertThatThrownBy(() -> AreasCommand.run(List.of("a.kml", "--fast")))
        .hasMessageContaining("unknown option --fast");
  }
}
