package org.lcz.training.config;

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
class TrainingConfigTest {
  @Inject TrainingConfig config;

  @Test
  void defaultsFollowTheReferenceTraining() {
    assertThat(config.defaultVariant()).isEqualTo("msmla-18");
    assertThat(config.defaultBatchSize()).isEqualTo(32);
    assertThat(config.defaultPatience()).isEqualTo(15);
    assertThat(config.workDir().toString()).endsWith("lcz-training");
    assertThat(config.dataset().imageKey()).isEqualTo("sen2");
    assertThat(config.dataset().bandNames()).hasSize(10).startsWith("B2").endsWith("B12");
  }

  @Test
  void theWorkerDefaultsComeFromTheConfiguration() {
    var defaults = org.lcz.training.worker.TrainingRequestConsumer.defaults(config);
    assertThat(defaults.layout().bandNames()).isEqualTo(config.dataset().bandNames());
    assertThat(defaults.decayFactor()).isEqualTo(config.decayFactor());
    assertThat(defaults.groundSampleDistance()).isEqualTo(10.0);
  }
}
