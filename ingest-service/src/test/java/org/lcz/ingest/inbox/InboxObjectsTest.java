package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxObjectsTest {
  @Test
  void geoTiffsAreScenesOtherObjectsAreNot() {
    assertThat(InboxObjects.isScene("a.tif")).isTrue();
    assertThat(InboxObjects.isScene("city/2026/B.TIFF")).isTrue();
    assertThat(InboxObjects.isScene("notes.txt")).isFalse();
    assertThat(InboxObjects.isScene("a.tif.part")).isFalse();
  }
}
