package org.lcz.inference;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.events.ModelPublished;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.Topics;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.messaging.EventPublisher;
import org.lcz.storage.ObjectStore;

/**
 * The application as deployed (Quarkus, its class loader, its configuration): it reports its device
 * choice, waits for a model, and once a model is published maps a scene to a SceneMapCompleted,
 * with ONNX Runtime started inside Quarkus from the natives unpacked at build time.
 */
@QuarkusTest
@Tag("quarkus")
@WithTestResource(LocalStackTestResource.class)
class InferenceWorkerTest {
  @Inject ObjectStore store;

  @ConfigProperty(name = "kafka.bootstrap.servers")
  String bootstrap;

  @Test
  void theWorkerMapsASceneOnceAModelIsPublishedAndSaysSoOnItsStatus() throws Exception {
    // what the worker reports follows what the machine has (GPU machines pass too)
    given()
        .get("/status")
        .then()
        .statusCode(200)
        .body(
            "device",
            org.lcz.inference.model.OrtClassifier.visibleGpus() == 0
                ? containsString("CPU provider (no GPU visible)")
                : org.hamcrest.Matchers.not(containsString("no GPU visible")));

    Path work = Files.createTempDirectory("inference-app");
    ModelPublished model = Fixtures.trainAndPublish(bootstrap, store, work, 21);
    String sceneId = "app-" + UUID.randomUUID();
    SceneTiler.Result tiled =
        Fixtures.tile(store, sceneId, Fixtures.scene(work, 400, 300, 3), 256, 8);
    try (EventPublisher p = new EventPublisher(bootstrap, URI.create("/lcz/it/ingest"))) {
      tiled.tiles().forEach(t -> p.publishAndWait(t, Duration.ofSeconds(30)));
    }

    Instant end = Instant.now().plusSeconds(180);
    List<SceneMapCompleted> done = List.of();
    while (done.isEmpty() && Instant.now().isBefore(end)) {
      Thread.sleep(1000);
      done = Fixtures.events(bootstrap, Topics.MAPS, sceneId, SceneMapCompleted.class);
    }
    assertThat(done).isNotEmpty();
    Instant firstSeen = Instant.now();
    assertThat(done.get(0).modelVersion()).isEqualTo(model.version());
    // the scene's 40 × 30 cells, each of an LCZ class (the stripes have no nodata)
    List<byte[]> bands = org.lcz.inference.map.MapTileFile.bands(store.read(done.get(0).map()));
    assertThat(bands).hasSize(3);
    assertThat(bands.get(0)).hasSize(40 * 30);
    for (byte v : bands.get(0)) {
      assertThat(v & 0xFF).isBetween(1, 17);
    }
    given()
        .get("/status")
        .then()
        .statusCode(200)
        .body("modelVersion", equalTo(model.version()))
        .body("consuming", equalTo(true))
        .body("scenesAssembled", equalTo(1));
    // each tile's times on /q/metrics: one map-phase timing per tile, every cell one patch
    String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
    assertThat(metric(metrics, "lcz_tile_seconds_count{phase=\"map\""))
        .isEqualTo(tiled.tiles().size());
    assertThat(metric(metrics, "lcz_tile_seconds_count{phase=\"read\""))
        .isEqualTo(tiled.tiles().size());
    assertThat(metric(metrics, "lcz_tile_seconds_count{phase=\"classify\""))
        .isEqualTo(tiled.tiles().size());
    // the classifier's share is part of the mapping, never more than it
    assertThat(metric(metrics, "lcz_tile_seconds_sum{phase=\"classify\""))
        .isPositive()
        .isLessThanOrEqualTo(metric(metrics, "lcz_tile_seconds_sum{phase=\"map\""));
    assertThat(metric(metrics, "lcz_tile_patches_total")).isEqualTo(40 * 30);

    // exactly once, counted late: past two of the assembly's rechecks (5 s each) after the first
    // completion was seen, the whole maps topic read to its end offsets
    Duration settle = Duration.ofSeconds(12).minus(Duration.between(firstSeen, Instant.now()));
    if (!settle.isNegative()) {
      Thread.sleep(settle.toMillis());
    }
    assertThat(Fixtures.events(bootstrap, Topics.MAPS, sceneId, SceneMapCompleted.class))
        .hasSize(1);
  }

  /** The value of the first sample on {@code metrics} whose line starts with {@code prefix}. */
  private static double metric(String metrics, String prefix) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(prefix))
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + prefix + " on /q/metrics:\n" + metrics));
  }
}
