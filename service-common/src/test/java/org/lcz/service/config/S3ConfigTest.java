package org.lcz.service.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lcz.storage.S3Settings;

class S3ConfigTest {
  /** A config with only the given endpoint and access key set. */
  static S3Config config(String endpoint, String accessKey) {
    return new FixedS3Config(
        Optional.ofNullable(endpoint).map(URI::create),
        Optional.ofNullable(accessKey),
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void setKeysWinAndTheRestFallsBackToTheLocalDefaults() {
    S3Settings s = config("http://minio:9000", "ak").toSettings();
    S3Settings local = S3Settings.localDefaults();
    assertThat(s.endpoint()).isEqualTo(URI.create("http://minio:9000"));
    assertThat(s.accessKey()).isEqualTo("ak");
    assertThat(s.secretKey()).isEqualTo(local.secretKey());
    assertThat(s.region()).isEqualTo(local.region());
  }

  @Test
  void nothingSetGivesTheLocalDefaults() {
    assertThat(config(null, null).toSettings()).isEqualTo(S3Settings.localDefaults());
  }
}
