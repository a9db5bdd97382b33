package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.StacValidator;
import org.lcz.storage.ObjectRef;

class StacItemTest {
  @Test
  void footprintsAreRingsInWgs84() {
    double[] g = {500000, 100, 0, 5000000, 0, -100};
    Footprint f = Footprint.of(Footprint.crs(32632), g, 70, 46);
    assertThat(f.bbox()[0]).isCloseTo(9.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(f.ring()).hasSize(33);
    assertThat(f.ring().get(0)).containsExactly(f.ring().get(32));
  }

  @Test
  void theItemListsEveryProductStoredBeforeItWithItsRolesAndBands() throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s1", 70, 46);
    List<SceneProduct.Stored> stored = new ArrayList<>();
    List<SceneProduct> products = MapAssembler.standardProducts(16);
    assertThat(products.get(products.size() - 1)).isInstanceOf(StacItem.class);
    for (SceneProduct p : products.subList(0, products.size() - 1)) {
      for (SceneProduct.Asset a : p.make(scene, List.copyOf(stored))) {
        stored.add(
            new SceneProduct.Stored(a, ObjectRef.of("lcz-maps", "scenes/s1/" + a.fileName())));
      }
    }
    List<SceneProduct.Asset> made = new StacItem().make(scene, stored);
    assertThat(made).extracting(SceneProduct.Asset::fileName).containsExactly("item.json");
    JsonNode item = new ObjectMapper().readTree(made.get(0).bytes());

    assertThat(item.at("/properties/lcz:masked_share").asDouble()).isEqualTo(0.125);
    assertThat(item.at("/properties/lcz:ingest_notes/0").asText()).startsWith("masked: 12.5 %");
    assertThat(item.at("/stac_extensions")).hasSize(3);
    assertThat(item.at("/id").asText()).isEqualTo("s1-lcz");
    // STAC's datetime is the time of the data; the processing time is 'created'
    assertThat(item.at("/properties/datetime").asText()).isEqualTo("2025-06-01T10:20:31Z");
    assertThat(item.at("/properties/created").asText()).isEqualTo("2026-11-24T12:00:00Z");
    assertThat(item.at("/properties/start_datetime").isMissingNode()).isTrue();
    assertThat(item.at("/properties/proj:code").asText()).isEqualTo("EPSG:32632");
    assertThat(item.at("/properties/proj:epsg").asInt()).isEqualTo(32632);
    assertThat(item.at("/properties/proj:transform").toString())
        .isEqualTo("[100.0,0.0,500000.0,0.0,-100.0,5000000.0]");
    assertThat(item.at("/properties/proj:bbox").toString())
        .isEqualTo("[500000.0,4995400.0,507000.0,5000000.0]");
    assertThat(item.at("/properties/lcz:model_versions/v1").asInt()).isEqualTo(1);
    assertThat(item.at("/geometry/type").asText()).isEqualTo("Polygon");

    List<String> names = new ArrayList<>();
    item.at("/assets").fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "map",
            "probabilities",
            "map-4326",
            "kmz",
            "areas",
            "areas-csv",
            "preview",
            "web-lcz",
            "web-lczFilter",
            "web-confidence",
            "web-layers");
    assertThat(item.at("/assets/kmz/roles/0").asText()).isEqualTo("visual");
    assertThat(item.at("/assets/map-4326/proj:code").asText()).isEqualTo("EPSG:4326");
    assertThat(item.at("/assets/map/href").asText()).isEqualTo("s3://lcz-maps/scenes/s1/lcz.tif");
    assertThat(item.at("/assets/map/roles/0").asText()).isEqualTo("data");
    assertThat(item.at("/assets/preview/roles/0").asText()).isEqualTo("overview");
    assertThat(item.at("/assets/areas/roles/0").asText()).isEqualTo("metadata");
    assertThat(item.at("/assets/areas-csv/type").asText()).isEqualTo("text/csv");
    assertThat(item.at("/assets/map/raster:bands"))
        .extracting(b -> b.at("/name").asText())
        .containsExactly("lcz", "lczFilter", "classProbability");
    JsonNode classes = item.at("/assets/map/raster:bands/1/classification:classes");
    assertThat(classes.get(16).at("/name").asText()).isEqualTo("lcz_g");
    assertThat(classes.get(16).at("/description").asText()).isEqualTo("LCZ G: Water");
    assertThat(classes.get(16).at("/color_hint").asText()).isEqualTo("6A6AFF");
    assertThat(classes.get(17).at("/nodata").asBoolean()).isTrue();
    assertThat(item.at("/assets/probabilities/raster:bands")).hasSize(17);
    assertThat(item.at("/assets/probabilities/raster:bands/0/nodata").asInt()).isEqualTo(255);
    assertThat(item.at("/links/0/rel").asText()).isEqualTo("self");
    assertThat(item.at("/links/0/href").asText()).isEqualTo("s3://lcz-maps/scenes/s1/item.json");
    Path folder = Files.createTempDirectory("stac-item");
    Files.write(folder.resolve("item.json"), made.get(0).bytes());
    StacValidator.assertValid(folder, 1);
  }

  @Test
  void anUnknownAcquisitionIsANullDatetimeWithTheHonestRangeNotTheProcessingTime()
      throws Exception {
    AssembledScene scene = AssembledScenes.stripes("s2", 20, 10, null);
    JsonNode item = new ObjectMapper().readTree(StacItem.json(scene, List.of()));
    assertThat(item.at("/properties/datetime").isNull()).isTrue();
    assertThat(item.at("/properties/start_datetime").asText()).isEqualTo("1970-01-01T00:00:00Z");
    assertThat(item.at("/properties/end_datetime").asText()).isEqualTo("2026-11-24T12:00:00Z");
    assertThat(item.at("/properties/lcz:acquired_unknown").asBoolean()).isTrue();
    Path folder = Files.createTempDirectory("stac-item");
    Files.write(folder.resolve("item.json"), StacItem.json(scene, List.of()));
    StacValidator.assertValid(folder, 1);
  }
}
