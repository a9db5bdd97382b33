package org.lcz.demo;

import java.awt.image.Raster;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;
import org.lcz.deploy.launcher.LczLauncher;
import org.lcz.deploy.launcher.RestartPolicy;
import org.lcz.deploy.launcher.ServiceProcess;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.events.EpochCompleted;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.MapTileWritten;
import org.lcz.events.ModelPublished;
import org.lcz.events.Promotion;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.SceneTiled;
import org.lcz.events.TileReady;
import org.lcz.events.Topics;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.raster.SceneRaster;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.Sha256;

/**
 * {@code ./lcz drill}: the platform under faults, measured. A small demo (two inference workers,
 * the S3 server in a process of its own, small tiles so that a scene has many) trains a model and
 * maps the world's scene undisturbed — the reference map. Then the same scene is dropped again
 * under each fault: an inference worker killed with SIGKILL mid-scene (repeated, alternating
 * workers; the supervisor starts it again), the broker stopped and started mid-scene, the object
 * store killed for 30 s mid-scene. Each must end with every tile mapped, a map identical to the
 * reference and exactly one {@code SceneMapCompleted} — counted at the very end, from the whole
 * topic, so a late duplicate counts. Then the {@link BadInputs} corpus.
 */
public final class Drills implements AutoCloseable {
  /** How long a scene may take after its fault before the drill counts it failed. */
  static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(5);

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(30);
  private static final List<String> WORKERS = List.of("inference-worker", "inference-worker-2");

  /** The training workers' consumer group (the training worker's default). */
  static final String TRAINING_GROUP = "training-worker";

  /** The inference workers' tile group (the inference worker's default). */
  static final String TILES_GROUP = "lcz-inference";

  /**
   * What to drill.
   *
   * @param demo the platform and world (two inference workers, S3 in its own process)
   * @param kills how many kill -9 trials of the inference workers mid-scene
   * @param regionKills how many kills of the region's owner must strike mid-update ({@link
   *     RegionDrill})
   * @param brokerDown how long the broker stays down
   * @param s3Down how long the object store stays down
   */
  public record Options(
      DemoOptions demo, int kills, int regionKills, Duration brokerDown, Duration s3Down) {}

  /**
   * One scene under one fault.
   *
   * @param drill what was done, e.g. {@code kill -9 inference-worker-2}
   * @param tiles the scene's tiles (SceneTiled)
   * @param tilesMapped distinct tiles with a MapTileWritten
   * @param tileEvents MapTileWritten events (more than tiles: work redone after the fault)
   * @param completions SceneMapCompleted events of the scene on the whole topic
   * @param sameMap whether the map equals the undisturbed reference byte for byte
   * @param recoverySeconds from the end of the fault to SceneMapCompleted
   * @param handoverSeconds a kill trial's {@link Handover}: from the kill to the first tile of the
   *     killed worker's partitions mapped after it; -1 for other faults, or when not seen
   * @param problem why it failed, or empty
   */
  public record Recovery(
      String drill,
      String sceneId,
      int tiles,
      int tilesMapped,
      int tileEvents,
      int completions,
      boolean sameMap,
      double recoverySeconds,
      double handoverSeconds,
      String problem) {
    /** Every tile mapped, the reference map, one completion, no problem. */
    public boolean passed() {
      return problem.isEmpty() && tiles > 0 && tilesMapped == tiles && completions == 1 && sameMap;
    }

    Recovery withCompletions(int n) {
      return new Recovery(
          drill,
          sceneId,
          tiles,
          tilesMapped,
          tileEvents,
          n,
          sameMap,
          recoverySeconds,
          handoverSeconds,
          problem);
    }

    /** Whether the killed worker's tiles were mapped again within {@link Handover#LIMIT}. */
    public boolean handedOver() {
      return handoverSeconds >= 0 && handoverSeconds <= Handover.LIMIT.toMillis() / 1000.0;
    }
  }

  /** What the drills found. */
  public record Report(
      List<Recovery> recoveries,
      RegionDrill.Result region,
      List<BadInputs.Outcome> badInputs,
      List<String> crashed) {
    /** The kill trials of the inference workers. */
    public List<Recovery> kills() {
      return recoveries.stream()
          .filter(r -> r.drill().startsWith("kill -9 inference-worker"))
          .toList();
    }

    /** Whether every drill passed. */
    public boolean passed() {
      return recoveries.stream().allMatch(Recovery::passed)
          && region.passed()
          && badInputs.stream().allMatch(BadInputs.Outcome::clear)
          && crashed.isEmpty();
    }
  }

  private final Options options;
  private final PrintStream out;
  private Demo demo;

  public Drills(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** The standard drills' platform: {@code demo} with two inference workers and 160 px tiles. */
  public static DemoOptions platform(DemoOptions demo) {
    return new DemoOptions(
        demo.world(),
        demo.variant(),
        demo.epochs(),
        demo.platform()
            .withInferenceWorkers(2)
            .withS3Process(true)
            .withServiceProperties(
                Map.of(
                    // many tiles per scene, so that a fault finds work in flight
                    "lcz.ingest.tile-size", "160",
                    "lcz.ingest.folder-settle", "2s",
                    // a manifest's missing band files are waited for this long, then named
                    "lcz.ingest.manifest-wait", "20s")),
        demo.worldsDir(),
        demo.minOa(),
        demo.trainingTimeout(),
        demo.mappingTimeout(),
        false,
        demo.training(),
        false);
  }

  /** Runs every drill; the platform stays up until {@link #close()}. */
  public Report run() {
    demo =
        new Demo(
            options.demo(),
            out,
            // the trials kill workers on purpose: the supervisor must not give up on them
            new RestartPolicy(
                Duration.ofSeconds(1), Duration.ofSeconds(5), 1000, Duration.ofHours(1)));
    Demo.Result reference = demo.run();
    LczLauncher launcher = demo.launcher();
    LocalStack stack = launcher.stack();
    List<Recovery> recoveries = new ArrayList<>();
    List<BadInputs.Outcome> bad;
    try (ObjectStore store = stack.newObjectStore()) {
      String referenceMap = pixels(store, reference.map().map());
      Path scene = reference.world().scene();
      out.printf(
          "drills: reference map %s (%d tiles)%n", referenceMap, reference.map().tileCount());
      for (int i = 1; i <= options.kills(); i++) {
        String victim = WORKERS.get((i - 1) % WORKERS.size());
        recoveries.add(
            recover(
                launcher,
                store,
                scene,
                referenceMap,
                "kill -9 " + victim,
                "drill-kill-" + i + ".tif",
                true,
                () -> kill(launcher, victim)));
        awaitWorkers(launcher);
      }
      Map<String, Runnable> outages = new LinkedHashMap<>();
      outages.put(
          "broker down " + options.brokerDown().toSeconds() + " s",
          () -> {
            stack.stopKafka();
            Demo.sleep(options.brokerDown());
            stack.startKafka();
          });
      outages.put(
          "S3 down " + options.s3Down().toSeconds() + " s",
          () -> {
            stack.stopS3();
            Demo.sleep(options.s3Down());
            stack.startS3();
          });
      int n = 0;
      for (Map.Entry<String, Runnable> outage : outages.entrySet()) {
        recoveries.add(
            recover(
                launcher,
                store,
                scene,
                referenceMap,
                outage.getKey(),
                "drill-outage-" + ++n + ".tif",
                false,
                outage.getValue()));
      }
      RegionDrill.Result region =
          new RegionDrill(launcher, options.demo(), store, scene, out)
              .run(options.regionKills(), options.demo().world().seed());
      Recovery training = retrain(launcher, reference);
      Map<String, Long> before = pids(launcher);
      bad =
          new BadInputs(
                  launcher,
                  options.demo().platform().httpPort(),
                  store,
                  scene,
                  options.demo().dataDir().resolve("drill-inputs"),
                  out)
              .run();
      List<String> crashed = crashedSince(launcher, before);
      Map<String, Integer> completions = completions(stack.kafkaBootstrapServers());
      List<Recovery> counted =
          new ArrayList<>(
              recoveries.stream()
                  .map(r -> r.withCompletions(completions.getOrDefault(r.sceneId(), 0)))
                  .toList());
      counted.add(training);
      Report report = new Report(counted, region, bad, crashed);
      print(report);
      return report;
    }
  }

  // ---- one recovery

  /**
   * Drops the scene, strikes with {@code fault} a quarter of the way through its tiles and follows
   * it to its map. For a kill ({@code kill}), also the {@link Handover}: the tiles topic's
   * partitions of each member before the kill, the member that is gone after it, the first tile of
   * its partitions mapped after the kill (by the records' times).
   */
  private Recovery recover(
      LczLauncher launcher,
      ObjectStore store,
      Path scene,
      String referenceMap,
      String drill,
      String key,
      boolean kill,
      Runnable fault) {
    out.printf("drill: %s ...%n", drill);
    String sceneId = "";
    int tiles = 0;
    Set<String> mapped = new HashSet<>();
    int tileEvents = 0;
    Instant faultEnded = null;
    Map<String, Integer> partitionOfTile = new HashMap<>();
    Map<String, Instant> mappedAfterFault = new HashMap<>();
    Map<String, Set<Integer>> membersBefore = Map.of();
    Set<Integer> killedPartitions = null;
    String bootstrap = launcher.stack().kafkaBootstrapServers();
    try (EventFeed feed =
            EventFeed.open(
                bootstrap,
                List.of(Topics.SCENES, Topics.TILES, Topics.MAPS, Topics.DEAD_LETTER),
                KAFKA_TIMEOUT);
        Admin admin = Admin.create(KafkaClients.admin(bootstrap))) {
      store.put(Buckets.INBOX, key, scene, "image/tiff");
      Instant deadline = Instant.now().plus(RECOVERY_TIMEOUT);
      while (Instant.now().isBefore(deadline)) {
        launcher.supervise(Instant.now());
        for (EventFeed.Received r : feed.poll(POLL)) {
          LczEvent event = r.event().orElse(null);
          if (r.topic().equals(Topics.DEAD_LETTER)) {
            if (concernsScene(r, sceneId)) {
              return failed(
                  drill,
                  sceneId,
                  tiles,
                  mapped,
                  tileEvents,
                  "dead-lettered: " + r.header(DeadLetterPublisher.ERROR).orElse("(no reason)"));
            }
          } else if (event instanceof SceneReceived e && e.source().key().equals(key)) {
            sceneId = e.sceneId();
          } else if (event instanceof SceneRejected e && e.source().key().equals(key)) {
            return failed(drill, e.sceneId(), tiles, mapped, tileEvents, "rejected: " + e.reason());
          } else if (event instanceof SceneTiled e && e.sceneId().equals(sceneId)) {
            tiles = e.tileCount();
          } else if (event instanceof TileReady e && e.sceneId().equals(sceneId)) {
            partitionOfTile.put(e.tileId(), r.record().partition());
          } else if (event instanceof MapTileWritten e && e.sceneId().equals(sceneId)) {
            tileEvents++;
            mapped.add(e.tileId());
            Instant at = Instant.ofEpochMilli(r.record().timestamp());
            if (faultEnded != null && at.isAfter(faultEnded)) {
              mappedAfterFault.putIfAbsent(e.tileId(), at);
            }
          } else if (event instanceof SceneMapCompleted e && e.sceneId().equals(sceneId)) {
            if (faultEnded == null) {
              return failed(
                  drill,
                  sceneId,
                  tiles,
                  mapped,
                  tileEvents,
                  "the scene was done before the fault could strike");
            }
            boolean same = pixels(store, e.map()).equals(referenceMap);
            double seconds = Duration.between(faultEnded, Instant.now()).toMillis() / 1000.0;
            if (kill && killedPartitions == null) {
              killedPartitions = killedPartitions(admin, membersBefore);
            }
            double handover =
                killedPartitions == null
                    ? -1
                    : Handover.time(faultEnded, killedPartitions, partitionOfTile, mappedAfterFault)
                        .map(d -> d.toMillis() / 1000.0)
                        .orElse(-1.0);
            Recovery done =
                new Recovery(
                    drill,
                    sceneId,
                    tiles,
                    mapped.size(),
                    tileEvents,
                    1,
                    same,
                    seconds,
                    handover,
                    !same
                        ? "the map differs from the undisturbed one"
                        : kill ? Handover.problem(handover) : "");
            out.printf(
                "drill: %s: %d/%d tiles (%d tile events), map %s, done %.1f s after the fault%s%n",
                drill,
                mapped.size(),
                tiles,
                tileEvents,
                same ? "identical" : "DIFFERENT",
                seconds,
                kill
                    ? String.format(
                        "; the killed worker's tiles (%d partitions) mapped again after %.1f s",
                        killedPartitions == null ? 0 : killedPartitions.size(), handover)
                    : "");
            return done;
          }
        }
        if (kill && faultEnded != null && killedPartitions == null) {
          killedPartitions = killedPartitions(admin, membersBefore);
        }
        if (faultEnded == null && tiles > 0 && mapped.size() >= Math.max(1, tiles / 4)) {
          out.printf("drill: %s after %d/%d tiles%n", drill, mapped.size(), tiles);
          if (kill) {
            membersBefore = tileMembers(admin);
          }
          fault.run();
          faultEnded = Instant.now();
          deadline = faultEnded.plus(RECOVERY_TIMEOUT);
        }
      }
      return failed(
          drill,
          sceneId,
          tiles,
          mapped,
          tileEvents,
          "not done within " + RECOVERY_TIMEOUT.toMinutes() + " min of the fault");
    }
  }

  /**
   * The training worker killed with SIGKILL after the first of two epochs of a run: its request was
   * not committed, so the worker the supervisor starts again trains it from the start. Passes with
   * exactly one ModelPublished of the run, counted once the worker's group has committed past the
   * request (nothing can deliver it again after that).
   */
  private Recovery retrain(LczLauncher launcher, Demo.Result reference) {
    String drill = "kill -9 training-worker";
    out.printf("drill: %s ...%n", drill);
    String runId = "drill-train-" + UUID.randomUUID().toString().substring(0, 8);
    String sets = "areas/" + reference.request().runId() + "/";
    TrainingRequested request =
        new TrainingRequested(
            TrainingRequested.SCHEMA_VERSION,
            runId,
            options.demo().variant(),
            ObjectRef.of(Buckets.DATASETS, sets + "train.h5"),
            ObjectRef.of(Buckets.DATASETS, sets + "val.h5"),
            ObjectRef.of(Buckets.DATASETS, sets + "test.h5"),
            null,
            null,
            2,
            null,
            null,
            null,
            null,
            Promotion.IF_BETTER,
            Instant.now(),
            null);
    String bootstrap = launcher.stack().kafkaBootstrapServers();
    int published = 0;
    Instant faultEnded = null;
    try (EventFeed feed =
            EventFeed.open(
                bootstrap, List.of(Topics.TRAINING_PROGRESS, Topics.MODELS), KAFKA_TIMEOUT);
        EventPublisher publisher = new EventPublisher(bootstrap, URI.create("/lcz/drill"))) {
      RecordMetadata sent = publisher.publishAndWait(request, KAFKA_TIMEOUT);
      Instant deadline = Instant.now().plus(Duration.ofMinutes(15));
      Double seconds = null;
      while (Instant.now().isBefore(deadline)) {
        launcher.supervise(Instant.now());
        for (EventFeed.Received r : feed.poll(POLL)) {
          LczEvent event = r.event().orElse(null);
          if (event instanceof EpochCompleted e && e.runId().equals(runId) && faultEnded == null) {
            out.printf("drill: %s after epoch %d/%d%n", drill, e.epoch(), e.epochs());
            kill(launcher, "training-worker");
            faultEnded = Instant.now();
          } else if (event instanceof TrainingFailed f && f.runId().equals(runId)) {
            return new Recovery(drill, runId, 1, 0, 0, 0, false, -1, -1, "failed: " + f.reason());
          } else if (event instanceof ModelPublished m && m.version().endsWith("-" + runId)) {
            published++;
            if (faultEnded == null) {
              return new Recovery(
                  drill, runId, 1, 1, 1, published, false, -1, -1, "published before the kill");
            }
            seconds = Duration.between(faultEnded, Instant.now()).toMillis() / 1000.0;
          }
        }
        if (seconds != null && committedPast(bootstrap, sent)) {
          // drain what is on the topics by now: a second publication would be among it
          for (EventFeed.Received r : feed.poll(Duration.ofSeconds(2))) {
            if (r.event().orElse(null) instanceof ModelPublished m
                && m.version().endsWith("-" + runId)) {
              published++;
            }
          }
          out.printf(
              "drill: %s: %d publication(s) of the run, %.1f s after the kill%n",
              drill, published, seconds);
          // one "tile" here: the run; sameMap: the one model of the run
          return new Recovery(
              drill,
              runId,
              1,
              1,
              published,
              published,
              published == 1,
              seconds,
              -1,
              published == 1 ? "" : published + " models published for one run");
        }
      }
      return new Recovery(
          drill, runId, 1, 0, published, published, false, -1, -1, "no model within 15 min");
    }
  }

  /** Whether the training workers' group has committed past {@code request}. */
  private static boolean committedPast(String bootstrap, RecordMetadata request) {
    try (Admin admin = Admin.create(KafkaClients.admin(bootstrap))) {
      var offset =
          admin
              .listConsumerGroupOffsets(TRAINING_GROUP)
              .partitionsToOffsetAndMetadata()
              .get(10, TimeUnit.SECONDS)
              .get(new TopicPartition(request.topic(), request.partition()));
      return offset != null && offset.offset() > request.offset();
    } catch (Exception e) {
      return false;
    }
  }

  /**
   * A digest of the map's pixels — every band (lcz, lczFilter, classProbability) with its size —
   * not of the file, which names its scene.
   */
  private String pixels(ObjectStore store, ObjectRef map) {
    Path file = options.demo().dataDir().resolve("drill-maps").resolve(UUID.randomUUID() + ".tif");
    try {
      Files.createDirectories(file.getParent());
      store.download(map, file);
      try (SceneRaster r = SceneRaster.open(file)) {
        Raster all = r.read(0, 0, r.width(), r.height());
        MessageDigest digest = Sha256.newDigest();
        digest.update((r.width() + "x" + r.height() + "x" + all.getNumBands()).getBytes());
        int[] row = new int[r.width()];
        byte[] bytes = new byte[r.width()];
        for (int b = 0; b < all.getNumBands(); b++) {
          for (int y = 0; y < r.height(); y++) {
            all.getSamples(0, y, r.width(), 1, b, row);
            for (int x = 0; x < row.length; x++) {
              bytes[x] = (byte) row[x];
            }
            digest.update(bytes);
          }
        }
        return Sha256.hex(digest);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // a leftover in the drill's data folder
      }
    }
  }

  /**
   * Whether a dead letter is of the scene: its tiles and map tiles are keyed by their tile id,
   * which holds the scene id, so the key tells even when the record is no event.
   */
  private static boolean concernsScene(EventFeed.Received r, String sceneId) {
    if (sceneId.isEmpty()) {
      return false;
    }
    String key = r.record().key();
    return key != null && key.contains(sceneId)
        || r.event().orElse(null) instanceof MapTileWritten m && m.sceneId().equals(sceneId);
  }

  private Recovery failed(
      String drill, String sceneId, int tiles, Set<String> mapped, int events, String problem) {
    out.printf("drill: %s FAILED: %s%n", drill, problem);
    return new Recovery(drill, sceneId, tiles, mapped.size(), events, 0, false, -1, -1, problem);
  }

  /**
   * Each member of the inference workers' tile group with its partitions of the tiles topic, once
   * the group is stable (up to 30 s).
   */
  private static Map<String, Set<Integer>> tileMembers(Admin admin) {
    Instant deadline = Instant.now().plus(KAFKA_TIMEOUT);
    Map<String, Set<Integer>> members = new HashMap<>();
    while (true) {
      try {
        ConsumerGroupDescription group = tileGroup(admin);
        members.clear();
        for (MemberDescription m : group.members()) {
          Set<Integer> partitions = new HashSet<>();
          for (TopicPartition p : m.assignment().topicPartitions()) {
            if (p.topic().equals(Topics.TILES)) {
              partitions.add(p.partition());
            }
          }
          members.put(m.consumerId(), partitions);
        }
        if (group.groupState() == GroupState.STABLE || Instant.now().isAfter(deadline)) {
          return Map.copyOf(members);
        }
      } catch (Exception e) {
        if (Instant.now().isAfter(deadline)) {
          return Map.copyOf(members);
        }
      }
      Demo.sleep(Duration.ofMillis(200));
    }
  }

  /** The partitions of the member of {@code before} that is no longer in the group, if one is. */
  private static Set<Integer> killedPartitions(Admin admin, Map<String, Set<Integer>> before) {
    try {
      Set<String> now = new HashSet<>();
      tileGroup(admin).members().forEach(m -> now.add(m.consumerId()));
      return Handover.gone(before, now).map(before::get).orElse(null);
    } catch (Exception e) {
      return null; // asked again at the next turn
    }
  }

  /** The inference workers' tile group as the broker describes it now (10 s at most). */
  private static ConsumerGroupDescription tileGroup(Admin admin) throws Exception {
    return admin
        .describeConsumerGroups(List.of(TILES_GROUP))
        .describedGroups()
        .get(TILES_GROUP)
        .get(10, TimeUnit.SECONDS);
  }

  static void kill(LczLauncher launcher, String name) {
    ServiceProcess p =
        launcher
            .service(name)
            .orElseThrow(() -> new IllegalStateException(name + " is not running"));
    ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL
    try {
      ProcessHandle.of(p.pid()).ifPresent(h -> h.onExit().join());
    } catch (RuntimeException e) {
      // gone already
    }
  }

  /** Waits until both workers run and are ready (a killed one has been started again). */
  static void awaitWorkers(LczLauncher launcher) {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    for (String name : WORKERS) {
      while (true) {
        launcher.supervise(Instant.now());
        var p = launcher.service(name).filter(ServiceProcess::isAlive);
        if (p.isPresent()) {
          p.get().awaitReady(Duration.ofMinutes(3));
          break;
        }
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(name + " was not started again within 3 min");
        }
        Demo.sleep(Duration.ofMillis(200));
      }
    }
  }

  // ---- counting

  /** SceneMapCompleted per scene on the whole maps topic, read to its end offsets. */
  static Map<String, Integer> completions(String bootstrap) {
    InboundEvents events = new InboundEvents(new EventCodec());
    Map<String, Integer> counts = new HashMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(bootstrap, Topics.MAPS, Duration.ofMinutes(2))) {
      try {
        if (events.decode(r) instanceof SceneMapCompleted e) {
          counts.merge(e.sceneId(), 1, Integer::sum);
        }
      } catch (InvalidEventException e) {
        // not a platform event: not a completion
      }
    }
    return counts;
  }

  private Map<String, Long> pids(LczLauncher launcher) {
    Map<String, Long> pids = new HashMap<>();
    for (var spec : options.demo().platform().serviceSpecs()) {
      launcher.service(spec.name()).ifPresent(p -> pids.put(spec.name(), p.pid()));
    }
    return pids;
  }

  /** The services that are not the same live process as in {@code before}. */
  private List<String> crashedSince(LczLauncher launcher, Map<String, Long> before) {
    Map<String, Long> now = pids(launcher);
    return before.entrySet().stream()
        .filter(
            e ->
                !e.getValue().equals(now.get(e.getKey()))
                    || !launcher.service(e.getKey()).map(ServiceProcess::isAlive).orElse(false))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  private void print(Report report) {
    out.println();
    out.println("Drills");
    out.printf(
        "%-26s %8s %12s %11s %9s %12s %11s  %s%n",
        "drill",
        "tiles",
        "tile events",
        "completions",
        "same map",
        "recovery s",
        "handover s",
        "result");
    for (Recovery r : report.recoveries()) {
      out.printf(
          "%-26s %3d/%-4d %12d %11d %9s %12.1f %11s  %s%n",
          r.drill(),
          r.tilesMapped(),
          r.tiles(),
          r.tileEvents(),
          r.completions(),
          r.sameMap() ? "yes" : "no",
          r.recoverySeconds(),
          r.handoverSeconds() < 0 ? "-" : String.format("%.1f", r.handoverSeconds()),
          r.passed() ? "passed" : "FAILED " + r.problem());
    }
    long killsPassed = report.kills().stream().filter(Recovery::passed).count();
    out.printf("kill -9: %d/%d trials passed%n", killsPassed, report.kills().size());
    RegionDrill.Result region = report.region();
    out.printf(
        "%-26s %8s %9s %12s %13s  %s%n",
        "region owner killed", "delay s", "struck", "announced s", "", "result");
    for (RegionDrill.Trial t : region.trials()) {
      out.printf(
          "%-26s %8.1f %9s %12.1f %13s  %s%n",
          "kill -9 " + t.killed(),
          t.delaySeconds(),
          t.midUpdate() ? "mid-update" : "after",
          t.announcedSeconds(),
          "",
          t.passed() ? "passed" : "FAILED " + t.problem());
    }
    out.printf(
        "region %s: %d versions, %d announcements (one each: %s), undisturbed update %.1f s%s%n",
        RegionDrill.REGION,
        region.versions(),
        region.announcements(),
        region.passed() ? "yes" : "NO",
        region.updateSeconds(),
        region.problems().isEmpty() ? "" : "; " + String.join("; ", region.problems()));
    Map<String, long[]> doors = new LinkedHashMap<>();
    for (BadInputs.Outcome o : report.badInputs()) {
      long[] n = doors.computeIfAbsent(o.door(), d -> new long[2]);
      n[0] += o.clear() ? 1 : 0;
      n[1]++;
    }
    doors.forEach((door, n) -> out.printf("bad inputs, %s: %d/%d clear%n", door, n[0], n[1]));
    long clear = report.badInputs().stream().filter(BadInputs.Outcome::clear).count();
    out.printf(
        "bad inputs: %d/%d with a clear outcome; services crashed: %s%n",
        clear,
        report.badInputs().size(),
        report.crashed().isEmpty() ? "none" : String.join(", ", report.crashed()));
  }

  @Override
  public void close() {
    if (demo != null) {
      demo.close();
    }
  }
}
