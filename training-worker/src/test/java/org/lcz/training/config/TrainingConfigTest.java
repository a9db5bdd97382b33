package org.lcz.training.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class TrainingConfigTest {
  @Inject TrainingConfig config;

  @Test
  void defaultsFollowTheReferenceTraining() {
    assertThat(config.defaultVariant()).isEqualTo("msmla-18");
    assertThat(config.defaultBatchSize()).isEqualTo(32);
    assertThat(config.defaultPatience()).isEqualTo(15);
    assertThat(config.workDir().toString()).endsWith("lcz-training");
  }
}
