package org.lcz.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files written by h5py (chunked, gzip, float64) in both layouts, and malformed ones. */
class PatchDatasetTest {
  @TempDir static Path dir;

  @BeforeAll
  static void writeFixtures() throws Exception {
    Files.writeString(dir.resolve("stats.json"), PatchSets.write(dir));
  }

  /** The value the fixture script wrote at (patch, band in file order, y, x). */
  private static double expected(long n, int c, int y, int x, int size) {
    return n * 100.0 + c + (y * size + x) / 10000.0;
  }

  @Test
  void readsAnMsmlaBatchByIndexRangeAsNchw() {
    try (PatchDataset ds =
        PatchDataset.open(dir.resolve("good_msmla.h5"), DatasetLayout.MSMLA, List.of())) {
      assertThat(ds.size()).isEqualTo(40);
      assertThat(ds.patchSize()).isEqualTo(48);
      assertThat(ds.classes()).isEqualTo(17);
      PatchBatch batch = ds.newBatch(8);
      ds.read(21, 8, batch);
      assertThat(batch.size()).isEqualTo(8);
      int plane = 48 * 48;
      // patch 21+3 = 24, band index 6 (B8), pixel (10, 33)
      float v = batch.images()[(3 * 10 + 6) * plane + 10 * 48 + 33];
      assertThat((double) v).isCloseTo(expected(24, 6, 10, 33, 48), within(1e-3));
      assertThat(batch.labels()[3]).isEqualTo(24 % 17);
    }
  }

  @Test
  void selectsBandsByNameInTheOrderAsked() {
    try (PatchDataset ds =
        PatchDataset.open(dir.resolve("good_msmla.h5"), DatasetLayout.MSMLA, List.of("B4", "B2"))) {
      assertThat(ds.bands()).containsExactly("B4", "B2");
      PatchBatch batch = ds.newBatch(2);
      ds.read(0, 2, batch);
      int plane = 48 * 48;
      assertThat((double) batch.images()[0]).isCloseTo(expected(0, 2, 0, 0, 48), within(1e-4));
      assertThat((double) batch.images()[plane]).isCloseTo(expected(0, 0, 0, 0, 48), within(1e-4));
      assertThat((double) batch.images()[2 * plane + 5])
          .isCloseTo(expected(1, 2, 0, 5, 48), within(1e-3));
    }
  }

  @Test
  void readsTheSo2SatLayoutAndFloat32Files() {
    try (PatchDataset ds =
        PatchDataset.open(dir.resolve("good_so2sat.h5"), DatasetLayout.SO2SAT, List.of())) {
      assertThat(ds.size()).isEqualTo(20);
      assertThat(ds.patchSize()).isEqualTo(32);
      PatchBatch batch = ds.newBatch(4);
      ds.read(16, 4, batch);
      assertThat((double) batch.images()[(3 * 10 + 9) * 32 * 32 + 31])
          .isCloseTo(expected(19, 9, 0, 31, 32), within(1e-3));
    }
    try (PatchDataset ds =
        PatchDataset.open(dir.resolve("float32.h5"), DatasetLayout.MSMLA, List.of())) {
      PatchBatch batch = ds.newBatch(5);
      ds.read(0, 5, batch);
      assertThat(batch.labels()).containsExactly(0, 1, 2, 3, 4);
    }
  }

  @Test
  void statisticsStreamedInBatchesEqualNumpy() throws Exception {
    String json = Files.readString(dir.resolve("stats.json"));
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    try (PatchDataset ds =
        PatchDataset.open(dir.resolve("good_msmla.h5"), DatasetLayout.MSMLA, List.of())) {
      Normalisation n = Normalisation.of(ds, 7);
      for (int c = 0; c < 10; c++) {
        assertThat(n.means().get(c)).isCloseTo(tree.get("means").get(c).asDouble(), within(1e-3));
        assertThat(n.stds().get(c)).isCloseTo(tree.get("stds").get(c).asDouble(), within(1e-3));
      }
    }
  }

  @Test
  void malformedFilesAreClearErrorsNamingFileAndProblem() {
    assertThatThrownBy(() -> open("missing_label.h5"))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("missing_label.h5")
        .hasMessageContaining("has no dataset 'label'");
    assertThatThrownBy(() -> open("wrong_rank.h5"))
        .hasMessageContaining("wrong_rank.h5")
        .hasMessageContaining("expected N×H×W×C (rank 4)");
    assertThatThrownBy(() -> read("not_one_hot.h5", 6))
        .hasMessageContaining("not_one_hot.h5")
        .hasMessageContaining("label row 3 is not one-hot");
    assertThatThrownBy(() -> read("nan.h5", 6))
        .hasMessageContaining("nan.h5")
        .hasMessageContaining("patch 2, band B5, pixel (7, 9) is NaN");
    try (PatchDataset tiny = open("tiny.h5")) {
      assertThat(tiny.size()).isEqualTo(3L); // its size is the training plan's to judge
    }
    assertThatThrownBy(
            () ->
                PatchDataset.open(
                    dir.resolve("good_msmla.h5"), DatasetLayout.MSMLA, List.of("B13")))
        .hasMessageContaining("unknown band 'B13'");
  }

  @Test
  void readsIntoABatchAtAnOffsetAndCountsClassesFromTheLabelsAlone() {
    try (PatchDataset ds = open("good_msmla.h5")) {
      PatchBatch batch = ds.newBatch(6);
      ds.read(10, 2, batch, 4);
      int per = 10 * 48 * 48;
      assertThat(batch.images()[4 * per]).isEqualTo(1000f);
      assertThat(batch.images()[5 * per]).isEqualTo(1100f);
      assertThat(batch.labels()[4]).isEqualTo(10);
      assertThatThrownBy(() -> ds.read(0, 3, batch, 4)).hasMessageContaining("at 4");

      long[] support = ds.classSupport(7);
      // labels are patch index mod 17 over 40 patches: classes 0–5 three times, the rest twice
      assertThat(support[0]).isEqualTo(3);
      assertThat(support[5]).isEqualTo(3);
      assertThat(support[6]).isEqualTo(2);
      assertThat(java.util.Arrays.stream(support).sum()).isEqualTo(40);
    }
    assertThatThrownBy(() -> open("not_one_hot.h5").classSupport(4))
        .hasMessageContaining("label row 3 is not one-hot");
  }

  @Test
  void aFileThatIsNotHdf5IsAClearError() throws Exception {
    Path junk = Files.writeString(dir.resolve("junk.h5"), "this is not HDF5");
    assertThatThrownBy(() -> PatchDataset.open(junk, DatasetLayout.MSMLA, List.of()))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("junk.h5")
        .hasMessageContaining("not a readable HDF5 file");
    assertThatThrownBy(
            () -> PatchDataset.open(dir.resolve("absent.h5"), DatasetLayout.MSMLA, List.of()))
        .hasMessageContaining("absent.h5: no such file");
  }

  private static PatchDataset open(String name) {
    return PatchDataset.open(dir.resolve(name), DatasetLayout.MSMLA, List.of());
  }

  private static void read(String name, int n) {
    try (PatchDataset ds = open(name)) {
      ds.read(0, n, ds.newBatch(n));
    }
  }

  @Test
  void areaIdsAreReadWhenTheSetHasThem() throws Exception {
    // h5py writes Python ints as int64
    Process p =
        new ProcessBuilder(
                PatchSets.PYTHON,
                "-c",
                "import h5py, numpy as np\n"
                    + "f = h5py.File('"
                    + dir.resolve("areas.h5")
                    + "', 'w')\n"
                    + "f['sen2'] = np.zeros((3, 8, 8, 10), 'float32')\n"
                    + "f['label'] = np.eye(17, dtype='float32')[[1, 1, 10]]\n"
                    + "f['area'] = np.array([4, 4, 9])\n"
                    + "g = h5py.File('"
                    + dir.resolve("bad_areas.h5")
                    + "', 'w')\n"
                    + "g['sen2'] = np.zeros((3, 8, 8, 10), 'float32')\n"
                    + "g['label'] = np.eye(17, dtype='float32')[[1, 1, 10]]\n"
                    + "g['area'] = np.array([4, 4])\n")
            .inheritIO()
            .start();
    org.assertj.core.api.Assertions.assertThat(p.waitFor()).isZero();
    try (PatchDataset ds = open("areas.h5")) {
      org.assertj.core.api.Assertions.assertThat(ds.areas()).hasValue(new int[] {4, 4, 9});
    }
    try (PatchDataset ds = open("good_msmla.h5")) {
      org.assertj.core.api.Assertions.assertThat(ds.areas()).isEmpty();
    }
    try (PatchDataset ds = open("bad_areas.h5")) {
      assertThatThrownBy(ds::areas)
          .hasMessageContaining("bad_areas.h5")
          .hasMessageContaining("one training-area id per patch");
    }
  }

  @Test
  void aTruncatedFileIsRefusedNamingTheFileNotWithJhdfsInnerMessageAlone() throws Exception {
    // the finding: a truncated set failed with jHDF's internal message, naming no object
    byte[] whole = Files.readAllBytes(dir.resolve("good_msmla.h5"));
    Path truncated = dir.resolve("truncated.h5");
    Files.write(truncated, java.util.Arrays.copyOf(whole, whole.length * 2 / 3));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> {
              try (PatchDataset d = PatchDataset.open(truncated, DatasetLayout.MSMLA, List.of())) {
                PatchBatch batch = d.newBatch((int) d.size());
                d.read(0, (int) d.size(), batch);
              }
            })
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("truncated.h5")
        .hasMessageMatching("(?s).*(truncated or corrupt|not a readable HDF5 file).*");
  }

  @Test
  void contiguousSetsReadStraightFromTheFileGiveJhdfsBatches() {
    // the chunked gzip file is read by jHDF, the contiguous ones straight from the file
    float[] chunked = batch("good_msmla.h5", 13, 9);
    assertThat(batch("contiguous_f64.h5", 13, 9)).containsExactly(chunked);
    float[] f32 = batch("contiguous_f32.h5", 13, 9);
    for (int i = 0; i < f32.length; i++) {
      assertThat(f32[i]).isEqualTo(chunked[i]); // the same doubles rounded to float once
    }
    assertThat(batch("contiguous_f32_be.h5", 13, 9)).containsExactly(f32);
  }

  @Test
  void aNanOrATruncatedContiguousSetIsRefusedNamingWhere() {
    assertThatThrownBy(() -> batch("contiguous_nan.h5", 0, 6))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("patch 2, band B5, pixel (7, 9) is NaN");
    assertThat(batch("contiguous_cut.h5", 0, 8)).hasSize(8 * 10 * 48 * 48);
    assertThatThrownBy(() -> batch("contiguous_cut.h5", 8, 4))
        .isInstanceOf(DatasetException.class)
        .hasMessageContaining("contiguous_cut.h5")
        .hasMessageContaining("patches 8–11")
        .hasMessageContaining("truncated");
  }

  private static float[] batch(String name, int start, int n) {
    try (PatchDataset ds = PatchDataset.open(dir.resolve(name), DatasetLayout.MSMLA, List.of())) {
      PatchBatch b = ds.newBatch(n);
      ds.read(start, n, b);
      return java.util.Arrays.copyOf(b.images(), n * 10 * 48 * 48);
    }
  }
}
