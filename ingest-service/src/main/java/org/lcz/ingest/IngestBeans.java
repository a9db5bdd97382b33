package org.lcz.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lcz.ingest.config.IngestConfig;
import org.lcz.ingest.inbox.IngestQueue;
import org.lcz.ingest.inbox.SceneIngestion;
import org.lcz.ingest.live.LiveEvents;
import org.lcz.ingest.source.RemoteBuckets;
import org.lcz.ingest.source.SceneFormats;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.ingest.web.SceneViews;
import org.lcz.messaging.EventPublisher;
import org.lcz.storage.ObjectStore;

/** Builds the plain ingestion classes from configuration, once per service. */
@ApplicationScoped
public class IngestBeans {
  @Produces
  @Singleton
  SceneIngestion ingestion(
      IngestConfig config,
      ObjectStore store,
      EventPublisher publisher,
      RemoteBuckets remote,
      LiveEvents live) {
    SceneTiler tiler =
        new SceneTiler(
            store,
            new SceneTiler.Settings(
                config.bands(),
                config.groundSampleDistance(),
                config.tileSize(),
                config.halo(),
                config.maxScenePixels()));
    SceneIngestion ingestion =
        new SceneIngestion(
            store,
            tiler,
            SceneFormats.standard(config.bands(), remote),
            e -> publisher.publishAndWait(e, Duration.ofSeconds(30)),
            config.workDir(),
            Clock.systemUTC(),
            config.manifestWait());
    ingestion.watchStatus(s -> live.sceneStatus(s.sceneId(), s.state(), s.at()));
    return ingestion;
  }

  @Produces
  @Singleton
  RemoteBuckets remoteBuckets(IngestConfig config) {
    List<RemoteBuckets.Source> sources = new ArrayList<>();
    config
        .s3Sources()
        .forEach(
            (name, s) ->
                sources.add(
                    new RemoteBuckets.Source(
                        name,
                        s.endpoint(),
                        s.buckets(),
                        s.accessKey(),
                        s.secretKey(),
                        s.region())));
    return new RemoteBuckets(sources);
  }

  void close(@Disposes RemoteBuckets remote) {
    remote.close();
  }

  @Produces
  @Singleton
  IngestQueue queue(SceneIngestion ingestion) {
    return new IngestQueue(ingestion);
  }

  void close(@Disposes IngestQueue queue) {
    queue.close();
  }

  @Produces
  @Singleton
  SceneViews sceneViews(ObjectStore store) {
    return new SceneViews(store);
  }
}
