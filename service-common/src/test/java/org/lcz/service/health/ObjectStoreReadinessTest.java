package org.lcz.service.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.lcz.common.storage.S3Settings;
import org.lcz.deploy.testing.SharedLocalStack;
import org.lcz.service.config.S3Config;

class ObjectStoreReadinessTest {
  private static S3Config pointingAt(S3Settings s) {
    return new S3Config() {
      @Override
      public Optional<URI> endpoint() {
        return Optional.of(s.endpoint());
      }

      @Override
      public Optional<String> accessKey() {
        return Optional.of(s.accessKey());
      }

      @Override
      public Optional<String> secretKey() {
        return Optional.of(s.secretKey());
      }

      @Override
      public Optional<String> region() {
        return Optional.of(s.region());
      }
    };
  }

  @Test
  void upWhenTheRealStoreAnswersWithEveryBucket() {
    var check = new ObjectStoreReadiness(pointingAt(SharedLocalStack.get().s3Settings()));
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
    var check = new ObjectStoreReadiness(pointingAt(dead));
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
