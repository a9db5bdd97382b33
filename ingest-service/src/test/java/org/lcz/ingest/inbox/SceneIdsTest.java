package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SceneIdsTest {
  @Test
  void theIdComesFromTheKeysStemAndTheEtagAlone() {
    assertThat(SceneIds.of("seoul_2026-05-01.tif", "\"3F9A2C1B77E0\""))
        .isEqualTo("seoul_2026-05-01-3f9a2c1b");
    assertThat(SceneIds.of("a.tif", "\"abc\"")).isEqualTo(SceneIds.of("a.tif", "\"abc\""));
    assertThat(SceneIds.of("a.tif", "\"abd\"")).isNotEqualTo(SceneIds.of("a.tif", "\"abc\""));
  }

  @Test
  void theSameContentUnderKeysTheNameCannotTellApartIsTwoScenes() {
    // the finding: two objects whose names slug alike got one id, and the second was ignored
    String e = "\"3F9A2C1B77E0\"";
    String a = SceneIds.of("séoul.tif", e);
    String b = SceneIds.of("sëoul.tif", e);
    assertThat(a).matches("s_oul-3f9a2c1b-k[0-9a-f]{4}").isNotEqualTo(b);
    assertThat(SceneIds.of("2024/city.tif", e)).isNotEqualTo(SceneIds.of("2025/city.tif", e));
    assertThat(SceneIds.of("x".repeat(100) + ".tif", "e"))
        .isNotEqualTo(SceneIds.of("x".repeat(101) + ".tif", "e"))
        .hasSize(62 + 6);
    // identical scene.json files in two folders of the same name
    assertThat(SceneIds.of("seoul/2026-05-01/scene.json", "abcdef0123"))
        .startsWith("2026-05-01-abcdef01-k")
        .isNotEqualTo(SceneIds.of("busan/2026-05-01/scene.json", "abcdef0123"));
    // still the same object, the same id
    assertThat(SceneIds.of("séoul.tif", e)).isEqualTo(a);
  }
}
