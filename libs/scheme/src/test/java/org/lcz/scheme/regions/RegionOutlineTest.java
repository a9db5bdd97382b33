package org.lcz.scheme.regions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegionOutlineTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode json(String s) throws Exception {
    return JSON.readTree(s.replace('\'', '"'));
  }

  @Test
  void aPolygonAMultiPolygonAFeatureAndABboxAreOutlines() throws Exception {
    RegionOutline porto =
        RegionOutline.parse(
            json(
                "{'type': 'Polygon', 'coordinates': [[[-8.70, 41.10], [-8.50, 41.10], [-8.50,"
                    + " 41.20], [-8.70, 41.20], [-8.70, 41.10]]]}"));
    assertThat(porto.bbox()).containsExactly(-8.70, 41.10, -8.50, 41.20);
    assertThat(porto.utmEpsg()).isEqualTo(32629);
    assertThat(porto.contains(-8.6, 41.15)).isTrue();
    assertThat(porto.contains(-8.4, 41.15)).isFalse();
    assertThat(RegionOutline.parse(porto.toGeoJson()).lonLat().equalsExact(porto.lonLat()))
        .isTrue();
    RegionOutline two =
        RegionOutline.parse(
            json(
                "{'type': 'Feature', 'geometry': {'type': 'MultiPolygon', 'coordinates': [[[[0, 0],"
                    + " [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]]}}"));
    assertThat(two.toGeoJson().get("type").asText()).isEqualTo("MultiPolygon");
    assertThat(RegionOutline.parse(json("[151.0, -34.0, 151.3, -33.7]")).utmEpsg())
        .isEqualTo(32756);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{'type': 'Point', 'coordinates': [0, 0]}| give a Polygon or MultiPolygon",
        "{'coordinates': []}| object without a type",
        "{'type': 'Polygon', 'coordinates': [[[0, 0], [1, 0], [1, 1], [0, 1]]]}| not closed",
        "{'type': 'Polygon', 'coordinates': [[[0, 0], [1, 0], [0, 0]]]}| at least 4 positions",
        "{'type': 'Polygon', 'coordinates': [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}| not a"
            + " valid polygon",
        "{'type': 'Polygon', 'coordinates': [[[41, -8], [41, 95], [42, 95], [41, -8]]]}| did"
            + " you give [latitude, longitude]",
        "{'type': 'Polygon', 'coordinates': [[[0, 0], ['a', 0], [1, 1], [0, 0]]]}| not a"
            + " number",
        "[1, 2, 3]| four numbers",
        "[2, 0, 1, 1]| is empty",
        "null| give the region's outline"
      })
  void whatIsNoOutlineIsRefusedSayingWhy(String outline, String message) throws Exception {
    assertThatThrownBy(() -> RegionOutline.parse(json(outline)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }
}
