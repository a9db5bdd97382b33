package org.lcz.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AcquisitionTimeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2025-06-01T10:20:31.024Z      | 2025-06-01T10:20:31.024Z", // STAC, SAFE PRODUCT_START_TIME
        "2025-06-01T12:20:31+02:00     | 2025-06-01T10:20:31Z", // an offset
        "2025-06-01T10:20:31           | 2025-06-01T10:20:31Z", // no zone: UTC
        "2025-06-01                    | 2025-06-01T00:00:00Z", // a date
        "2025:06:01 10:20:30           | 2025-06-01T10:20:30Z", // the TIFF DateTime tag
        "'  2025-06-01 '               | 2025-06-01T00:00:00Z"
      })
  void theWaysSourcesWriteItAreRead(String text, String expected) {
    assertThat(AcquisitionTime.parse(text)).contains(Instant.parse(expected));
  }

  @ParameterizedTest(name = "''{0}''")
  @ValueSource(strings = {"", " ", "yesterday", "2025-13-01", "0001-01-01", "2500-01-01", "2025"})
  void whatNamesNoPlausibleTimeIsNone(String text) {
    assertThat(AcquisitionTime.parse(text)).isEmpty();
    assertThatThrownBy(() -> AcquisitionTime.require(text, "the acquired parameter"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the acquired parameter is '" + text + "', not an acquisition time")
        .hasMessageContaining("2025-06-01T10:20:30Z");
  }

  @Test
  void nullIsNone() {
    assertThat(AcquisitionTime.parse(null)).isEmpty();
  }
}
