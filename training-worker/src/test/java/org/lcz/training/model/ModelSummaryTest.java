package org.lcz.training.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class ModelSummaryTest {
  private static ModelSummary summary(NDManager manager, MsmlaVariant variant) {
    MsmlaBlock net = Msmla.builder().setVariant(variant).setBands(10).build();
    net.initialize(manager, DataType.FLOAT32, net.inputShape(1, 48));
    return ModelSummary.of(net, 48);
  }

  @Test
  void rowsAddUpToThePublishedTotal() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelSummary s = summary(manager, MsmlaVariant.MSMLA_18);
      assertThat(s.total()).isEqualTo(181_867);
      assertThat(s.rows().stream().mapToLong(ModelSummary.Row::parameters).sum())
          .isEqualTo(s.total());
      // running mean and variance of every batch norm are not trained
      assertThat(s.trainable()).isLessThan(s.total()).isPositive();
    }
  }

  @Test
  void followsTheBackboneShapes() {
    try (NDManager manager = NDManager.newBaseManager()) {
      ModelSummary s = summary(manager, MsmlaVariant.MSMLA_50);
      assertThat(s.rows().get(0).name()).isEqualTo("stem");
      assertThat(s.rows().get(0).output()).isEqualTo(new Shape(1, 64, 48, 48));
      assertThat(row(s, "stage2_block1").output()).isEqualTo(new Shape(1, 128, 24, 24));
      assertThat(row(s, "stage3_block6").output()).isEqualTo(new Shape(1, 256, 12, 12));
      assertThat(row(s, "stage3_cbam").output()).isEqualTo(new Shape(1, 256, 12, 12));
      assertThat(row(s, "classifier").output()).isEqualTo(new Shape(1, 17));
      // GAP(256) + 64 + 64 + 128 + 256 features, 17 outputs
      assertThat(row(s, "classifier").parameters()).isEqualTo(768 * 17 + 17);
      assertThat(s.total()).isEqualTo(808_913);
    }
  }

  @Test
  void rendersATableWithTheTotals() {
    try (NDManager manager = NDManager.newBaseManager()) {
      String text = summary(manager, MsmlaVariant.MSMLA_18).render();
      assertThat(text)
          .startsWith("MSMLA-18: 10 bands → 17 classes, input (1, 10, 48, 48)")
          .contains("stage1_cbam")
          .contains("Total params: 181,867");
    }
  }

  private static ModelSummary.Row row(ModelSummary s, String name) {
    return s.rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }
}
