package org.lcz.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.contract.Radiometry;
import org.lcz.training.LearnableSets;

class NormalisationTest {
  @Test
  void centresAndScalesEachBandAndOnlyCentresAConstantOne() {
    PatchBatch batch = new PatchBatch(1, 2, 2);
    float[] images = batch.images();
    // band 0: 1, 3, 5, 7; band 1: 4, 4, 4, 4
    System.arraycopy(new float[] {1, 3, 5, 7, 4, 4, 4, 4}, 0, images, 0, 8);
    batch.setSize(1);
    new Normalisation(List.of(4.0, 4.0), List.of(2.0, 0.0)).apply(batch);
    assertThat(images[0]).isCloseTo(-1.5f, within(1e-6f));
    assertThat(images[3]).isCloseTo(1.5f, within(1e-6f));
    assertThat(images[4]).isEqualTo(0f);
  }

  @Test
  void theRadiometryOfASetIsDetectedOrItsDeclarationHeldAgainstTheValues(@TempDir Path dir)
      throws Exception {
    LearnableSets.write(dir);
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                "import h5py\n"
                    + "with h5py.File('"
                    + dir.resolve("train.h5")
                    + "') as a, h5py.File('"
                    + dir.resolve("fraction.h5")
                    + "', 'w') as b:\n"
                    + "    b['sen2'] = a['sen2'][:] / 10000.0\n"
                    + "    b['label'] = a['label'][:]\n")
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    try (PatchDataset dn =
            PatchDataset.open(dir.resolve("train.h5"), DatasetLayout.MSMLA, List.of());
        PatchDataset fraction =
            PatchDataset.open(dir.resolve("fraction.h5"), DatasetLayout.MSMLA, List.of())) {
      Normalisation a = Normalisation.of(dn, 32);
      Normalisation b = Normalisation.of(fraction, 32);
      assertThat(a.radiometry()).isEqualTo(Radiometry.CANONICAL);
      assertThat(b.radiometry()).isEqualTo(Radiometry.FRACTION);
      assertThat(b.radiometryNote())
          .contains("fraction.h5: radiometry detected as surface reflectance as a fraction");
      for (int c = 0; c < 10; c++) {
        assertThat(b.means().get(c)).isCloseTo(a.means().get(c) / 10_000, within(1e-6));
        assertThat(b.stds().get(c)).isCloseTo(a.stds().get(c) / 10_000, within(1e-6));
      }
      assertThat(Normalisation.of(fraction, 32, Optional.of(Radiometry.FRACTION)).radiometryNote())
          .isEmpty();
      assertThatThrownBy(() -> Normalisation.of(fraction, 32, Optional.of(Radiometry.CANONICAL)))
          .isInstanceOf(DatasetException.class)
          .hasMessageContaining(
              "fraction.h5: the training request declares surface reflectance × 10000")
          .hasMessageContaining("values of a fraction");
    }
  }

  @Test
  void aSetWhoseEveryBandIsConstantIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
    // the finding: an all-zero set trained, and its model became current
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-c",
                "import h5py, numpy as np\n"
                    + "labels = np.zeros((34, 17)); labels[np.arange(34), np.arange(34) % 17] = 1\n"
                    + "with h5py.File('"
                    + dir.resolve("zeros.h5")
                    + "', 'w') as f:\n"
                    + "    f['sen2'] = np.zeros((34, 16, 16, 10))\n"
                    + "    f['label'] = labels\n")
            .inheritIO()
            .start();
    assertThat(p.waitFor()).isZero();
    try (PatchDataset zeros =
        PatchDataset.open(dir.resolve("zeros.h5"), DatasetLayout.MSMLA, List.of())) {
      assertThatThrownBy(() -> Normalisation.of(zeros, 8))
          .isInstanceOf(DatasetException.class)
          .hasMessageContaining("zeros.h5")
          .hasMessageContaining("every band is constant over all 34 patches");
    }
  }

  @Test
  void refusesABatchWithOtherBands() {
    PatchBatch batch = new PatchBatch(1, 3, 2);
    assertThatThrownBy(() -> new Normalisation(List.of(0.0), List.of(1.0)).apply(batch))
        .hasMessageContaining("batch has 3 bands, normalisation 1");
  }
}
