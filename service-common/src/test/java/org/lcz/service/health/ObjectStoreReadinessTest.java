package org.lcz.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.SharedLocalStack;
import org.lcz.service.config.FixedS3Config;
import org.lcz.storage.S3Settings;

class ObjectStoreReadinessTest {
  @Test
  void upWhenTheRealStoreAnswersWithEveryBucket() {
    var check = new ObjectStoreReadiness(FixedS3Config.of(SharedLocalStack.get().s3Settings()));
    try {
      HealthCheckResponse r = check.call();
      assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
      assertThat(r.getName()).isEqualTo(ObjectStoreReadiness.NAME);
    } finally {
      check.close();
    }
  }

  @Test
  void downWithTheReasonWhenNothingListens() {
    S3Settings dead =
        SharedLocalStack.get().s3Settings().withEndpoint(URI.create("http://127.0.0.1:1"));
    var check = new ObjectStoreReadiness(FixedS3Config.of(dead));
    try {
      HealthCheckResponse r = check.call();
      assertThat(r.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
      assertThat(r.getData())
          .hasValueSatisfying(
              d -> assertThat(d.get("error").toString()).contains("http://127.0.0.1:1"));
    } finally {
      check.close();
    }
  }
}
