package org.lcz.inference.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;

@QuarkusTest
@Tag("quarkus")
@WithTestResource(LocalStackTestResource.class)
class InferenceConfigTest {
  @Inject InferenceConfig config;

  @Test
  void mapsAtTheLczConventionOfHundredMetreCells() {
    assertThat(config.cellSize()).isEqualTo(100.0);
    assertThat(config.modelName()).isEqualTo("msmla");
    assertThat(config.batchSize()).as("the fastest here, docs/benchmarks.md").isEqualTo(64);
  }
}
