package org.lcz.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ObjectRefTest {
  @Test
  void namesTheObjectAsAnS3UriAndByItsFileName() {
    assertThat(ObjectRef.of("lcz-tiles", "scenes/a/tiles/0_0.tif").fileName()).isEqualTo("0_0.tif");
    assertThat(ObjectRef.of("lcz-inbox", "city.tif").fileName()).isEqualTo("city.tif");
    assertThat(ObjectRef.of("lcz-tiles", "scenes/a/tiles/0_0.tif").uri())
        .isEqualTo("s3://lcz-tiles/scenes/a/tiles/0_0.tif");
  }

  @Test
  void refusesBlankBucketOrKeyAndMalformedChecksum() {
    assertThatThrownBy(() -> ObjectRef.of(" ", "k")).hasMessageContaining("'bucket'");
    assertThatThrownBy(() -> ObjectRef.of("b", null)).hasMessageContaining("'key'");
    assertThatThrownBy(() -> new ObjectRef("b", "k", "ABC"))
        .hasMessageContaining("not 64 lower-case hex");
  }

  @Test
  void sameObjectIgnoresTheChecksum() {
    ObjectRef a = ObjectRef.of("b", "k");
    assertThat(a.sameObject(a.withSha256("0".repeat(64)))).isTrue();
    assertThat(a.sameObject(ObjectRef.of("b", "k2"))).isFalse();
  }
}
