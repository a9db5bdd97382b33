package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.common.events.EpochCompleted;
import org.lcz.common.events.EventCodec;
import org.lcz.common.events.LczEvent;
import org.lcz.common.events.MapTileWritten;
import org.lcz.common.events.ModelPublished;
import org.lcz.common.events.Promotion;
import org.lcz.common.events.SceneMapCompleted;
import org.lcz.common.events.SceneReceived;
import org.lcz.common.events.SceneTiled;
import org.lcz.common.events.TrainingRequested;
import org.lcz.common.messaging.InboundEvents;
import org.lcz.common.messaging.TopicSnapshot;
import org.lcz.common.messaging.Topics;
import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.ObjectStore;
import org.lcz.common.storage.Sha256;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.stack.StackSettings;

/**
 * The whole demo at small size: the launcher starts the stack and the three services (their Quarkus
 * apps, as processes), the world is written, MSMLA-18 is trained for two epochs by a
 * TrainingRequested event, the scene is dropped into lcz-inbox and its map is scored. Asserts on
 * the events each stage caused and on the outputs, with GDAL as the oracle of the map.
 */
class DemoIT {
  private static final Duration READ = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void theDemoTrainsByEventMapsTheSceneAndScoresTheMapAgainstTheTruth() throws Exception {
    Path home = Path.of(System.getProperty("lcz.home", "..")).toAbsolutePath().normalize();
    int http = freeRun(3);
    DemoOptions options =
        DemoOptions.parse(
            List.of(
                "--seed", "5",
                "--size", "800",
                "--per-class", "60",
                "--epochs", "5",
                "--min-oa", "0",
                "--data", dir.resolve("data").toString(),
                "--worlds", dir.resolve("worlds").toString(),
                "--kafka-port", String.valueOf(StackSettings.freePort()),
                "--controller-port", String.valueOf(StackSettings.freePort()),
                "--s3-port", String.valueOf(StackSettings.freePort()),
                "--http-port", String.valueOf(http)),
            home);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (Demo demo = new Demo(options, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      Demo.Result result = demo.run();
      String out = printed.toString(StandardCharsets.UTF_8);
      System.out.print(out);
      LocalStack stack = demo.stack();
      String bootstrap = stack.kafkaBootstrapServers();

      // every stage reported, in order
      int at = -1;
      for (String stage :
          List.of("platform", "world", "upload", "training", "mapping", "scoring", "outputs")) {
        int next = out.indexOf("] " + stage);
        assertThat(next).as("stage %s in:%n%s", stage, out).isGreaterThan(at);
        at = next;
      }

      // training: one request with the uploaded sets, progress per epoch, a promoted model
      TrainingRequested request = result.request();
      List<LczEvent> requests = events(bootstrap, Topics.TRAINING_REQUESTS);
      assertThat(requests).containsExactly(request);
      assertThat(request.variant()).isEqualTo("msmla-18");
      assertThat(request.epochs()).isEqualTo(5);
      assertThat(request.promote()).isEqualTo(Promotion.ALWAYS);
      try (ObjectStore store = stack.newObjectStore()) {
        assertThat(store.stat(Buckets.DATASETS, request.trainData().key()).ref().sha256())
            .isEqualTo(Sha256.of(result.world().train()));
        assertThat(store.exists(Buckets.DATASETS, request.testData().key())).isTrue();
        assertThat(store.exists(Buckets.INBOX, "synthetic/" + options.world().name() + ".tif"))
            .isTrue();
      }
      assertThat(events(bootstrap, Topics.TRAINING_PROGRESS))
          .filteredOn(e -> e instanceof EpochCompleted c && c.runId().equals(request.runId()))
          .extracting(e -> ((EpochCompleted) e).epoch())
          .containsExactly(1, 2, 3, 4, 5);
      assertThat(out).contains("epoch 1/5").contains("epoch 5/5");
      ModelPublished model = result.model();
      assertThat(events(bootstrap, Topics.MODELS)).containsExactly(model);
      assertThat(model.promoted()).isTrue();
      assertThat(model.version()).endsWith(request.runId());

      // mapping: received, tiled into 4 tiles (800 px, 512 px tiles), each mapped once, completed
      String sceneId = result.sceneId();
      List<LczEvent> scenes = events(bootstrap, Topics.SCENES);
      assertThat(scenes)
          .anySatisfy(
              e -> {
                assertThat(e).isInstanceOf(SceneReceived.class);
                assertThat(((SceneReceived) e).sceneId()).isEqualTo(sceneId);
              });
      SceneTiled tiled =
          scenes.stream()
              .filter(SceneTiled.class::isInstance)
              .map(SceneTiled.class::cast)
              .findFirst()
              .orElseThrow();
      assertThat(tiled.sceneId()).isEqualTo(sceneId);
      assertThat(tiled.tileCount()).isEqualTo(4);
      List<LczEvent> maps = events(bootstrap, Topics.MAPS);
      assertThat(maps)
          .filteredOn(MapTileWritten.class::isInstance)
          .extracting(e -> ((MapTileWritten) e).tileId())
          .hasSize(4)
          .doesNotHaveDuplicates();
      assertThat(maps)
          .filteredOn(SceneMapCompleted.class::isInstance)
          .containsExactly(result.map());
      assertThat(result.map().modelVersion()).isEqualTo(model.version());
      assertThat(result.map().tileCount()).isEqualTo(4);

      // outputs: the COG, the preview and the STAC item, downloaded and as the S3 server keeps them
      Path map = result.results().resolve("map.tif");
      assertThat(
              run(
                  "/usr/bin/python3",
                  "-m",
                  "osgeo_utils.samples.validate_cloud_optimized_geotiff",
                  map.toString()))
          .contains("is a valid cloud optimized GeoTIFF");
      JsonNode info = new ObjectMapper().readTree(run("gdalinfo", "-json", map.toString()));
      assertThat(info.at("/size").toString()).isEqualTo("[80,80]");
      assertThat(info.at("/geoTransform").toString())
          .isEqualTo("[500000.0,100.0,0.0,5000000.0,0.0,-100.0]");
      assertThat(Files.readAllBytes(result.results().resolve("preview.png")))
          .startsWith(new byte[] {(byte) 0x89, 'P', 'N', 'G'});
      JsonNode stac =
          new ObjectMapper().readTree(result.results().resolve("stac-item.json").toFile());
      assertThat(stac.at("/id").asText()).isEqualTo(sceneId + "-lcz");
      assertThat(stac.at("/assets/map/href").asText()).isEqualTo(result.map().map().uri());
      assertThat(stac.at("/properties/proj:code").asText()).isEqualTo("EPSG:32632");
      assertThat(out)
          .contains("s3://" + Buckets.MAPS + "/" + result.map().map().key())
          .contains("s3://" + Buckets.MAPS + "/" + result.map().preview().key())
          .contains("s3://" + Buckets.MAPS + "/" + result.map().stacItem().key());
      assertThat(stack.bucketsDir().resolve(Buckets.MAPS).resolve(result.map().map().key()))
          .hasSameBinaryContentAs(map);

      // the score, against GDAL + numpy reading the same two rasters
      JsonNode oracle =
          new ObjectMapper()
              .readTree(
                  run(
                      "/usr/bin/python3",
                      resource("score_map.py").toString(),
                      map.toString(),
                      result.world().truth().toString()));
      MapScore score = result.score();
      long correct = 0;
      for (int c = 0; c < score.confusion().size(); c++) {
        correct += score.confusion().count(c, c);
      }
      assertThat(score.cells()).isEqualTo(oracle.get("cells").asLong()).isEqualTo(6400);
      assertThat(correct).isEqualTo(oracle.get("correct").asLong());
      assertThat(score.unmapped()).isEqualTo(oracle.get("unmapped").asLong()).isZero();
      assertThat(score.oa()).isCloseTo((double) correct / 6400, within(1e-12));
      assertThat(out).contains(String.format(java.util.Locale.ROOT, "OA %.3f", score.oa()));
      // five epochs on 60 patches per class already map far better than chance (1/17)
      assertThat(score.oa()).isGreaterThan(0.3);
    }
  }

  private static List<LczEvent> events(String bootstrap, String topic) {
    InboundEvents decoder = new InboundEvents(new EventCodec());
    List<LczEvent> events = new ArrayList<>();
    TopicSnapshot.read(bootstrap, topic, READ).forEach(r -> events.add(decoder.decode(r)));
    return events;
  }

  private static Path resource(String name) throws Exception {
    return Path.of(DemoIT.class.getResource(name).toURI());
  }

  /** {@code n} consecutive free ports. */
  private static int freeRun(int n) throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int first = StackSettings.freePort();
      boolean free = true;
      for (int p = first + 1; p < first + n && free; p++) {
        try (ServerSocket s = new ServerSocket(p)) {
          s.setReuseAddress(true);
        } catch (IOException e) {
          free = false;
        }
      }
      if (free && first + n <= 65535) {
        return first;
      }
    }
    throw new IOException("no " + n + " consecutive free ports");
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), output).isZero();
    return output;
  }
}
