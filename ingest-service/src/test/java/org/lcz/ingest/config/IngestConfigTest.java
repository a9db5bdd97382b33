package org.lcz.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;

@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class IngestConfigTest {
  @Inject IngestConfig config;

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertThat(config.bands())
        .containsExactly("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12");
    assertThat(config.groundSampleDistance()).isEqualTo(10.0);
    assertThat(config.tileSize()).isEqualTo(512);
    // half of the 48 px model patch
    assertThat(config.halo()).isEqualTo(24);
    assertThat(config.inboxPollInterval()).isEqualTo(Duration.ofSeconds(5));
  }
}
