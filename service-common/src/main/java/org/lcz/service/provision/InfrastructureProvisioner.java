package org.lcz.service.provision;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.PlatformInfrastructure;
import org.lcz.service.config.ProvisionConfig;
import org.lcz.storage.ObjectStore;

/**
 * At start-up, creates the platform's missing topics and buckets ({@link
 * PlatformInfrastructure#ensure}), in the background and again after each failure until it
 * succeeds, so that a service may start before its infrastructure. Readiness stays down meanwhile.
 */
@ApplicationScoped
public class InfrastructureProvisioner {
  private static final Logger LOG = Logger.getLogger(InfrastructureProvisioner.class);

  private final ObjectStore store;
  private final String bootstrapServers;
  private final ProvisionConfig config;
  private volatile Thread worker;

  public InfrastructureProvisioner(
      ObjectStore store,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      ProvisionConfig config) {
    this.store = store;
    this.bootstrapServers = bootstrapServers;
    this.config = config;
  }

  void onStart(@Observes StartupEvent event) {
    if (!config.enabled()) {
      return;
    }
    Thread t = new Thread(this::provisionUntilDone, "lcz-provision");
    t.setDaemon(true);
    worker = t;
    t.start();
  }

  void onStop(@Observes ShutdownEvent event) {
    Thread t = worker;
    if (t != null) {
      t.interrupt();
    }
  }

  private void provisionUntilDone() {
    while (!Thread.currentThread().isInterrupted()) {
      try {
        provisionOnce();
        return;
      } catch (RuntimeException e) {
        LOG.warnf(
            "cannot create the platform's topics and buckets yet (%s); retrying in %s",
            e.getMessage(), config.retryInterval());
        try {
          Thread.sleep(config.retryInterval().toMillis());
        } catch (InterruptedException stop) {
          return;
        }
      }
    }
  }

  /**
   * Creates what is missing, once.
   *
   * @return the topics created now
   */
  public List<String> provisionOnce() {
    try (Admin admin = Admin.create(KafkaClients.admin(bootstrapServers))) {
      List<String> created =
          PlatformInfrastructure.ensure(
              store, admin, config.replicationFactor(), config.tilePartitions());
      if (!created.isEmpty()) {
        LOG.infof("created topics %s", created);
      }
      return created;
    }
  }
}
