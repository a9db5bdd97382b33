package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SceneIdsTest {
  @Test
  void theIdComesFromTheKeysStemAndTheEtagAlone() {
    assertThat(SceneIds.of("city/seoul 2026-05-01.tif", "\"3F9A2C1B77E0\""))
        .isEqualTo("seoul_2026-05-01-3f9a2c1b");
    assertThat(SceneIds.of("a.tif", "\"abc\"")).isEqualTo(SceneIds.of("a.tif", "\"abc\""));
    assertThat(SceneIds.of("a.tif", "\"abd\"")).isNotEqualTo(SceneIds.of("a.tif", "\"abc\""));
    assertThat(SceneIds.of("x".repeat(100) + ".tif", "e")).hasSize(62);
    // a manifest is named after its folder
    assertThat(SceneIds.of("seoul/2026-05-01/scene.json", "abcdef0123"))
        .isEqualTo("2026-05-01-abcdef01");
  }
}
