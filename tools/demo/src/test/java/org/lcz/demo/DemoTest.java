package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo's plain parts; the whole run is DemoIT. */
class DemoTest {
  @TempDir Path dir;

  @Test
  void aNewDataFolderIsCreatedAndMarked() {
    Path data = dir.resolve("demo");
    Demo.emptyDataFolder(data);
    assertThat(data.resolve(Demo.MARKER)).isRegularFile();
  }

  @Test
  void aMarkedFolderIsEmptiedOfThePreviousRun() throws Exception {
    Path data = dir.resolve("demo");
    Demo.emptyDataFolder(data);
    Files.createDirectories(data.resolve("s3/lcz-maps/scenes"));
    Files.writeString(data.resolve("s3/lcz-maps/scenes/old.tif"), "old");
    Demo.emptyDataFolder(data);
    try (var files = Files.list(data)) {
      assertThat(files).containsExactly(data.resolve(Demo.MARKER));
    }
  }

  @Test
  void aFolderWithSomeoneElsesFilesIsNeverEmptied() throws Exception {
    Files.writeString(dir.resolve("thesis.tex"), "years of work");
    assertThatThrownBy(() -> Demo.emptyDataFolder(dir))
        .hasMessageContaining("not a demo data folder")
        .hasMessageContaining("--data");
    assertThat(dir.resolve("thesis.tex")).hasContent("years of work");
  }
}
