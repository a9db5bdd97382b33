package org.lcz.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3SettingsTest {
  @Test
  void environmentOverridesTheLocalDefaults() {
    S3Settings s =
        S3Settings.fromEnvironment(
            Map.of(
                "LCZ_S3_ENDPOINT", "http://minio:9000",
                "LCZ_S3_ACCESS_KEY", "ak",
                "LCZ_S3_SECRET_KEY", "sk"));
    assertThat(s.endpoint()).isEqualTo(URI.create("http://minio:9000"));
    assertThat(s.accessKey()).isEqualTo("ak");
    assertThat(s.secretKey()).isEqualTo("sk");
    assertThat(s.region()).isEqualTo(S3Settings.localDefaults().region());
  }

  @Test
  void unsetEnvironmentGivesTheDocumentedLocalDefaults() {
    S3Settings s = S3Settings.fromEnvironment(Map.of());
    assertThat(s).isEqualTo(S3Settings.localDefaults());
    assertThat(s.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9000"));
    assertThat(s.accessKey()).isEqualTo("lcz-local");
  }

  @Test
  void toStringHidesTheSecret() {
    S3Settings s = S3Settings.fromEnvironment(Map.of("LCZ_S3_SECRET_KEY", "hunter2"));
    assertThat(s.toString()).doesNotContain("hunter2").contains("lcz-local");
  }
}
