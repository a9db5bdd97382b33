package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void stagesAreNumberedDetailsIndentedAndDoneTimed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Progress p = new Progress(new PrintStream(bytes, true), 3);
    assertThat(p.current()).isEqualTo("start");
    p.stage("world", "writing");
    p.detail("scene %d px", 400);
    p.done("written");
    p.stage("training", "MSMLA-18");
    assertThat(p.current()).isEqualTo("training");
    p.finish("Demo complete");
    String[] lines = bytes.toString().split("\n");
    assertThat(lines[0]).isEqualTo("[1/3] world     writing");
    assertThat(lines[1]).isEqualTo("        scene 400 px");
    assertThat(lines[2]).matches(" {8}written \\(\\d+ s\\)");
    assertThat(lines[3]).startsWith("[2/3] training");
    assertThat(lines[4]).matches("Demo complete in \\d+ s\\.");
  }

  @Test
  void durationsReadAsSecondsOrMinutes() {
    assertThat(Progress.format(Duration.ofMillis(42_400))).isEqualTo("42 s");
    assertThat(Progress.format(Duration.ofSeconds(365))).isEqualTo("6 min 05 s");
    assertThat(Progress.format(Duration.ofSeconds(-3))).isEqualTo("0 s");
  }
}
