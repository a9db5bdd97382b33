package org.lcz.inference;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lcz.inference.config.InferenceConfig;

/** Says at start-up which model the worker follows and how it maps. */
@ApplicationScoped
public class InferenceStartup {
  private static final Logger LOG = Logger.getLogger(InferenceStartup.class);

  void onStart(@Observes StartupEvent event, InferenceConfig config) {
    LOG.infof(
        "inference: model '%s', %.0f m cells, batch %d, %d intra-op threads",
        config.modelName(), config.cellSize(), config.batchSize(), config.intraOpThreads());
  }
}
