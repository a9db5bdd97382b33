package org.lcz.ingest.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InboxObjectsTest {
  @Test
  void geoTiffsAndManifestsMayBeScenesOtherObjectsAreNot() {
    assertThat(InboxObjects.isScene("a.tif")).isTrue();
    assertThat(InboxObjects.isScene("city/2026/B.TIFF")).isTrue();
    assertThat(InboxObjects.isScene("city/2026/scene.json")).isTrue();
    assertThat(InboxObjects.isManifest("city/2026/scene.json")).isTrue();
    assertThat(InboxObjects.isManifest("city/2026/myscene.json")).isFalse();
    assertThat(InboxObjects.isDocument("city/2026/myscene.json")).as("a STAC Item").isTrue();
    assertThat(InboxObjects.isDocument("city/2026/scene.json")).isTrue();
    assertThat(InboxObjects.isDocument("city/2026/B02.tif")).isFalse();
    assertThat(InboxObjects.isScene("S2B_MSIL2A_20240101.SAFE.zip")).isTrue();
    assertThat(InboxObjects.isScene("notes.txt")).isFalse();
    assertThat(InboxObjects.isScene("a.tif.part")).isFalse();
  }

  @Test
  void aGeoTiffsManifestWouldSitInItsFolder() {
    assertThat(InboxObjects.folder("city/2026/B02.tif")).isEqualTo("city/2026/");
    assertThat(InboxObjects.folder("B02.tif")).isEmpty();
  }
}
