package org.lcz.inference.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RasterWarmUpTest {
  @Test
  void theWarmUpReadsAGeoTiffAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
    RasterWarmUp.run(dir.resolve("tiles"));
    try (var files = Files.list(dir.resolve("tiles"))) {
      assertThat(files).isEmpty();
    }
  }
}
