package org.lcz.training.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.training.data.DatasetLayout;

class TrainingDataTest {
  private static final Path TRAIN = Path.of("train.h5");
  private static final Path VAL = Path.of("val.h5");
  private static final Path TEST = Path.of("test.h5");

  @Test
  void missingSplitsFallBackAndSayWhichFileServes() {
    TrainingData all =
        new TrainingData(TRAIN, Optional.of(VAL), Optional.of(TEST), DatasetLayout.MSMLA);
    assertThat(all.selectionFile()).isEqualTo(VAL);
    assertThat(all.evaluationFile()).isEqualTo(TEST);
    assertThat(all.selectionRole()).isEqualTo("validation");
    assertThat(all.evaluationRole()).isEqualTo("test");

    TrainingData noVal = new TrainingData(TRAIN, null, Optional.of(TEST), DatasetLayout.MSMLA);
    assertThat(noVal.selectionFile()).isEqualTo(TEST);
    assertThat(noVal.selectionRole()).isEqualTo("test");

    TrainingData noTest = new TrainingData(TRAIN, Optional.of(VAL), null, DatasetLayout.MSMLA);
    assertThat(noTest.evaluationFile()).isEqualTo(VAL);
    assertThat(noTest.evaluationRole()).isEqualTo("validation");

    TrainingData alone = new TrainingData(TRAIN, null, null, DatasetLayout.MSMLA);
    assertThat(alone.selectionFile()).isEqualTo(TRAIN);
    assertThat(alone.evaluationRole()).isEqualTo("train");
  }
}
