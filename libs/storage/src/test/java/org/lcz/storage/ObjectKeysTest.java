package org.lcz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectKeysTest {
  @Test
  void ordinaryKeysPass() {
    for (String key :
        new String[] {
          "scenes/s1/tiles/0_1.tif", "uploads/my scene (2).tif", "a..b/c.tif", "x", "é/ü.json"
        }) {
      assertThat(ObjectKeys.requireSafeKey(key)).isEqualTo(key);
    }
    assertThat(ObjectKeys.requireBucket("lcz-inbox")).isEqualTo("lcz-inbox");
    assertThat(ObjectKeys.requireBucket("sentinel-cogs")).isEqualTo("sentinel-cogs");
  }

  @Test
  void keysThatClimbOrHideAreRefusedByName() {
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey("../lcz-models/x.onnx"))
        .hasMessageContaining("'../lcz-models/x.onnx' holds a '..' segment");
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey("scenes/../../etc"))
        .hasMessageContaining("'..' segment");
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey("a/./b"))
        .hasMessageContaining("'.' segment");
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey("/etc/passwd"))
        .hasMessageContaining("starts with '/'");
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey("a\\b"))
        .hasMessageContaining("control character or a backslash");
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey("a\nb"))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey("k".repeat(1025)))
        .hasMessageContaining("longer than 1024 bytes");
    assertThatThrownBy(() -> ObjectKeys.requireSafeKey(" ")).hasMessageContaining("'key'");
    assertThatThrownBy(() -> ObjectKeys.requireBucket("lcz-maps/../lcz-models"))
        .hasMessageContaining("not a bucket name");
    assertThatThrownBy(() -> ObjectKeys.requireBucket(".."))
        .hasMessageContaining("not a bucket name");
    // the references events carry are checked when they are made, or read
    assertThatThrownBy(() -> ObjectRef.of("lcz-tiles", "scenes/../../lcz-models/m.onnx"))
        .hasMessageContaining("'..' segment");
  }
}
