package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcz.common.storage.ObjectRef;

class StacItemTest {
  @Test
  void theItemCarriesFootprintProjectionAndTheLczClasses() throws Exception {
    double[] g = {500000, 100, 0, 5000000, 0, -100};
    Footprint f = Footprint.of(Footprint.crs(32632), g, 70, 46);
    assertThat(f.bbox()[0]).isCloseTo(9.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f.ring()).hasSize(33);
    assertThat(f.ring().get(0)).containsExactly(f.ring().get(32));
    JsonNode item =
        new ObjectMapper()
            .readTree(
                StacItem.json(
                    new StacItem.Description(
                        "s1",
                        32632,
                        g,
                        70,
                        46,
                        f,
                        ObjectRef.of("lcz-maps", "scenes/s1/lcz.tif"),
                        ObjectRef.of("lcz-maps", "scenes/s1/preview.png"),
                        Map.of("v1", 3, "v2", 1),
                        Instant.parse("2026-11-24T12:00:00Z"),
                        0.125,
                        List.of("masked: 12.5 % of the scene"))));
    assertThat(item.at("/properties/lcz:masked_share").asDouble()).isEqualTo(0.125);
    assertThat(item.at("/properties/lcz:ingest_notes/0").asText()).startsWith("masked: 12.5 %");
    assertThat(item.at("/stac_extensions")).hasSize(3);
    assertThat(item.at("/id").asText()).isEqualTo("s1-lcz");
    assertThat(item.at("/properties/datetime").asText()).isEqualTo("2026-11-24T12:00:00Z");
    assertThat(item.at("/properties/proj:transform").toString())
        .isEqualTo("[100.0,0.0,500000.0,0.0,-100.0,5000000.0]");
    assertThat(item.at("/properties/proj:bbox").toString())
        .isEqualTo("[500000.0,4995400.0,507000.0,5000000.0]");
    assertThat(item.at("/properties/lcz:model_versions/v1").asInt()).isEqualTo(3);
    assertThat(item.at("/geometry/type").asText()).isEqualTo("Polygon");
    JsonNode classes = item.at("/assets/map/raster:bands/0/classification:classes");
    assertThat(classes.get(16).at("/name").asText()).isEqualTo("lcz_g");
    assertThat(classes.get(16).at("/description").asText()).isEqualTo("LCZ G: Water");
    assertThat(classes.get(16).at("/color_hint").asText()).isEqualTo("6A6AFF");
    assertThat(classes.get(17).at("/nodata").asBoolean()).isTrue();
    assertThat(item.at("/assets/map/href").asText()).isEqualTo("s3://lcz-maps/scenes/s1/lcz.tif");
    assertThat(item.at("/assets/preview/roles/0").asText()).isEqualTo("overview");
  }
}
