package org.lcz.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jhdf.HdfFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
  @Test
  void theCommandWritesTheSceneTheTruthAndThreeSets(@TempDir Path dir) throws Exception {
    SynthCommand.main(
        new String[] {
          "--seed",
          "7",
          "--size",
          "400",
          "--out",
          dir.toString(),
          "--per-class",
          "4",
          "--patch",
          "16",
          "--mix",
          "realistic",
          "--height"
        });
    assertThat(dir.resolve("scene.tif")).exists();
    assertThat(dir.resolve("truth.tif")).exists();
    try (org.lcz.raster.SceneRaster scene =
        org.lcz.raster.SceneRaster.open(dir.resolve("scene.tif"))) {
      assertThat(scene.bandNames()).endsWith("HEIGHT");
    }
    try (HdfFile train = new HdfFile(dir.resolve("train.h5"));
        HdfFile val = new HdfFile(dir.resolve("val.h5"))) {
      int[] shape = train.getDatasetByPath("sen2").getDimensions();
      assertThat(shape[1]).isEqualTo(16);
      assertThat(shape[3]).isEqualTo(11); // ten reflectance bands and the height
      // realistic: low plants (the largest share) get 4 per class, high-rises 1 → unequal support
      float[][] labels = (float[][]) train.getDatasetByPath("label").getData();
      int[] support = new int[17];
      for (float[] l : labels) {
        for (int k = 0; k < 17; k++) {
          support[k] += (int) l[k];
        }
      }
      assertThat(support[13]).isEqualTo(4);
      assertThat(support[0]).isEqualTo(1);
      assertThat(val.getDatasetByPath("sen2").getDimensions()[0]).isLessThan(shape[0]);
    }
    assertThat(Files.size(dir.resolve("scene.tif"))).isGreaterThan(400 * 400);
  }
}
