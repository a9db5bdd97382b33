package org.lcz.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MediaTypesTest {
  @Test
  void filesHaveTheTypeOfTheirExtension() {
    assertThat(MediaTypes.of("quicklook.png")).isEqualTo("image/png");
    assertThat(MediaTypes.of("lcz.tif")).isEqualTo("image/tiff");
    assertThat(MediaTypes.of("B04.TIFF")).isEqualTo("image/tiff");
    assertThat(MediaTypes.of("item.json")).isEqualTo("application/json");
    assertThat(MediaTypes.of("lcz.kmz")).isEqualTo("application/vnd.google-earth.kmz");
    assertThat(MediaTypes.of("areas.kml")).isEqualTo("application/vnd.google-earth.kml+xml");
    assertThat(MediaTypes.of("areas.csv")).isEqualTo("text/csv");
    assertThat(MediaTypes.of("train.h5")).isEqualTo("application/x-hdf5");
    assertThat(MediaTypes.of("model.onnx")).isEqualTo("application/octet-stream");
    assertThat(MediaTypes.of("no-extension")).isEqualTo("application/octet-stream");
  }
}
