package org.lcz.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Item Search parameters read from a query and a body, and refused with a reason. */
class StacQueryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aGetQueryIsReadWithItsDefaults() {
    StacQuery q = StacQuery.ofGet("1,2,3,4", null, null, "a, b", "x", null, null);
    assertThat(q.where().getEnvelopeInternal().getMinX()).isEqualTo(1);
    assertThat(q.where().getEnvelopeInternal().getMaxY()).isEqualTo(4);
    assertThat(q.collections()).containsExactly("a", "b");
    assertThat(q.ids()).containsExactly("x");
    assertThat(q.limit()).isEqualTo(StacQuery.DEFAULT_LIMIT);
    assertThat(q.offset()).isZero();
    assertThat(q.from()).isNull();
    assertThat(q.body().get("bbox")).hasSize(4);
  }

  @Test
  void datetimesAreInstantsOrIntervalsWithOpenEnds() {
    StacQuery one = StacQuery.ofGet(null, null, "2025-06-01T10:00:00Z", null, null, null, null);
    assertThat(one.from()).isEqualTo(one.to()).isEqualTo(Instant.parse("2025-06-01T10:00:00Z"));
    StacQuery open = StacQuery.ofGet(null, null, "../2025-01-01T00:00:00Z", null, null, null, null);
    assertThat(open.from()).isNull();
    assertThat(open.to()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    StacQuery days = StacQuery.ofGet(null, null, "2025-01-01/2025-01-31", null, null, null, null);
    assertThat(days.from()).isEqualTo(Instant.parse("2025-01-01T00:00:00Z"));
    assertThat(days.to())
        .as("a date ends with its day")
        .isEqualTo(Instant.parse("2025-01-31T23:59:59.999999999Z"));
    assertThat(StacQuery.ofGet(null, null, "2025-01-01T00:00:00Z/", null, null, null, null).to())
        .isNull();
  }

  @Test
  void aPostBodyIsReadAndItsTokenIsThePage() throws Exception {
    StacQuery q =
        StacQuery.ofPost(
            JSON.readTree(
                "{\"intersects\": {\"type\": \"Point\", \"coordinates\": [10, 50]},"
                    + " \"collections\": [\"lcz-scene-maps\"], \"limit\": 2, \"token\": \"4\"}"));
    assertThat(q.where().getGeometryType()).isEqualTo("Point");
    assertThat(q.limit()).isEqualTo(2);
    assertThat(q.offset()).isEqualTo(4);
    assertThat(q.body().has("token")).as("the next page sets its own").isFalse();
    assertThat(StacQuery.ofPost(null).limit()).isEqualTo(StacQuery.DEFAULT_LIMIT);
  }

  @Test
  void aBoxAcrossTheAntimeridianIsTwoBoxes() {
    StacQuery q = StacQuery.ofGet("170,-10,-170,10", null, null, null, null, null, null);
    assertThat(q.where().getNumGeometries()).isEqualTo(2);
    assertThat(q.where().intersects(GeoJsonGeometry.bbox(175, 0, 176, 1))).isTrue();
    assertThat(q.where().intersects(GeoJsonGeometry.bbox(0, 0, 1, 1))).isFalse();
  }

  @Test
  void wrongParametersAreRefusedNamingTheProblem() {
    assertThatThrownBy(() -> StacQuery.ofGet("1,2,3", null, null, null, null, null, null))
        .hasMessageContaining("bbox must have 4 or 6 numbers");
    assertThatThrownBy(() -> StacQuery.ofGet("1,x,3,4", null, null, null, null, null, null))
        .hasMessageContaining("bbox must be 4 or 6 comma-separated numbers");
    assertThatThrownBy(() -> StacQuery.ofGet("0,10,1,5", null, null, null, null, null, null))
        .hasMessageContaining("is north of its north");
    assertThatThrownBy(() -> StacQuery.ofGet("0,0,200,1", null, null, null, null, null, null))
        .hasMessageContaining("within ±180");
    assertThatThrownBy(() -> StacQuery.ofGet(null, null, "../..", null, null, null, null))
        .hasMessageContaining("open at both ends");
    assertThatThrownBy(
            () -> StacQuery.ofGet(null, null, "2025-02-01/2025-01-01", null, null, null, null))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(
            () -> StacQuery.ofGet(null, "{\"type\": \"Blob\"}", null, null, null, null, null))
        .hasMessageContaining("GeoJSON geometry type");
    assertThatThrownBy(() -> StacQuery.ofGet(null, null, null, null, null, "10001", null))
        .hasMessageContaining("limit must be within 1..10000");
    assertThatThrownBy(() -> StacQuery.ofGet(null, null, null, null, null, null, "-3"))
        .hasMessageContaining("token -3 is not one this API gave");
  }
}
