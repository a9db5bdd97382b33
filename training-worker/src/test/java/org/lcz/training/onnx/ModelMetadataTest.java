package org.lcz.training.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcz.contract.Radiometry;
import org.lcz.events.ModelContract;
import org.lcz.storage.ObjectRef;

class ModelMetadataTest {
  private static final ModelContract CONTRACT =
      new ModelContract(
          "MSMLA-50",
          List.of("B2", "B8"),
          48,
          10,
          Radiometry.CANONICAL,
          List.of(1200.5, 2400.0),
          List.of(300.0, 450.25),
          List.of(1, 17),
          List.of("1", "G"),
          new ObjectRef("lcz-datasets", "seoul/train.h5", "ab".repeat(32)),
          Map.of("oa", 0.9, "oaW", 0.95),
          "v9",
          Instant.parse("2026-11-24T10:00:00Z"));

  @Test
  void theContractRoundTripsAndItsFieldsAreReadableOneByOne() {
    Map<String, String> m = ModelMetadata.of(CONTRACT);
    assertThat(ModelMetadata.contract(m)).isEqualTo(CONTRACT);
    assertThat(m)
        .containsEntry("architecture", "MSMLA-50")
        .containsEntry("bands", "B2,B8")
        .containsEntry("patch_size", "48")
        .containsEntry("band_means", "1200.5,2400.0")
        .containsEntry("class_codes", "1,G")
        .containsEntry("dataset", "s3://lcz-datasets/seoul/train.h5")
        .containsEntry("version", "v9");
  }

  @Test
  void metadataWithoutTheContractIsAClearError() {
    assertThatThrownBy(() -> ModelMetadata.contract(Map.of("architecture", "x")))
        .hasMessageContaining("no lcz.model_contract");
  }
}
