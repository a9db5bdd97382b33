package org.lcz.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Every GeoJSON geometry type read; bad coordinates refused with a reason. */
class GeoJsonGeometryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyGeometryTypeIsRead() throws Exception {
    for (String g :
        new String[] {
          "{\"type\": \"Point\", \"coordinates\": [1, 2]}",
          "{\"type\": \"MultiPoint\", \"coordinates\": [[1, 2], [3, 4]]}",
          "{\"type\": \"LineString\", \"coordinates\": [[1, 2], [3, 4]]}",
          "{\"type\": \"MultiLineString\", \"coordinates\": [[[1, 2], [3, 4]]]}",
          "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}",
          "{\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}",
          "{\"type\": \"GeometryCollection\", \"geometries\": [{\"type\": \"Point\", \"coordinates\": [1, 2]}]}"
        }) {
      assertThat(GeoJsonGeometry.parse(JSON.readTree(g)).isEmpty()).as(g).isFalse();
    }
  }

  @Test
  void badGeometriesAreRefusedWithAReason() throws Exception {
    assertThatThrownBy(
            () ->
                GeoJsonGeometry.parse(
                    JSON.readTree("{\"type\": \"Point\", \"coordinates\": [200, 0]}")))
        .hasMessageContaining("within ±180, ±90");
    assertThatThrownBy(
            () ->
                GeoJsonGeometry.parse(
                    JSON.readTree(
                        "{\"type\": \"Polygon\", \"coordinates\": [[[0, 0], [1, 0], [1, 1]]]}")))
        .hasMessageContaining("a Polygon's ring needs at least 4 positions");
    assertThatThrownBy(() -> GeoJsonGeometry.parse(JSON.readTree("[1, 2]")))
        .hasMessageContaining("GeoJSON object");
  }
}
