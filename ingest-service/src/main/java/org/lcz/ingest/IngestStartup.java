package org.lcz.ingest;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.lcz.ingest.config.IngestConfig;

/** Says at start-up which grid and tiling the service applies. */
@ApplicationScoped
public class IngestStartup {
  private static final Logger LOG = Logger.getLogger(IngestStartup.class);

  void onStart(@Observes StartupEvent event, IngestConfig config) {
    LOG.infof(
        "ingest: bands %s at %.1f m, tiles %d px + %d px halo, uploads up to %d MB",
        config.bands(),
        config.groundSampleDistance(),
        config.tileSize(),
        config.halo(),
        config.maxUploadBytes() / 1_000_000);
  }
}
