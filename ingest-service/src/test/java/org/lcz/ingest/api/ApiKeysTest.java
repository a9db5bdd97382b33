package org.lcz.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeysTest {
  @Test
  void withoutKeysTheApiIsOpen() {
    ApiKeys none = new ApiKeys(List.of(" ", ""), true);
    assertThat(none.enabled()).isFalse();
    assertThat(none.required("POST")).isFalse();
  }

  @Test
  void withKeysWritesNeedOneAndReadsFollowTheSetting() {
    ApiKeys open = new ApiKeys(List.of("k1", " k2 "), true);
    assertThat(open.required("POST")).isTrue();
    assertThat(open.required("DELETE")).isTrue();
    assertThat(open.required("GET")).isFalse();
    ApiKeys closed = new ApiKeys(List.of("k1"), false);
    assertThat(closed.required("GET")).isTrue();
    assertThat(open.accepts("k2")).isTrue();
    assertThat(open.accepts("k3")).isFalse();
    assertThat(open.accepts("k")).isFalse();
  }

  @Test
  void theKeyComesFromXApiKeyOrABearerAuthorization() {
    assertThat(ApiKeys.presented("Bearer abc", null)).contains("abc");
    assertThat(ApiKeys.presented("bearer  abc ", null)).contains("abc");
    assertThat(ApiKeys.presented(null, "xyz")).contains("xyz");
    assertThat(ApiKeys.presented("Basic dXNlcjpwYXNz", null)).isEmpty();
    assertThat(ApiKeys.presented(null, null)).isEmpty();
  }
}
