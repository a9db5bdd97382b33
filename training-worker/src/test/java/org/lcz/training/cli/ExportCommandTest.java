package org.lcz.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.training.onnx.OnnxExporterTest;

class ExportCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return TrainingCommand.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
  }

  @Test
  void exportsAVersionFolderToAFileOnnxAccepts(@TempDir Path dir) throws Exception {
    OnnxExporterTest.writeSets();
    OnnxExporterTest.trainedVersion("msmla-18", dir);
    Path onnx = dir.resolve("exported.onnx");

    int code =
        run(
            "export",
            "--checkpoint",
            dir.resolve("msmla-0002.params").toString(),
            "--out",
            onnx.toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("MSMLA-18")
        .contains("181,867 parameters");
    assertThat(OnnxExporterTest.check(onnx)).isEqualTo("ir 8 opset 17");
  }

  @Test
  void aFolderWithoutACardIsNamedInTheError(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("msmla-0001.params"), "x");
    int code =
        run("export", "--checkpoint", dir.toString(), "--out", dir.resolve("m.onnx").toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no model.json");
  }
}
