package org.lcz.service.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Whether a service creates the platform's missing topics and buckets when it starts. */
@ConfigMapping(prefix = "lcz.provision")
public interface ProvisionConfig {
  /** Create missing topics and buckets at start-up. */
  @WithDefault("true")
  boolean enabled();

  /** Replicas per partition of topics it creates (1 for a single broker). */
  @WithDefault("1")
  short replicationFactor();

  /**
   * Partitions of {@code lcz.tiles}: the most inference workers that can share one scene. An
   * existing topic with fewer is grown at start (never shrunk).
   */
  @WithDefault("48")
  int tilePartitions();

  /** Wait between attempts while Kafka or S3 do not answer yet. */
  @WithDefault("5s")
  Duration retryInterval();
}
