package org.lcz.service.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.lcz.service.config.S3Config;
import org.lcz.storage.Buckets;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;
import org.lcz.storage.RetryPolicy;

/**
 * Ready only when the object store answers and every platform bucket exists. It asks once, without
 * retries, so that a probe answers quickly.
 */
@Readiness
@ApplicationScoped
public class ObjectStoreReadiness implements HealthCheck {
  static final String NAME = "object-store";

  private final ObjectStore probe;
  private final String endpoint;

  public ObjectStoreReadiness(S3Config config) {
    var settings = config.toSettings();
    this.probe = new MinioObjectStore(settings, RetryPolicy.none());
    this.endpoint = settings.endpoint().toString();
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(NAME).withData("endpoint", endpoint);
    try {
      probe.checkReady(Buckets.all());
      return response.up().build();
    } catch (ObjectStoreException e) {
      return response.down().withData("error", e.getMessage()).build();
    }
  }

  @PreDestroy
  void close() {
    probe.close();
  }
}
