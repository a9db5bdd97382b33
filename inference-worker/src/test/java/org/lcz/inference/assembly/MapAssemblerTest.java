package org.lcz.inference.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lcz.contract.Radiometry;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.SceneMapCompleted;
import org.lcz.inference.map.MapKeys;
import org.lcz.inference.map.MapTile;
import org.lcz.inference.map.MapTileFile;
import org.lcz.raster.SceneManifest;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/** Assembly through the real S3 server: tiles of two model versions, every product once. */
@ExtendWith(LocalStackExtension.class)
class MapAssemblerTest {
  private static final Instant T = Instant.parse("2026-11-27T12:00:00Z");

  @Test
  void aSceneMappedByTwoModelVersionsGetsEveryProductOnceNamingBothVersions(LocalStack stack)
      throws Exception {
    String sceneId = "two-models-" + UUID.randomUUID();
    try (ObjectStore store = stack.newObjectStore()) {
      // a 600 × 300 px scene at 10 m in two tiles of 300 px: 60 × 30 cells, the left half mapped
      // by v1 (class 2), the right half by v2 (class 11)
      List<SceneManifest.TileEntry> tiles = new ArrayList<>();
      for (int col = 0; col < 2; col++) {
        String id = "0_" + col;
        tiles.add(
            new SceneManifest.TileEntry(
                id,
                0,
                col,
                col * 300,
                0,
                300,
                300,
                "scenes/" + sceneId + "/tiles/" + id + ".tif",
                null));
        byte[] classes = new byte[30 * 30];
        byte[] confidence = new byte[30 * 30];
        byte[] p = new byte[17 * 30 * 30];
        int value = col == 0 ? 2 : 11;
        java.util.Arrays.fill(classes, (byte) value);
        java.util.Arrays.fill(confidence, (byte) 80);
        java.util.Arrays.fill(p, (value - 1) * 900, value * 900, (byte) 80);
        MapTile tile =
            new MapTile(
                30,
                30,
                classes,
                confidence,
                p,
                new double[] {500000 + col * 3000, 100, 0, 5000000, 0, -100},
                col == 0 ? "v1" : "v2");
        ObjectRef where = MapKeys.tile(sceneId, id);
        store.put(where.bucket(), where.key(), MapTileFile.write(tile, 32632, true), "image/tiff");
      }
      SceneManifest manifest =
          new SceneManifest(
              sceneId,
              600,
              300,
              "PROJCRS[\"WGS 84 / UTM zone 32N\"]",
              32632,
              new double[] {500000, 10, 0, 5000000, 0, -10},
              10,
              List.of("B2"),
              "UInt16",
              Radiometry.CANONICAL,
              null,
              300,
              24,
              tiles,
              null,
              List.of(),
              Instant.parse("2025-06-01T10:20:31Z"));
      ObjectRef m = MapKeys.manifest(sceneId);
      store.put(m.bucket(), m.key(), manifest.toJson(), "application/json");

      SceneMapCompleted done = new MapAssembler(store, 100, 16).assemble(sceneId, T);
      assertThat(done.modelVersion()).isEqualTo("v1,v2");
      assertThat(done.acquiredAt()).isEqualTo(Instant.parse("2025-06-01T10:20:31Z"));
      assertThat(done.tileCount()).isEqualTo(2);
      assertThat(done.products().keySet())
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
              "web-layers",
              "stac-item");
      List<String> keys = new ArrayList<>();
      for (ObjectRef ref : done.products().values()) {
        assertThat(ref.bucket()).isEqualTo(Buckets.MAPS);
        assertThat(store.exists(ref.bucket(), ref.key())).as(ref.uri()).isTrue();
        keys.add(ref.key());
      }
      assertThat(keys).doesNotHaveDuplicates();
      assertThat(store.list(Buckets.MAPS, "scenes/" + sceneId + "/"))
          .as("the two map tiles and one object per product")
          .hasSize(2 + done.products().size());
      assertThat(done.map()).isEqualTo(done.products().get("map"));
      assertThat(done.stacItem()).isEqualTo(done.products().get("stac-item"));

      JsonNode item = new ObjectMapper().readTree(store.read(done.stacItem()));
      assertThat(item.at("/properties/lcz:model_versions/v1").asInt()).isEqualTo(1);
      assertThat(item.at("/properties/lcz:model_versions/v2").asInt()).isEqualTo(1);
      JsonNode areas = new ObjectMapper().readTree(store.read(done.products().get("areas")));
      assertThat(areas.at("/modelVersion").asText()).isEqualTo("v1,v2");
      assertThat(areas.at("/classes/1/lcz/cells").asLong()).isEqualTo(900);
      assertThat(areas.at("/classes/10/lcz/cells").asLong()).isEqualTo(900);

      // assembling again writes the same objects
      SceneMapCompleted again = new MapAssembler(store, 100, 16).assemble(sceneId, T);
      assertThat(again).isEqualTo(done);
      assertThat(store.list(Buckets.MAPS, "scenes/" + sceneId + "/"))
          .hasSize(2 + done.products().size());

      // a missing tile is an error, not a map
      store.delete(Buckets.MAPS, MapKeys.tile(sceneId, "0_1").key());
      assertThatThrownBy(() -> new MapAssembler(store, 100, 16).assemble(sceneId, T))
          .isInstanceOf(RuntimeException.class);
    }
  }
}
