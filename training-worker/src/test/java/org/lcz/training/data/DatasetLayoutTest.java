package org.lcz.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetLayoutTest {
  @Test
  void publishedLayoutsReadSen2AndLabelWithTheTenSentinel2Bands() {
    assertThat(DatasetLayout.MSMLA.imageKey()).isEqualTo("sen2");
    assertThat(DatasetLayout.SO2SAT.labelKey()).isEqualTo("label");
    assertThat(DatasetLayout.SO2SAT.bandNames()).hasSize(10).startsWith("B2").endsWith("B12");
  }

  @Test
  void bandNamesMustBeDistinct() {
    assertThatThrownBy(() -> DatasetLayout.MSMLA.withBands(List.of("B2", "B2")))
        .hasMessageContaining("distinct");
  }
}
