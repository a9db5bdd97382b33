package org.lcz.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lcz.contract.Radiometry;
import org.lcz.storage.ObjectRef;

/** One filled-in instance of every event, for tests. */
public final class SampleEvents {
  private static final Instant T = Instant.parse("2026-11-24T10:15:30.123Z");
  private static final String SHA = "a".repeat(64);

  private SampleEvents() {}

  public static List<LczEvent> all() {
    ObjectRef tile = new ObjectRef("lcz-tiles", "scenes/s1/tiles/0_1.tif", SHA);
    ObjectRef manifest = new ObjectRef("lcz-tiles", "scenes/s1/manifest.json", SHA);
    ModelContract contract =
        new ModelContract(
            "MSMLA-18",
            List.of("B2", "B3", "B4"),
            48,
            10.0,
            Radiometry.FRACTION,
            List.of(0.1, 0.2, 0.3),
            List.of(1.0, 1.5, 2.0),
            List.of(1, 2, 17),
            List.of("1", "2", "G"),
            ObjectRef.of("lcz-datasets", "train.h5"),
            Map.of("oa", 0.9, "oaW", 0.95),
            "3",
            T);
    return List.of(
        new SceneReceived("s1", ObjectRef.of("lcz-inbox", "city.tif"), T),
        new SceneTiled("s1", 4, manifest, T, Instant.parse("2025-06-01T10:20:31Z")),
        new SceneRejected("s1", ObjectRef.of("lcz-inbox", "bad.tif"), "no georeferencing", T),
        new TileReady("s1", "s1-0_1", 0, 1, 4, tile, manifest),
        new TrainingRequested(
            2,
            "run-7",
            "msmla-18",
            ObjectRef.of("lcz-datasets", "train.h5"),
            ObjectRef.of("lcz-datasets", "val.h5"),
            null,
            List.of("B2", "B3"),
            "x10000",
            30,
            32,
            0.002,
            15,
            7L,
            Promotion.ALWAYS,
            T,
            new TrainingAreas(
                ObjectRef.of("lcz-datasets", "areas/porto.kml"),
                List.of(ObjectRef.of("lcz-inbox", "porto/sen2.tif")),
                null,
                150)),
        new EpochCompleted("run-7", 3, 30, 0.71, 0.8, 0.78, 0.002, 240.5, 312.0, 32),
        new TrainingFailed("run-7", "dataset has no 'label' key", T),
        new ModelPublished(
            1,
            "msmla",
            "3",
            new ObjectRef("lcz-models", "msmla/3/model.onnx", SHA),
            ObjectRef.of("lcz-models", "msmla/3/model.json"),
            contract,
            true,
            "first model",
            0.95,
            null,
            T),
        new MapTileWritten(
            "s1", "s1-0_1", 0, 1, 4, ObjectRef.of("lcz-maps", "scenes/s1/tiles/0_1.tif"), "3"),
        new SceneMapCompleted(
            "s1",
            ObjectRef.of("lcz-maps", "scenes/s1/lcz.tif"),
            ObjectRef.of("lcz-maps", "scenes/s1/preview.png"),
            ObjectRef.of("lcz-maps", "scenes/s1/item.json"),
            "3",
            4,
            T,
            new java.util.LinkedHashMap<>(
                java.util.Map.of(
                    "map", ObjectRef.of("lcz-maps", "scenes/s1/lcz.tif"),
                    "areas", ObjectRef.of("lcz-maps", "scenes/s1/areas.json")))),
        new RegionDefined(
            "porto",
            outline(),
            Instant.parse("2025-01-01T00:00:00Z"),
            Instant.parse("2026-01-01T00:00:00Z"),
            32629,
            100,
            RegionDefined.CURRENT,
            T),
        new RegionDeleted("porto", T),
        new RegionMemberMapped(
            "porto",
            "s1",
            "3",
            Instant.parse("2025-06-01T10:20:31Z"),
            ObjectRef.of("lcz-maps", "scenes/s1/lcz.tif"),
            new ObjectRef("lcz-maps", "scenes/s1/probabilities.tif", SHA),
            ObjectRef.of("lcz-maps", "scenes/s1/item.json"),
            T,
            T),
        new RegionMapUpdated(
            "porto",
            2,
            List.of(
                new RegionMapUpdated.Member(
                    "s1",
                    "3",
                    null,
                    ObjectRef.of("lcz-maps", "scenes/s1/lcz.tif"),
                    new ObjectRef("lcz-maps", "scenes/s1/probabilities.tif", SHA),
                    ObjectRef.of("lcz-maps", "scenes/s1/item.json"))),
            Map.of("map", ObjectRef.of("lcz-maps", "regions/porto/v2/lcz.tif")),
            0.75,
            300,
            400,
            T));
  }

  private static com.fasterxml.jackson.databind.JsonNode outline() {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .readTree(
              "{\"type\": \"Polygon\", \"coordinates\": [[[-8.7, 41.1], [-8.5, 41.1], [-8.5,"
                  + " 41.2], [-8.7, 41.1]]]}");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
