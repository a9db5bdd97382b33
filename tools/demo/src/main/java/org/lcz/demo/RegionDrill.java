package org.lcz.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lcz.deploy.launcher.LczLauncher;
import org.lcz.deploy.launcher.ServiceSpec;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.events.RegionMapUpdated;
import org.lcz.events.SceneMapCompleted;
import org.lcz.events.SceneReceived;
import org.lcz.events.SceneRejected;
import org.lcz.events.Topics;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;

/**
 * Kill -9 of the region fuser mid-update. A region over the drill's world takes every drop of the
 * scene with an acquisition time in its period as a new member, so each drop makes a new version.
 * The first version is made undisturbed (how long an update takes: from the member's
 * SceneMapCompleted to its RegionMapUpdated). Then, per trial, the scene is dropped again and, once
 * its map is complete, the worker that owns the region's partition of {@code lcz.region-maps} (its
 * {@code /status} says) is killed with SIGKILL after a random share of that time; the next owner
 * (the other worker, or the killed one started again) must make the version. At the end the whole
 * {@code lcz.region-maps} topic, read to its end offsets, must hold exactly one RegionMapUpdated
 * per version and one version per member set, and every announced product must be in the store with
 * the digest its announcement gives — nothing half-written visible.
 */
final class RegionDrill {
  /** The drill's region. */
  static final String REGION = "drill-region";

  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration TRIAL_TIMEOUT = Duration.ofMinutes(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One trial.
   *
   * @param trial 1, 2, …
   * @param killed the worker killed (the region's owner)
   * @param delaySeconds from the member's SceneMapCompleted to the kill
   * @param midUpdate whether the kill came before the version was announced
   * @param announcedSeconds from the kill to the version's RegionMapUpdated
   * @param problem why it failed, or empty
   */
  record Trial(
      int trial,
      String killed,
      double delaySeconds,
      boolean midUpdate,
      double announcedSeconds,
      String problem) {
    boolean passed() {
      return problem.isEmpty();
    }
  }

  /**
   * What the drill found.
   *
   * @param updateSeconds an undisturbed update's time (the first version)
   * @param versions the region's versions on the topic at the end
   * @param announcements the RegionMapUpdated events of the region on the topic at the end
   * @param problems what the final count found wrong (duplicates, missing or wrong products)
   */
  record Result(
      List<Trial> trials,
      double updateSeconds,
      int versions,
      int announcements,
      List<String> problems) {
    /** Kills that struck before their version was announced. */
    long midUpdate() {
      return trials.stream().filter(Trial::midUpdate).count();
    }

    /** Every trial passed, one announcement per version, one per trial and the first. */
    boolean passed() {
      return !trials.isEmpty()
          && trials.stream().allMatch(Trial::passed)
          && problems.isEmpty()
          && versions == trials.size() + 1
          && announcements == versions;
    }
  }

  /** A drop followed to its region version. */
  private record Followed(
      String sceneId,
      Instant mapAt,
      RegionMapUpdated version,
      Instant announcedAt,
      int partition) {}

  private final LczLauncher launcher;
  private final DemoOptions options;
  private final ObjectStore store;
  private final Path scene;
  private final PrintStream out;
  private final HttpClient http = HttpClient.newHttpClient();
  private final InboundEvents inbound = new InboundEvents(new EventCodec());

  RegionDrill(
      LczLauncher launcher, DemoOptions options, ObjectStore store, Path scene, PrintStream out) {
    this.launcher = launcher;
    this.options = options;
    this.store = store;
    this.scene = scene;
    this.out = out;
  }

  /**
   * Defines the region, makes its first version, then kills its owner until {@code trials} kills
   * struck mid-update (at most {@code 2 × trials} kills).
   */
  Result run(int trials, long seed) {
    out.printf("drill: kill -9 of the region fuser mid-update ...%n");
    List<Trial> done = new ArrayList<>();
    double updateSeconds = -1;
    try {
      HttpResponse<String> defined =
          RegionStage.define(
              options.platform().httpPort(),
              launcher.apiKey(),
              RegionStage.definition(REGION, scene));
      if (defined.statusCode() != 201) {
        return new Result(
            List.of(), -1, 0, 0, List.of("POST /regions answered " + defined.statusCode()));
      }
      Random random = new Random(seed);
      try (EventFeed feed =
          EventFeed.open(
              launcher.stack().kafkaBootstrapServers(),
              List.of(Topics.SCENES, Topics.MAPS, Topics.REGION_MAPS),
              Duration.ofSeconds(30))) {
        Followed first = follow(feed, 0, null);
        Duration update = Duration.between(first.mapAt(), first.announcedAt());
        updateSeconds = update.toMillis() / 1000.0;
        out.printf(
            "drill: region %s v%d undisturbed: announced %.1f s after its member's map%n",
            REGION, first.version().version(), updateSeconds);
        // trials until `trials` kills struck mid-update (a kill may come after a fast update's
        // announcement), at most twice as many
        int midUpdate = 0;
        for (int i = 1; midUpdate < trials && i <= 2 * trials; i++) {
          Trial t = trial(feed, i, first.partition(), update, random);
          done.add(t);
          if (!t.passed()) {
            break;
          }
          midUpdate += t.midUpdate() ? 1 : 0;
        }
      }
    } catch (Exception e) {
      return new Result(done, updateSeconds, 0, 0, List.of("the drill stopped: " + e));
    }
    return count(done, updateSeconds);
  }

  private Trial trial(EventFeed feed, int i, int partition, Duration update, Random random) {
    Optional<String> owner = owner(partition);
    if (owner.isEmpty()) {
      return new Trial(i, "?", -1, false, -1, "no worker owns partition " + partition);
    }
    // a random point in the first three quarters of an undisturbed update
    Duration delay = Duration.ofMillis((long) (random.nextDouble() * 0.75 * update.toMillis()));
    Instant[] killedAt = new Instant[1];
    try {
      Followed f =
          follow(
              feed,
              i,
              mapAt -> {
                Duration wait = Duration.between(Instant.now(), mapAt.plus(delay));
                if (!wait.isNegative()) {
                  Demo.sleep(wait);
                }
                Drills.kill(launcher, owner.get());
                killedAt[0] = Instant.now();
              });
      Drills.awaitWorkers(launcher);
      boolean midUpdate = f.announcedAt().isAfter(killedAt[0]);
      double after = Duration.between(killedAt[0], f.announcedAt()).toMillis() / 1000.0;
      out.printf(
          "drill: region kill %d: %s killed %.1f s after the member's map (%s); v%d announced"
              + " %.1f s after the kill%n",
          i,
          owner.get(),
          delay.toMillis() / 1000.0,
          midUpdate ? "mid-update" : "after the announcement",
          f.version().version(),
          after);
      return new Trial(i, owner.get(), delay.toMillis() / 1000.0, midUpdate, after, "");
    } catch (RuntimeException e) {
      out.printf("drill: region kill %d FAILED: %s%n", i, e.getMessage());
      return new Trial(i, owner.get(), delay.toMillis() / 1000.0, false, -1, e.getMessage());
    }
  }

  /**
   * Drops the scene as member {@code i} (acquired {@code i} days after 1 June 2025), hands {@code
   * onMap} the time of its SceneMapCompleted once it is read, and follows it to the region's
   * version that holds it.
   */
  private Followed follow(EventFeed feed, int i, Consumer<Instant> onMap) {
    String key = "drill-region-" + i + ".tif";
    store.put(
        Buckets.INBOX,
        key,
        scene,
        "image/tiff",
        Map.of("acquired", LocalDate.of(2025, 6, 1).plusDays(i).toString()));
    String sceneId = null;
    Instant mapAt = null;
    Set<String> completed = new HashSet<>();
    Map<String, Instant> completedAt = new HashMap<>();
    List<ConsumerRecord<String, byte[]>> versions = new ArrayList<>();
    Instant deadline = Instant.now().plus(TRIAL_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      launcher.supervise(Instant.now());
      for (EventFeed.Received r : feed.poll(POLL)) {
        LczEvent e = r.event().orElse(null);
        if (e instanceof SceneReceived s && s.source().key().equals(key)) {
          sceneId = s.sceneId();
        } else if (e instanceof SceneRejected s && s.source().key().equals(key)) {
          throw new IllegalStateException(key + " was rejected: " + s.reason());
        } else if (e instanceof SceneMapCompleted m) {
          completed.add(m.sceneId());
          completedAt.put(m.sceneId(), Instant.ofEpochMilli(r.record().timestamp()));
        } else if (e instanceof RegionMapUpdated u && u.region().equals(REGION)) {
          versions.add(r.record());
        }
      }
      if (sceneId != null && mapAt == null && completed.contains(sceneId)) {
        mapAt = completedAt.get(sceneId);
        if (onMap != null) {
          onMap.accept(mapAt);
        }
      }
      if (mapAt != null) {
        for (ConsumerRecord<String, byte[]> r : versions) {
          RegionMapUpdated u = (RegionMapUpdated) inbound.decode(r);
          String id = sceneId;
          if (u.members().stream().anyMatch(m -> m.sceneId().equals(id))) {
            return new Followed(
                sceneId, mapAt, u, Instant.ofEpochMilli(r.timestamp()), r.partition());
          }
        }
      }
    }
    throw new IllegalStateException(
        key + ": no region version holding it within " + TRIAL_TIMEOUT.toMinutes() + " min");
  }

  /** The inference worker whose {@code /status} lists {@code partition}, asked for up to 60 s. */
  private Optional<String> owner(int partition) {
    Instant deadline = Instant.now().plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      launcher.supervise(Instant.now());
      List<String> owners = new ArrayList<>();
      for (ServiceSpec spec : options.platform().serviceSpecs()) {
        if (spec.module().equals("inference-worker") && owns(spec.port(), partition)) {
          owners.add(spec.name());
        }
      }
      if (owners.size() == 1) {
        return Optional.of(owners.get(0));
      }
      Demo.sleep(Duration.ofMillis(500));
    }
    return Optional.empty();
  }

  private boolean owns(int port, int partition) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() != 200) {
        return false;
      }
      for (JsonNode p : JSON.readTree(r.body()).path("regionPartitions")) {
        if (p.asInt() == partition) {
          return true;
        }
      }
      return false;
    } catch (Exception e) {
      return false;
    }
  }

  /** The region's announcements on the whole topic, read to its end offsets, checked. */
  private Result count(List<Trial> trials, double updateSeconds) {
    List<String> problems = new ArrayList<>();
    TreeMap<Integer, List<RegionMapUpdated>> byVersion = new TreeMap<>();
    for (ConsumerRecord<String, byte[]> r :
        TopicSnapshot.read(
            launcher.stack().kafkaBootstrapServers(), Topics.REGION_MAPS, Duration.ofMinutes(2))) {
      try {
        if (inbound.decode(r) instanceof RegionMapUpdated u && u.region().equals(REGION)) {
          byVersion.computeIfAbsent(u.version(), v -> new ArrayList<>()).add(u);
        }
      } catch (InvalidEventException e) {
        problems.add("an invalid record on " + Topics.REGION_MAPS + ": " + e.getMessage());
      }
    }
    Set<Set<String>> memberSets = new HashSet<>();
    int announcements = 0;
    for (Map.Entry<Integer, List<RegionMapUpdated>> v : byVersion.entrySet()) {
      announcements += v.getValue().size();
      if (v.getValue().size() != 1) {
        problems.add("v" + v.getKey() + " announced " + v.getValue().size() + " times");
      }
      RegionMapUpdated u = v.getValue().get(0);
      Set<String> members = new HashSet<>();
      u.members().forEach(m -> members.add(m.sceneId()));
      if (!memberSets.add(members)) {
        problems.add("v" + v.getKey() + " has the member set of an earlier version");
      }
      u.products().forEach((name, ref) -> checkProduct(v.getKey(), name, ref, problems));
    }
    // distinct versions, each at least 1: they are 1..n exactly when the last is n
    if (!byVersion.isEmpty() && byVersion.lastKey() != byVersion.size()) {
      problems.add("versions are not 1.." + byVersion.size() + ": " + byVersion.keySet());
    }
    checkCollection(byVersion.size(), problems);
    out.printf(
        "drill: region %s: %d versions, %d announcements, %d/%d kills mid-update%s%n",
        REGION,
        byVersion.size(),
        announcements,
        trials.stream().filter(Trial::midUpdate).count(),
        trials.size(),
        problems.isEmpty() ? "" : "; " + String.join("; ", problems));
    return new Result(trials, updateSeconds, byVersion.size(), announcements, problems);
  }

  /**
   * The product is in the store; one of the version's own (immutable, under {@code v{n}/}) with the
   * digest its announcement gives. The region's Collection is rewritten by every version: {@link
   * #checkCollection} reads what it names at the end.
   */
  private void checkProduct(int version, String name, ObjectRef ref, List<String> problems) {
    try {
      String stored = store.stat(ref.bucket(), ref.key()).ref().sha256();
      boolean own = ref.key().startsWith("regions/" + REGION + "/v" + version + "/");
      if (own && (ref.sha256() == null || !ref.sha256().equals(stored))) {
        problems.add("v" + version + " " + name + ": stored digest differs from the announced one");
      }
    } catch (RuntimeException e) {
      problems.add("v" + version + " " + name + " (" + ref.key() + ") is not readable: " + e);
    }
  }

  /** The Collection names exactly the announced versions, the last as the latest. */
  private void checkCollection(int versions, List<String> problems) {
    try {
      JsonNode c =
          JSON.readTree(
              store.read(ObjectRef.of(Buckets.MAPS, "regions/" + REGION + "/collection.json")));
      List<String> items = new ArrayList<>();
      for (JsonNode link : c.path("links")) {
        if (link.path("rel").asText().equals("item")) {
          items.add(link.path("href").asText());
        }
      }
      List<String> expected = new ArrayList<>();
      for (int v = 1; v <= versions; v++) {
        expected.add("s3://" + Buckets.MAPS + "/regions/" + REGION + "/v" + v + "/item.json");
      }
      if (!items.equals(expected) || c.path("lcz:latest_version").asInt() != versions) {
        problems.add(
            "the Collection names "
                + items.size()
                + " versions, latest "
                + c.path("lcz:latest_version").asInt()
                + ", not the "
                + versions
                + " announced");
      }
    } catch (Exception e) {
      problems.add("the region's Collection is not readable: " + e);
    }
  }
}
