package org.lcz.scheme.areas;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.raster.Gdal;
import org.lcz.raster.SceneRaster;

/** Patch sets written here and read back with h5py. */
class PatchSetTest {
  @TempDir Path dir;

  /** A 1-band 60 × 40 scene whose pixel (x, y) holds {@code base + 100 y + x}. */
  private Path scene(String name, int base) throws Exception {
    Gdal.python(
        dir,
        "import numpy as np\nfrom osgeo import gdal, osr\n"
            + "d = gdal.GetDriverByName('GTiff').Create('"
            + name
            + "', 60, 40, 1, gdal.GDT_Float32)\n"
            + "d.SetGeoTransform([500000, 10, 0, 5000000, 0, -10])\n"
            + "s = osr.SpatialReference(); s.ImportFromEPSG(32632); d.SetProjection(s.ExportToWkt())\n"
            + "y, x = np.mgrid[0:40, 0:60]\n"
            + "d.GetRasterBand(1).WriteArray(("
            + base
            + " + 100 * y + x).astype('float32'))\n"
            + "d = None\n");
    return dir.resolve(name);
  }

  @Test
  void samplesOfSeveralScenesAreWrittenWithTheirSceneAreaCellAndOneHotLabel() throws Exception {
    try (SceneRaster a = SceneRaster.open(scene("a.tif", 0));
        SceneRaster b = SceneRaster.open(scene("b.tif", 10000))) {
      List<CellSample> fromA =
          List.of(new CellSample(0, 0, 5, 5, 2, 0), new CellSample(1, 2, 15, 25, 17, 1));
      List<CellSample> fromB = List.of(new CellSample(3, 1, 35, 15, 2, 0));
      int n = PatchSet.write(dir.resolve("set.h5"), List.of(a, b), List.of(fromA, fromB), 4);
      assertThat(n).isEqualTo(3);
    }
    String out =
        Gdal.python(
            dir,
            "import h5py\nf = h5py.File('set.h5', 'r')\n"
                + "print(f['sen2'].shape, f['label'].shape)\n"
                + "print(list(f['scene'][:]), list(f['area'][:]), [list(c) for c in f['cell'][:]])\n"
                + "print([int(l.argmax()) + 1 for l in f['label'][:]], float(f['label'][:].sum()))\n"
                // the patch centred on (cx, cy) starts at (cx − 2, cy − 2): first pixel of each
                + "print([float(f['sen2'][i, 0, 0, 0]) for i in range(3)])\n"
                // every pixel of the second patch (centre (15, 25): x 13..16, y 23..26)
                + "import numpy as np\n"
                + "want = 100 * np.arange(23, 27)[:, None] + np.arange(13, 17)[None, :]\n"
                + "print(bool(np.array_equal(f['sen2'][1, :, :, 0], want)))\n");
    assertThat(out.lines().toList())
        .containsExactly(
            "(3, 4, 4, 1) (3, 17)",
            "[0, 0, 1] [0, 1, 0] [[0, 0], [1, 2], [3, 1]]",
            "[2, 17, 2] 3.0",
            "[303.0, 2313.0, 11333.0]",
            "True");
  }

  @Test
  void patchesCutFromStripsEqualPatchesCutOneByOneAlsoAtTheEdges() throws Exception {
    try (SceneRaster a = SceneRaster.open(scene("edges.tif", 7))) {
      // out of row order, at every edge and corner of the 60 × 40 scene, with a 48 px patch
      // (wider than the scene is high: rows reflect more than once over a strip)
      List<CellSample> samples =
          List.of(
              new CellSample(0, 3, 5, 35, 1, 0),
              new CellSample(5, 0, 59, 0, 2, 1),
              new CellSample(2, 1, 25, 15, 3, 2),
              new CellSample(0, 0, 0, 0, 4, 3),
              new CellSample(5, 3, 59, 39, 5, 4));
      PatchSet.write(dir.resolve("edges.h5"), a, samples, 48);
      try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(dir.resolve("edges.h5"))) {
        float[][][][] sen2 = (float[][][][]) h5.getDatasetByPath("sen2").getData();
        for (int i = 0; i < samples.size(); i++) {
          CellSample c = samples.get(i);
          assertThat(sen2[i])
              .as("patch %d at (%d, %d)", i, c.centreX(), c.centreY())
              .isDeepEqualTo(PatchSet.patch(a, c.centreX(), c.centreY(), 48));
        }
      }
    }
  }

  @Test
  void threeSetsCutInOneReadOfTheSceneAreTheSetsWrittenOneByOne() throws Exception {
    try (SceneRaster a = SceneRaster.open(scene("one.tif", 3));
        SceneRaster b = SceneRaster.open(scene("two.tif", 50000))) {
      List<List<List<CellSample>>> splits =
          List.of(
              List.of(
                  List.of(new CellSample(0, 3, 5, 35, 1, 0), new CellSample(2, 1, 25, 15, 3, 2)),
                  List.of(new CellSample(1, 1, 15, 15, 4, 5))),
              List.of(List.of(new CellSample(5, 0, 59, 0, 2, 1)), List.of()),
              List.of(
                  List.of(new CellSample(0, 0, 0, 0, 4, 3), new CellSample(5, 3, 59, 39, 5, 4)),
                  List.of(new CellSample(4, 2, 45, 25, 6, 6))));
      List<Path> alone = List.of(dir.resolve("a0.h5"), dir.resolve("a1.h5"), dir.resolve("a2.h5"));
      CountingScene countA = new CountingScene(a);
      CountingScene countB = new CountingScene(b);
      for (int f = 0; f < 3; f++) {
        PatchSet.write(alone.get(f), List.of(countA, countB), splits.get(f), 8);
      }
      long rowsAlone = countA.rows + countB.rows;
      assertThat(countA.reads).isEqualTo(3); // once per set that has samples of it
      assertThat(countB.reads).isEqualTo(2);
      countA.rows = 0;
      countB.rows = 0;
      countA.reads = 0;
      countB.reads = 0;
      List<Path> together =
          List.of(dir.resolve("t0.h5"), dir.resolve("t1.h5"), dir.resolve("t2.h5"));
      List<Integer> n = PatchSet.writeAll(together, List.of(countA, countB), splits, 8);

      assertThat(n).containsExactly(3, 1, 3);
      for (int f = 0; f < 3; f++) {
        assertThat(java.nio.file.Files.readAllBytes(together.get(f)))
            .as("set %d", f)
            .isEqualTo(java.nio.file.Files.readAllBytes(alone.get(f)));
      }
      // one strip per scene serves every set: each scene's rows are read once, not once per set
      assertThat(countA.reads).isEqualTo(1);
      assertThat(countB.reads).isEqualTo(1);
      assertThat(countA.rows + countB.rows).isLessThan(rowsAlone);
    }
  }
}
