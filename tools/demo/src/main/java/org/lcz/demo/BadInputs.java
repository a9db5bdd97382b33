package org.lcz.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BandedSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.lcz.deploy.launcher.LczLauncher;
import org.lcz.events.LczEvent;
import org.lcz.events.SceneRejected;
import org.lcz.events.Topics;
import org.lcz.events.TrainingFailed;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.raster.GeoTiffWriter;
import org.lcz.raster.SceneRaster;
import org.lcz.scheme.areas.CellSample;
import org.lcz.scheme.areas.PatchSet;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;
import org.lcz.synth.WorldFiles;

/**
 * A corpus of bad inputs through every door of the running platform — the REST API, the S3 inbox
 * (files and {@code scene.json} folders), raw Kafka records on the topics the workers consume, and
 * training sets — each with the outcome a person can act on: a 4xx problem with a reason, a {@code
 * SceneRejected} with a reason and no tiles or maps left, a dead letter with the error, a {@code
 * TrainingFailed} with the reason. An input without such an outcome, or whose scene left something
 * behind, is not clear.
 */
final class BadInputs {
  /** How long the corpus waits for the outcomes that come by event. */
  static final Duration EVENT_TIMEOUT = Duration.ofMinutes(4);

  private static final Duration POLL = Duration.ofMillis(500);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One bad input.
   *
   * @param door REST, inbox, Kafka or training
   * @param input what was sent
   * @param clear whether it got a clear outcome and left nothing partial
   * @param outcome what happened (the status and reason, or what was missing)
   */
  record Outcome(String door, String input, boolean clear, String outcome) {}

  /**
   * An input whose outcome comes by event, and what its reason (or dead letter's error) must say.
   */
  private record Expected(String input, String says) {}

  private final LczLauncher launcher;
  private final ObjectStore store;
  private final Path scene;
  private final Path work;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<Outcome> outcomes = new ArrayList<>();
  private final Map<String, Expected> inboxKeys = new LinkedHashMap<>(); // by key
  private final Map<String, Expected> deadLetters = new LinkedHashMap<>(); // by topic-p@o
  private final Map<String, Expected> runs = new LinkedHashMap<>(); // by run id
  private final String base;

  /**
   * @param scene a good scene (its bytes are cut and bent into bad ones)
   * @param work a folder for the files it makes
   */
  BadInputs(
      LczLauncher launcher,
      int httpPort,
      ObjectStore store,
      Path scene,
      Path work,
      PrintStream out) {
    this.launcher = launcher;
    this.store = store;
    this.scene = scene;
    this.work = work;
    this.out = out;
    this.base = "http://127.0.0.1:" + httpPort;
  }

  /** Sends every input and returns each one's outcome. */
  List<Outcome> run() {
    try {
      Files.createDirectories(work);
      try (EventFeed feed =
          EventFeed.open(
              launcher.stack().kafkaBootstrapServers(),
              List.of(Topics.SCENES, Topics.TRAINING_PROGRESS, Topics.DEAD_LETTER),
              Duration.ofSeconds(30))) {
        rest();
        files();
        folders();
        kafka();
        training();
        awaitEvents(feed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long clear = outcomes.stream().filter(Outcome::clear).count();
    out.printf("bad inputs: %d/%d clear%n", clear, outcomes.size());
    for (Outcome o : outcomes) {
      out.printf(
          "  %-9s  %-8s %s: %s%n",
          o.clear() ? "clear" : "NOT CLEAR", o.door(), o.input(), o.outcome());
    }
    return List.copyOf(outcomes);
  }

  // ---- REST: 4xx with a problem body that says why

  private void rest() {
    String key = launcher.apiKey();
    expect4xx(
        "POST /scenes without credentials",
        post("/scenes?name=a.tif", "image/tiff", new byte[16], null),
        401,
        "needs the API key");
    expect4xx(
        "POST /scenes with a wrong key",
        post("/scenes?name=a.tif", "image/tiff", new byte[16], "wrong"),
        401,
        "the API key is not valid");
    expect4xx(
        "POST /training-runs without credentials",
        post("/training-runs", "application/json", "{}".getBytes(), null),
        401,
        "needs the API key");
    expect4xx(
        "POST /training-runs malformed JSON",
        postJson("/training-runs", "{", key),
        400,
        "the body is not valid JSON for this request");
    expect4xx(
        "POST /training-runs empty body",
        postJson("/training-runs", "", key),
        400,
        "give the run as JSON, at least trainData or trainingAreas");
    expect4xx(
        "POST /training-runs unknown field",
        postJson("/training-runs", "{\"trainDta\":\"x.h5\"}", key),
        400,
        "unknown field 'trainDta'");
    expect4xx(
        "POST /training-runs malformed variant",
        postJson(
            "/training-runs",
            "{\"variant\":\"msmla 99!\",\"trainData\":\"s3://lcz-datasets/x.h5\"}",
            key),
        400,
        "variant must be an architecture's name");
    expect4xx(
        "POST /training-runs negative epochs",
        postJson("/training-runs", "{\"epochs\":-3,\"trainData\":\"s3://lcz-datasets/x.h5\"}", key),
        400,
        "epochs must be at least 1, not -3");
    expect4xx(
        "POST /training-runs no data",
        postJson("/training-runs", "{\"epochs\":1}", key),
        400,
        "trainData (s3://bucket/key or a key in lcz-datasets) or trainingAreas");
    expect4xx(
        "POST /training-runs 300 KiB body",
        postJson("/training-runs", "{\"runId\":\"" + "x".repeat(300 * 1024) + "\"}", key),
        413,
        "a training request is at most 262144 bytes of JSON");
    expect4xx(
        "POST /training-runs 3,000-character run id",
        postJson(
            "/training-runs",
            "{\"runId\":\"" + "r".repeat(3000) + "\",\"trainData\":\"s3://lcz-datasets/x.h5\"}",
            key),
        400,
        "runId may hold letters, digits");
    expect4xx(
        "POST /scenes/register ../ key",
        postJson("/scenes/register", "{\"key\":\"../lcz-models/x.onnx\"}", key),
        400,
        "object key '../lcz-models/x.onnx' holds a '..' segment");
    expect4xx(
        "POST /scenes/register absolute key",
        postJson("/scenes/register", "{\"key\":\"/etc/passwd.tif\"}", key),
        400,
        "object key '/etc/passwd.tif' starts with '/'");
    expect4xx(
        "POST /scenes/register missing object",
        postJson("/scenes/register", "{\"key\":\"no-such-scene.tif\"}", key),
        404,
        "no object s3://lcz-inbox/no-such-scene.tif");
    expect4xx(
        "POST /scenes/register not a scene",
        postJson("/scenes/register", "{\"key\":\"notes.txt\"}", key),
        400,
        "notes.txt is not a scene");
    expect4xx(
        "POST /scenes without a name",
        post("/scenes", "image/tiff", new byte[16], key),
        400,
        "give the scene's file name");
    expect4xx(
        "POST /scenes 304-character name",
        post("/scenes?name=" + "n".repeat(300) + ".tif", "image/tiff", new byte[16], key),
        400,
        "name must be a scene's file name");
    expect4xx(
        "GET /scenes?limit=abc",
        get("/scenes?limit=abc"),
        400,
        "limit must be within 1..1000, not abc");
    expect4xx(
        "GET /scenes/{3,000-character id}",
        get("/scenes/" + "s".repeat(3000)),
        400,
        "not a scene id (3000 characters)");
    expect4xx(
        "GET /scenes/{unknown id}", get("/scenes/no-such-scene"), 404, "no scene no-such-scene");
    expect4xx(
        "GET /models/{unknown version}/files/card.json",
        get("/models/999999/files/card.json"),
        404,
        "no model version 999999");
  }

  /** The answer must be {@code status} with a problem whose detail says {@code says}. */
  private void expect4xx(String input, HttpResponse<String> r, int status, String says) {
    expect4xx(input, r, status, says, () -> true);
  }

  /**
   * The answer must be {@code status} with a problem whose detail says {@code says}, and then
   * {@code nothingLeft} must hold (asked only when the answer was right).
   */
  private void expect4xx(
      String input, HttpResponse<String> r, int status, String says, BooleanSupplier nothingLeft) {
    String detail = detail(r.body());
    boolean answered = r.statusCode() == status && detail.contains(says);
    boolean clear = answered && nothingLeft.getAsBoolean();
    outcomes.add(
        new Outcome(
            "REST",
            input,
            clear,
            "HTTP "
                + r.statusCode()
                + " "
                + abbreviate(detail)
                + (clear
                    ? ""
                    : answered
                        ? " (tiles or maps were left)"
                        : " (expected HTTP " + status + " saying \"" + says + "\")")));
  }

  // ---- scene files: through REST (422) and through the inbox (SceneRejected)

  /**
   * A bad scene file and what each door must say of it.
   *
   * @param file the file
   * @param status the REST answer: 422 for a file that was read and refused (recorded as a rejected
   *     scene), 400 for a body that is no file at all
   * @param restSays what the problem's detail must say
   * @param inboxSays what the SceneRejected's reason must say when it is dropped into the inbox
   */
  private record BadFile(Path file, int status, String restSays, String inboxSays) {
    BadFile(Path file, String says) {
      this(file, 422, says, says);
    }
  }

  private void files() throws IOException {
    Map<String, BadFile> bad = new LinkedHashMap<>();
    bad.put(
        "empty file",
        new BadFile(
            write("empty.tif", new byte[0]),
            400,
            "the body is empty",
            "the file is empty (0 bytes); upload it again"));
    bad.put(
        "text named .tif",
        new BadFile(
            write("text.tif", "this is not a GeoTIFF\n".getBytes()), "not a readable GeoTIFF"));
    bad.put(
        "truncated GeoTIFF",
        new BadFile(
            write("truncated.tif", Arrays.copyOf(Files.readAllBytes(scene), 4096)),
            "cannot be read"));
    bad.put(
        "1 × 1 px scene",
        new BadFile(
            write("one-pixel.tif", geoTiff(1, 1, WorldFiles.bands(false), null, 0.1f)),
            "1 × 1 px at 10.0 m is smaller than one 100.0 m LCZ cell"));
    bad.put(
        "all-NaN Float32 scene, no nodata",
        new BadFile(
            write("all-nan.tif", geoTiff(200, 200, WorldFiles.bands(false), null, Float.NaN)),
            "holds no data to map: 0.00 % of the sampled pixels of its emptiest band have a value"
                + " (the rest are nodata or NaN)"));
    bad.put(
        "all-nodata scene",
        new BadFile(
            write("all-nodata.tif", geoTiff(200, 200, WorldFiles.bands(false), 0.0, 0f)),
            "holds no data to map: 0.00 % of the sampled pixels of its emptiest band have a value"
                + " (the rest are nodata (0.0) or NaN)"));
    bad.put(
        "250-band scene",
        new BadFile(
            write(
                "many-bands.tif",
                geoTiff(
                    20, 20, IntStream.range(0, 250).mapToObj(i -> "b" + i).toList(), null, 0.1f)),
            "250 bands, more than the 200 a scene may have"));
    bad.put(
        "scene with other bands (R, G, B)",
        new BadFile(
            write("rgb.tif", geoTiff(200, 200, List.of("R", "G", "B"), null, 0.1f)),
            "lacks bands [B2, B3, B4, B5, B6, B7, B8, B8A, B11, B12]"));
    bad.put(
        "STAC Item without assets",
        new BadFile(
            write(
                "item.json",
                "{\"type\":\"Feature\",\"stac_version\":\"1.0.0\",\"id\":\"x\",\"properties\":{},\"assets\":{}}"
                    .getBytes()),
            "the STAC Item has no assets"));
    bad.put(
        "SAFE .zip that is not a zip",
        new BadFile(write("product.zip", "PK not really".getBytes()), "not a readable zip"));
    String key = launcher.apiKey();
    for (Map.Entry<String, BadFile> e : bad.entrySet()) {
      BadFile f = e.getValue();
      String name = "drill-" + f.file().getFileName();
      String type =
          name.endsWith(".json")
              ? "application/json"
              : name.endsWith(".zip") ? "application/zip" : "image/tiff";
      HttpResponse<String> r =
          post("/scenes?name=" + name, type, Files.readAllBytes(f.file()), key);
      // a refused file is recorded as a rejected scene: none of it may be left
      expect4xx(
          "POST /scenes " + e.getKey(),
          r,
          f.status(),
          f.restSays(),
          () -> f.status() != 422 || nothingLeft(field(r.body(), "sceneId")));
      // at the top of the inbox: a GeoTIFF in a folder would be a part of the folder's document
      String inbox = "drill-bad-" + f.file().getFileName();
      inboxKeys.put(inbox, new Expected(e.getKey(), f.inboxSays()));
      store.put(Buckets.INBOX, inbox, f.file(), type);
    }
  }

  /** A {@code scene.json} dropped into a folder of its own, and what its rejection must say. */
  private record BadManifest(String json, String says) {}

  private void folders() {
    Map<String, BadManifest> manifests = new LinkedHashMap<>();
    manifests.put("scene.json {}", new BadManifest("{}", "scene.json: lists no bands"));
    manifests.put(
        "scene.json not JSON", new BadManifest("{ bands: ", "scene.json: not a scene manifest"));
    manifests.put(
        "scene.json naming missing band files",
        new BadManifest(
            "{\"bands\":[{\"name\":\"B2\",\"file\":\"B02.tif\"},{\"name\":\"B3\",\"file\":\"B03.tif\"}]}",
            "scene.json names objects that are not in the store after PT20S:"
                + " s3://lcz-inbox/drill-folder-3/B02.tif, s3://lcz-inbox/drill-folder-3/B03.tif"));
    int i = 0;
    for (Map.Entry<String, BadManifest> m : manifests.entrySet()) {
      String key = "drill-folder-" + (++i) + "/scene.json";
      inboxKeys.put(key, new Expected(m.getKey(), m.getValue().says()));
      store.put(
          Buckets.INBOX,
          key,
          m.getValue().json().getBytes(StandardCharsets.UTF_8),
          "application/json");
    }
  }

  private boolean nothingLeft(String sceneId) {
    if (sceneId.isBlank()) {
      return false;
    }
    return store.list(Buckets.TILES, "scenes/" + sceneId + "/tiles/").isEmpty()
        && store.list(Buckets.MAPS, "scenes/" + sceneId + "/").isEmpty();
  }

  // ---- Kafka: records the workers cannot use are dead-lettered with the reason

  private void kafka() {
    String bootstrap = launcher.stack().kafkaBootstrapServers();
    ConsumerRecord<String, byte[]> tile = oneRecord(bootstrap, Topics.TILES);
    String value = new String(tile.value(), StandardCharsets.UTF_8);
    try (Producer<String, byte[]> producer =
        new KafkaProducer<>(KafkaClients.rawProducer(bootstrap))) {
      send(
          producer,
          Topics.TILES,
          "not an event",
          "garbage".getBytes(),
          null,
          "tiles: bytes that are not an event",
          "not a CloudEvent in Kafka binary mode");
      send(
          producer,
          Topics.TILES,
          "empty",
          "{}".getBytes(),
          tile,
          "tiles: {} with a TileReady's headers",
          "invalid TileReady event: Missing required creator property 'schemaVersion'");
      send(
          producer,
          Topics.TILES,
          tile.key(),
          value
              .replaceFirst("\"key\"\\s*:\\s*\"scenes/[^\"]+\"", "\"key\":\"../lcz-models/x.onnx\"")
              .getBytes(),
          tile,
          "tiles: TileReady with a ../ key",
          "invalid TileReady event: object key '../lcz-models/x.onnx' holds a '..' segment");
      send(
          producer,
          Topics.TILES,
          tile.key(),
          value
              .replaceFirst(
                  "\"key\"\\s*:\\s*\"scenes/([^/\"]+)/[^\"]+\"",
                  "\"key\":\"scenes/$1/tiles/missing.tif\"")
              .getBytes(),
          tile,
          "tiles: TileReady of a missing object",
          "/tiles/missing.tif does not exist");
      send(
          producer,
          Topics.TRAINING_REQUESTS,
          "garbage",
          "garbage".getBytes(),
          null,
          "training requests: bytes that are not an event",
          "not a CloudEvent in Kafka binary mode");
      send(
          producer,
          Topics.TRAINING_REQUESTS,
          "empty",
          "{}".getBytes(),
          null,
          "training requests: {} without headers",
          "not a CloudEvent in Kafka binary mode");
      send(
          producer,
          Topics.INBOX_NOTIFICATIONS,
          "garbage",
          "not a notification".getBytes(),
          null,
          "inbox notifications: not a notification",
          "not JSON: Unrecognized token 'not'");
    }
  }

  private void send(
      Producer<String, byte[]> producer,
      String topic,
      String key,
      byte[] value,
      ConsumerRecord<String, byte[]> like,
      String input,
      String says) {
    ProducerRecord<String, byte[]> r = new ProducerRecord<>(topic, key, value);
    if (like != null) {
      for (Header h : like.headers()) {
        r.headers()
            .add(
                h.key(),
                h.key().equals("ce_id") ? UUID.randomUUID().toString().getBytes() : h.value());
      }
    }
    try {
      RecordMetadata m = producer.send(r).get(30, TimeUnit.SECONDS);
      deadLetters.put(topic + "-" + m.partition() + "@" + m.offset(), new Expected(input, says));
    } catch (Exception e) {
      outcomes.add(new Outcome("Kafka", input, false, "could not send: " + e));
    }
  }

  private static ConsumerRecord<String, byte[]> oneRecord(String bootstrap, String topic) {
    return TopicSnapshot.read(bootstrap, topic, Duration.ofSeconds(30)).stream()
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no record on " + topic + " to bend into bad ones"));
  }

  // ---- training sets: the run fails with the reason

  private void training() throws IOException {
    Path constant = work.resolve("constant.h5");
    Path zeros = write("zeros.tif", geoTiff(480, 480, WorldFiles.bands(false), null, 0f));
    try (SceneRaster s = SceneRaster.open(zeros)) {
      PatchSet.write(constant, s, samples(2, 16), 48); // 32 patches: one batch, all zero
    }
    Path oneClass = work.resolve("one-class.h5");
    try (SceneRaster s = SceneRaster.open(scene)) {
      PatchSet.write(oneClass, s, samples(1, 32), 48); // one batch, one class
    }
    Path truncated = write("truncated.h5", Arrays.copyOf(Files.readAllBytes(constant), 2048));
    Path text = write("text.h5", "not HDF5".getBytes());
    Map<String, Path> sets = new LinkedHashMap<>();
    sets.put("every band constant (all zero)", constant);
    sets.put("a single class", oneClass);
    sets.put("truncated HDF5", truncated);
    sets.put("text named .h5", text);
    // what the reason must say: the degenerate sets hold one batch, so their size is no reason
    Map<String, String> says =
        Map.of(
            "every band constant (all zero)",
            "every band is constant over all 32 patches",
            "a single class",
            "every patch is of one class",
            "truncated HDF5",
            "not a readable HDF5 file: it is truncated or corrupt",
            "text named .h5",
            "not a readable HDF5 file (No valid HDF5 signature found)");
    for (Map.Entry<String, Path> e : sets.entrySet()) {
      String key = "drill/" + e.getValue().getFileName();
      store.put(Buckets.DATASETS, key, e.getValue(), "application/x-hdf5");
      String run =
          "drill-"
              + e.getValue().getFileName().toString().replace(".h5", "")
              + "-"
              + UUID.randomUUID().toString().substring(0, 8);
      HttpResponse<String> r =
          postJson(
              "/training-runs",
              "{\"runId\":\""
                  + run
                  + "\",\"trainData\":\"s3://"
                  + Buckets.DATASETS
                  + "/"
                  + key
                  + "\",\"epochs\":1}",
              launcher.apiKey());
      if (r.statusCode() == 202) {
        runs.put(run, new Expected("training set: " + e.getKey(), says.get(e.getKey())));
      } else {
        // the door reads no data set: every one of these must reach the worker
        outcomes.add(
            new Outcome(
                "training",
                "training set: " + e.getKey(),
                false,
                "HTTP " + r.statusCode() + " " + abbreviate(detail(r.body())) + " (expected 202)"));
      }
    }
    // a variant's name of the right form that the worker's registry does not know: accepted at the
    // door (which architectures exist is the worker's to say), refused by the worker naming it
    String unknownKey = "drill/" + text.getFileName();
    String unknownRun = "drill-unknown-variant-" + UUID.randomUUID().toString().substring(0, 8);
    HttpResponse<String> r =
        postJson(
            "/training-runs",
            "{\"runId\":\""
                + unknownRun
                + "\",\"variant\":\"msmla-99\",\"trainData\":\"s3://"
                + Buckets.DATASETS
                + "/"
                + unknownKey
                + "\",\"epochs\":1}",
            launcher.apiKey());
    if (r.statusCode() == 202) {
      runs.put(
          unknownRun,
          new Expected(
              "training request: unknown variant msmla-99",
              "unknown variant 'msmla-99'; known: msmla-18"));
    } else {
      outcomes.add(
          new Outcome(
              "training",
              "training request: unknown variant msmla-99",
              false,
              "HTTP " + r.statusCode() + " " + abbreviate(detail(r.body()))));
    }
  }

  /**
   * {@code perClass} cells of each of {@code classes} classes (2, 3, …) in a 48 × 48-cell grid, in
   * rows of twelve.
   */
  private static List<CellSample> samples(int classes, int perClass) {
    List<CellSample> s = new ArrayList<>();
    int area = 0;
    for (int c = 0; c < classes; c++) {
      for (int i = 0; i < perClass; i++) {
        int j = c * perClass + i;
        int col = 5 + 3 * (j % 12);
        int row = 5 + 3 * (j / 12);
        s.add(new CellSample(col, row, col * 10 + 5, row * 10 + 5, 2 + c, area++));
      }
    }
    return s;
  }

  // ---- outcomes by event

  private void awaitEvents(EventFeed feed) {
    Map<String, String> rejected = new HashMap<>(); // inbox key -> reason
    Map<String, String> rejectedIds = new HashMap<>();
    Map<String, String> lettered = new HashMap<>();
    Map<String, String> failed = new HashMap<>();
    Instant deadline = Instant.now().plus(EVENT_TIMEOUT);
    while (Instant.now().isBefore(deadline)
        && (rejected.size() < inboxKeys.size()
            || lettered.size() < deadLetters.size()
            || failed.size() < runs.size())) {
      for (EventFeed.Received r : feed.poll(POLL)) {
        LczEvent event = r.event().orElse(null);
        if (r.topic().equals(Topics.DEAD_LETTER)) {
          String at =
              r.header(DeadLetterPublisher.ORIGINAL_TOPIC).orElse("?")
                  + "-"
                  + r.header(DeadLetterPublisher.ORIGINAL_PARTITION).orElse("?")
                  + "@"
                  + r.header(DeadLetterPublisher.ORIGINAL_OFFSET).orElse("?");
          if (deadLetters.containsKey(at)) {
            lettered.put(at, r.header(DeadLetterPublisher.ERROR).orElse(""));
          }
        } else if (event instanceof SceneRejected e && inboxKeys.containsKey(e.source().key())) {
          rejected.put(e.source().key(), e.reason());
          rejectedIds.put(e.source().key(), e.sceneId());
        } else if (event instanceof TrainingFailed e && runs.containsKey(e.runId())) {
          failed.put(e.runId(), e.reason());
        }
      }
    }
    inboxKeys.forEach(
        (key, expected) -> {
          String reason = rejected.get(key);
          outcomes.add(
              byEvent(
                  "inbox",
                  expected.input() + " (" + key + ")",
                  "SceneRejected",
                  reason,
                  expected.says(),
                  reason != null && nothingLeft(rejectedIds.get(key)),
                  "no SceneRejected within " + EVENT_TIMEOUT.toMinutes() + " min"));
        });
    deadLetters.forEach(
        (at, expected) ->
            outcomes.add(
                byEvent(
                    "Kafka",
                    expected.input(),
                    "dead letter",
                    lettered.get(at),
                    expected.says(),
                    true,
                    "no dead letter of " + at)));
    runs.forEach(
        (run, expected) ->
            outcomes.add(
                byEvent(
                    "training",
                    expected.input(),
                    "TrainingFailed",
                    failed.get(run),
                    expected.says(),
                    true,
                    "no TrainingFailed of " + run)));
  }

  /**
   * An outcome that came by event: clear when the event came, its reason says {@code says} and
   * nothing was left ({@code nothingLeft}).
   */
  private static Outcome byEvent(
      String door,
      String input,
      String event,
      String reason,
      String says,
      boolean nothingLeft,
      String missing) {
    if (reason == null) {
      return new Outcome(door, input, false, missing);
    }
    boolean saysIt = reason.contains(says);
    return new Outcome(
        door,
        input,
        saysIt && nothingLeft,
        event
            + ": "
            + abbreviate(reason)
            + (saysIt ? "" : " (expected it to say \"" + says + "\")")
            + (nothingLeft ? "" : " (tiles or maps were left)"));
  }

  // ---- helpers

  private Path write(String name, byte[] bytes) throws IOException {
    return Files.write(work.resolve(name), bytes);
  }

  /** A Float32 GeoTIFF in UTM 33N filled with {@code value}. */
  private static byte[] geoTiff(int w, int h, List<String> bands, Double nodata, float value) {
    WritableRaster raster =
        Raster.createWritableRaster(
            new BandedSampleModel(DataBuffer.TYPE_FLOAT, w, h, bands.size()), null);
    float[] row = new float[w];
    Arrays.fill(row, value);
    for (int b = 0; b < bands.size(); b++) {
      for (int y = 0; y < h; y++) {
        raster.setSamples(0, y, w, 1, b, row);
      }
    }
    return GeoTiffWriter.write(
        raster,
        new GeoTiffWriter.Georeference(new double[] {500000, 10, 0, 6000000, 0, -10}, 32633, true),
        bands,
        nodata);
  }

  private HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  private HttpResponse<String> postJson(String path, String body, String key) {
    return post(path, "application/json", body.getBytes(StandardCharsets.UTF_8), key);
  }

  private HttpResponse<String> post(String path, String type, byte[] body, String key) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (key != null) {
      b.header("Authorization", "Bearer " + key);
    }
    return send(b);
  }

  private HttpResponse<String> send(HttpRequest.Builder b) {
    try {
      return http.send(
          b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String detail(String body) {
    return field(body, "detail");
  }

  private static String field(String body, String name) {
    try {
      JsonNode n = JSON.readTree(body).get(name);
      return n == null || n.isNull() ? "" : n.asText();
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ").trim();
    return one.length() <= 400 ? one : one.substring(0, 397) + "...";
  }
}
