package org.lcz.service.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.util.Optional;
import org.lcz.storage.S3Settings;

/**
 * Where the object store is. Each key may also come from the environment ({@code LCZ_S3_ENDPOINT},
 * {@code LCZ_S3_ACCESS_KEY}, {@code LCZ_S3_SECRET_KEY}, {@code LCZ_S3_REGION}); what neither sets
 * falls back to the local stack's documented defaults ({@link S3Settings#localDefaults()}).
 */
@ConfigMapping(prefix = "lcz.s3")
public interface S3Config {
  /** The S3 endpoint URL, e.g. {@code http://minio:9000}. */
  Optional<URI> endpoint();

  /** The access key. */
  Optional<String> accessKey();

  /** The secret key. */
  Optional<String> secretKey();

  /** The region. */
  Optional<String> region();

  /** The settings these keys give, over the local defaults. */
  default S3Settings toSettings() {
    S3Settings local = S3Settings.localDefaults();
    return new S3Settings(
        endpoint().orElse(local.endpoint()),
        accessKey().orElse(local.accessKey()),
        secretKey().orElse(local.secretKey()),
        region().orElse(local.region()));
  }
}
