package org.lcz.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.SharedLocalStack;

class KafkaReadinessTest {
  @Test
  void upWithTheNodesWhenTheRealBrokerAnswers() {
    String bootstrap = SharedLocalStack.get().kafkaBootstrapServers();
    KafkaReadiness check = new KafkaReadiness(bootstrap);
    try {
      HealthCheckResponse r = check.call();
      assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(r.getData().orElseThrow().get("nodes").toString()).isEqualTo(bootstrap);
    } finally {
      check.close();
    }
  }

  @Test
  void downWithinTheTimeoutWhenNothingListens() {
    KafkaReadiness check = new KafkaReadiness("127.0.0.1:1");
    try {
      long t0 = System.nanoTime();
      HealthCheckResponse r = check.call();
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(r.getData().orElseThrow().get("error").toString())
          .contains("no answer from Kafka");
      // bounded by the check's own timeout (3 s), not the admin client's 60 s default: the bound
      // is generous for a loaded machine (it means "did not wait for the default"), not a speed
      assertThat(took).isLessThan(Duration.ofSeconds(30));
    } finally {
      check.close();
    }
  }
}
