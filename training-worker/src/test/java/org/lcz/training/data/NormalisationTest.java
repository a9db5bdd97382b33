package org.lcz.training.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

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
  void refusesABatchWithOtherBands() {
    PatchBatch batch = new PatchBatch(1, 3, 2);
    assertThatThrownBy(() -> new Normalisation(List.of(0.0), List.of(1.0)).apply(batch))
        .hasMessageContaining("batch has 3 bands, normalisation 1");
  }
}
