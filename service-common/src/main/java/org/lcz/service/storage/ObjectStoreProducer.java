package org.lcz.service.storage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;
import org.lcz.service.config.S3Config;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectStore;

/** Makes the platform's {@link ObjectStore} injectable, and closes it at shutdown. */
@ApplicationScoped
public class ObjectStoreProducer {
  private static final Logger LOG = Logger.getLogger(ObjectStoreProducer.class);

  @Produces
  @Singleton
  ObjectStore objectStore(S3Config config) {
    var settings = config.toSettings();
    LOG.infof("object store at %s", settings.endpoint());
    return new MinioObjectStore(settings);
  }

  void close(@Disposes ObjectStore store) {
    store.close();
  }
}
