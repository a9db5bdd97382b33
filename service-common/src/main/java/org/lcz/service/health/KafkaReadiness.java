package org.lcz.service.health;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.lcz.messaging.KafkaClients;

/**
 * Ready only when the Kafka cluster answers, within {@link #TIMEOUT} so that a probe is never left
 * hanging (Quarkus's own Kafka check waits for the admin client's 60 s default).
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {
  static final String NAME = "kafka";

  /** The longest a probe waits for the cluster. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Admin admin;
  private final String bootstrapServers;

  public KafkaReadiness(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
    Properties p = KafkaClients.admin(bootstrapServers);
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT.toMillis()));
    this.admin = Admin.create(p);
  }

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named(NAME).withData("bootstrap.servers", bootstrapServers);
    try {
      Collection<Node> nodes =
          admin
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) TIMEOUT.toMillis()))
              .nodes()
              .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
      return response
          .up()
          .withData(
              "nodes",
              nodes.stream().map(n -> n.host() + ":" + n.port()).collect(Collectors.joining(",")))
          .build();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return response.down().withData("error", "interrupted").build();
    } catch (Exception e) {
      String reason = e.getCause() != null ? e.getCause().toString() : e.toString();
      return response.down().withData("error", "no answer from Kafka: " + reason).build();
    }
  }

  @PreDestroy
  void close() {
    admin.close(Duration.ofSeconds(1));
  }
}
