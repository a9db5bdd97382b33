package org.lcz.deploy.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.storage.S3Settings;

/**
 * {@code @QuarkusTestResource(LocalStackTestResource.class)}: points a Quarkus service under test
 * at the shared local stack (Kafka bootstrap servers and the S3 endpoint and credentials).
 */
public final class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {
  @Override
  public Map<String, String> start() {
    LocalStack stack = SharedLocalStack.get();
    S3Settings s3 = stack.s3Settings();
    return Map.of(
        "kafka.bootstrap.servers", stack.kafkaBootstrapServers(),
        "lcz.s3.endpoint", s3.endpoint().toString(),
        "lcz.s3.access-key", s3.accessKey(),
        "lcz.s3.secret-key", s3.secretKey());
  }

  @Override
  public void stop() {
    // The stack is shared by every test class of this JVM; it stops when the JVM exits.
  }
}
