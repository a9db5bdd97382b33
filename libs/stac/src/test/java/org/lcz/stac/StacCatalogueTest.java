package org.lcz.stac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Items kept by collection, searched, paged and summarised. */
class StacCatalogueTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode item(String id, double west, String datetime) {
    ObjectNode i = JSON.createObjectNode().put("type", "Feature").put("id", id);
    i.putArray("bbox").add(west).add(0).add(west + 1).add(1);
    i.putNull("geometry");
    i.putObject("properties").put("datetime", datetime);
    return i;
  }

  @Test
  void searchesMatchPlaceTimeIdsAndCollectionsNewestFirstInPages() {
    StacCatalogue c = new StacCatalogue();
    c.put(StacCatalogue.SCENE_MAPS, item("a", 0, "2025-01-01T00:00:00Z"));
    c.put(StacCatalogue.SCENE_MAPS, item("b", 10, "2025-02-01T00:00:00Z"));
    c.put(StacCatalogue.SCENE_MAPS, item("c", 20, "2025-03-01T00:00:00Z"));
    c.put("lcz-region-x", item("x-v1", 0, "2025-04-01T00:00:00Z"));
    StacCatalogue.Page all = c.search(StacQuery.all(2));
    assertThat(all.items()).extracting(i -> i.get("id").asText()).containsExactly("x-v1", "c");
    assertThat(all.matched()).isEqualTo(4);
    assertThat(all.next()).isEqualTo(2);
    StacQuery second =
        new StacQuery(null, null, null, java.util.List.of(), java.util.List.of(), 2, 2, null);
    assertThat(c.search(second).items())
        .extracting(i -> i.get("id").asText())
        .containsExactly("b", "a");
    assertThat(c.search(second).next()).isEqualTo(-1);
    StacQuery box = StacQuery.ofGet("0.5,0.5,10.5,0.6", null, null, null, null, "100", null);
    assertThat(c.search(box).items())
        .extracting(i -> i.get("id").asText())
        .containsExactly("x-v1", "b", "a");
    assertThat(c.search(box.in(StacCatalogue.SCENE_MAPS)).items())
        .extracting(i -> i.get("collection").asText())
        .containsOnly(StacCatalogue.SCENE_MAPS);
    StacQuery feb =
        StacQuery.ofGet(
            null, null, "2025-01-15T00:00:00Z/2025-02-15T00:00:00Z", null, "b,c", null, null);
    assertThat(c.search(feb).items()).extracting(i -> i.get("id").asText()).containsExactly("b");
  }

  @Test
  void aLaterItemOfTheSameIdReplacesTheEarlierAndCollectionsSumUpTheirItems() {
    StacCatalogue c = new StacCatalogue();
    c.put(StacCatalogue.SCENE_MAPS, item("a", 0, "2025-01-01T00:00:00Z"));
    c.put(StacCatalogue.SCENE_MAPS, item("a", 5, "2025-01-02T00:00:00Z"));
    c.put(StacCatalogue.SCENE_MAPS, item("b", -20, "2024-06-01T00:00:00Z"));
    StacCatalogue.Collection maps = c.collection(StacCatalogue.SCENE_MAPS).orElseThrow();
    assertThat(maps.items()).isEqualTo(2);
    assertThat(maps.bbox()).containsExactly(-20, 0, 6, 1);
    assertThat(maps.start()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(maps.end()).isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
    assertThat(c.collection(StacCatalogue.MODELS).orElseThrow().bbox()).as("no Items").isNull();
    assertThat(c.item(StacCatalogue.SCENE_MAPS, "a").orElseThrow().get("bbox").get(0).asDouble())
        .isEqualTo(5);
  }

  @Test
  void regionsComeAfterThePlatformsCollectionsAndGoWhenRemoved() {
    StacCatalogue c = new StacCatalogue();
    c.describe("lcz-region-porto", "Porto", "");
    assertThat(c.collections())
        .extracting(StacCatalogue.Collection::id)
        .containsExactly(StacCatalogue.MODELS, StacCatalogue.SCENE_MAPS, "lcz-region-porto");
    c.remove("lcz-region-porto");
    assertThat(c.collection("lcz-region-porto")).isEmpty();
  }

  @Test
  void whatIsNotAnItemIsRefused() {
    StacCatalogue c = new StacCatalogue();
    assertThatThrownBy(
            () -> c.put(StacCatalogue.SCENE_MAPS, JSON.createObjectNode().put("id", "x")))
        .hasMessageContaining("not a STAC Item");
  }
}
