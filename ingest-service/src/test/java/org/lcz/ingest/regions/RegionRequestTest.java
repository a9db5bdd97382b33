package org.lcz.ingest.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.lcz.events.RegionDefined;

class RegionRequestTest {
  private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

  @Test
  void onlyNameAndOutlineAreNeededTheRestHasDefaults() throws Exception {
    RegionDefined d =
        new RegionRequest(
                "sydney",
                new ObjectMapper().readTree("[151.0, -34.0, 151.3, -33.7]"),
                null,
                null,
                null,
                null,
                null)
            .toEvent(NOW);
    assertThat(d.epsg()).isEqualTo(32756);
    assertThat(d.cellSize()).isEqualTo(100);
    assertThat(d.models()).isEqualTo(RegionDefined.CURRENT);
    assertThat(d.from()).isNull();
    assertThat(d.to()).isNull();
    assertThat(d.outline().get("type").asText()).isEqualTo("Polygon");
    assertThat(d.inPeriod(null)).isTrue();
  }

  @Test
  void aPeriodOfDatesIncludesItsLastDayAndTimesAreTakenAsGiven() throws Exception {
    var outline = new ObjectMapper().readTree("[151.0, -34.0, 151.3, -33.7]");
    RegionDefined d =
        new RegionRequest("s", outline, "2025-01-01", "2025-12-31", "EPSG:32756", 50.0, "Any")
            .toEvent(NOW);
    assertThat(d.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(d.to()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(d.inPeriod(Instant.parse("2025-12-31T23:59:59Z"))).isTrue();
    assertThat(d.inPeriod(Instant.parse("2026-01-01T00:00:00Z"))).isFalse();
    assertThat(d.inPeriod(null)).as("unknown acquisition, bounded period").isFalse();
    assertThat(d.models()).isEqualTo("any");
    assertThat(d.cellSize()).isEqualTo(50);
    assertThat(
            new RegionRequest("s", outline, null, "2025-06-01T12:00:00Z", "32756", null, null)
                .toEvent(NOW)
                .to())
        .isEqualTo(Instant.parse("2025-06-01T12:00:00Z"));
    assertThatThrownBy(
            () -> new RegionRequest("s", outline, null, null, "UTM56S", null, null).toEvent(NOW))
        .hasMessageContaining("crs is an EPSG code");
    assertThatThrownBy(
            () -> new RegionRequest("s", outline, null, null, null, 5.0, null).toEvent(NOW))
        .hasMessageContaining("cellSize is in metres, 10 to 1000");
  }
}
