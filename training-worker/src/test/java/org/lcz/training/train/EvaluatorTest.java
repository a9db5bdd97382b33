package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.scheme.ConfusionMatrix;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.data.Normalisation;
import org.lcz.training.data.PatchDataset;
import org.lcz.training.data.PatchSets;
import org.lcz.training.model.Msmla;
import org.lcz.training.model.MsmlaBlock;
import org.lcz.training.model.MsmlaVariant;

class EvaluatorTest {
  @Test
  void everyPatchIsCountedOnceInItsTrueRowEvenWithAPartialLastBatch(@TempDir Path dir)
      throws Exception {
    PatchSets.write(dir);
    MsmlaBlock net = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(10).build();
    try (NDManager manager = NDManager.newBaseManager();
        PatchDataset data =
            PatchDataset.open(dir.resolve("good_msmla.h5"), DatasetLayout.MSMLA, List.of())) {
      net.initialize(manager, DataType.FLOAT32, net.inputShape(1, 48));
      ConfusionMatrix cm = Evaluator.confusion(net, manager, data, Normalisation.of(data, 16), 16);
      assertThat(cm.total()).isEqualTo(40);
      long[] support = data.classSupport(40);
      for (int k = 0; k < 17; k++) {
        assertThat(cm.support(k)).isEqualTo(support[k]);
      }
    }
  }
}
