package org.lcz.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.Raster;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.SceneRaster;

class WorldFilesTest {
  @Test
  void theSceneAndItsTruthAreGeoTiffsOnOneExtent(@TempDir Path dir) throws Exception {
    SyntheticWorld w = new SyntheticWorld(5, 300, SyntheticWorld.balanced());
    WorldFiles.writeScene(w, dir);
    try (SceneRaster scene = SceneRaster.open(dir.resolve("scene.tif"));
        SceneRaster truth = SceneRaster.open(dir.resolve("truth.tif"))) {
      assertThat(scene.bandNames()).isEqualTo(WorldFiles.BANDS);
      assertThat(scene.georeference().epsg()).isEqualTo(32632);
      assertThat(scene.geoTransform()).containsExactly(500000, 10, 0, 5000000, 0, -10);
      int[] row = new int[300];
      w.readRow(17, 0, 6, row);
      Raster r = scene.read(0, 17, 300, 1);
      assertThat(r.getSamples(0, 0, 300, 1, 6, new int[300])).isEqualTo(row);
      assertThat(truth.width()).isEqualTo(30);
      assertThat(truth.geoTransform()).containsExactly(500000, 100, 0, 5000000, 0, -100);
      assertThat(truth.read(0, 0, 30, 30).getSample(12, 7, 0)).isEqualTo(w.classAt(12, 7));
    }
  }

  @Test
  void theHeightBandComesLastInTheSceneAndInThePatches(@TempDir Path dir) throws Exception {
    SyntheticWorld w = new SyntheticWorld(5, 200, SyntheticWorld.balanced());
    WorldFiles.writeScene(w, dir, true);
    try (SceneRaster scene = SceneRaster.open(dir.resolve("scene.tif"))) {
      assertThat(scene.bandNames()).hasSize(11).endsWith("HEIGHT").startsWith("B2");
      int[] row = new int[200];
      w.readHeightRow(33, 0, row);
      assertThat(scene.read(0, 33, 200, 1).getSamples(0, 0, 200, 1, 10, new int[200]))
          .isEqualTo(row);
    }
    Path file = dir.resolve("train.h5");
    int[] perClass = new int[17];
    java.util.Arrays.fill(perClass, 1);
    WorldFiles.writePatches(file, 9, 400, perClass, 16, true);
    try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(file)) {
      assertThat(h5.getDatasetByPath("sen2").getDimensions()).containsExactly(17, 16, 16, 11);
    }
  }

  @Test
  void patchSetsAreInTheMsmlaLayoutAndBalanced(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("train.h5");
    int n = WorldFiles.writePatches(file, 100, 400, 3, 16);
    assertThat(n).isEqualTo(51);
    // read with h5py, as a real data set would be
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                "import h5py,numpy as np; f=h5py.File('"
                    + file
                    + "','r'); s=f['sen2']; l=f['label'][:];"
                    + " print(s.shape, s.dtype, l.shape, sorted(set(np.bincount(l.argmax(1), minlength=17))),"
                    + " int(l.sum()), bool(s[0].min() > 0))")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    p.waitFor(60, TimeUnit.SECONDS);
    assertThat(out).isEqualTo("(51, 16, 16, 10) float32 (51, 17) [3] 51 True");
  }
}
