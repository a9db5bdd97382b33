package org.lcz.service.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.lcz.messaging.EventPublisher;

/**
 * Makes an {@link EventPublisher} injectable: it sends to {@code kafka.bootstrap.servers} with the
 * CloudEvents source {@code /lcz/<application name>}.
 */
@ApplicationScoped
public class EventPublisherProducer {
  @Produces
  @Singleton
  EventPublisher eventPublisher(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    return new EventPublisher(bootstrapServers, URI.create("/lcz/" + application));
  }

  void close(@Disposes EventPublisher publisher) {
    publisher.close();
  }
}
