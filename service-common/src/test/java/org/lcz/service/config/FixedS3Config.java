package org.lcz.service.config;

import java.net.URI;
import java.util.Optional;
import org.lcz.storage.S3Settings;

/** An {@link S3Config} with fixed values, for tests. */
public record FixedS3Config(
    Optional<URI> endpoint,
    Optional<String> accessKey,
    Optional<String> secretKey,
    Optional<String> region)
    implements S3Config {

  /** Every key set from {@code settings}. */
  public static FixedS3Config of(S3Settings settings) {
    return new FixedS3Config(
        Optional.of(settings.endpoint()),
        Optional.of(settings.accessKey()),
        Optional.of(settings.secretKey()),
        Optional.of(settings.region()));
  }
}
