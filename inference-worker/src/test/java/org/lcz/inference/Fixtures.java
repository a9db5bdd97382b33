package org.lcz.inference;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.lcz.events.EventCodec;
import org.lcz.events.LczEvent;
import org.lcz.events.ModelPublished;
import org.lcz.events.Promotion;
import org.lcz.events.TrainingRequested;
import org.lcz.ingest.tiling.SceneTiler;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.TopicSnapshot;
import org.lcz.registry.ModelRegistry;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.training.LearnableSets;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.worker.TrainingDefaults;
import org.lcz.training.worker.TrainingJob;
import org.lcz.training.worker.TrainingJobTest;

/**
 * Real inputs for the inference tests: a model trained and published by the training worker's own
 * job, scenes written by GDAL and tiled by the ingest service's tiler.
 */
public final class Fixtures {
  /** Band names of the scenes and of the learnable sets' models. */
  public static final List<String> BANDS =
      List.of("B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B11", "B12");

  private static ModelPublished shared;

  private Fixtures() {}

  /** One trained model per test JVM, published on first use. */
  public static synchronized ModelPublished sharedModel(String bootstrap, ObjectStore store)
      throws Exception {
    if (shared == null) {
      shared = trainAndPublish(bootstrap, store, Files.createTempDirectory("inference-model"), 11);
    }
    return shared;
  }

  /**
   * Trains MSMLA-18 two epochs on the learnable sets (16-px patches) and publishes it, promoted.
   */
  public static ModelPublished trainAndPublish(
      String bootstrap, ObjectStore store, Path work, long seed) throws Exception {
    Path sets = Files.createDirectories(work.resolve("sets-" + seed));
    LearnableSets.write(sets);
    return trainAndPublish(bootstrap, store, work, seed, sets);
  }

  /** Trains MSMLA-18 two epochs on the sets in {@code sets} and publishes it, promoted. */
  public static ModelPublished trainAndPublish(
      String bootstrap, ObjectStore store, Path work, long seed, Path sets) throws Exception {
    return trainAndPublish(bootstrap, store, work, seed, sets, "msmla");
  }

  /**
   * Trains MSMLA-18 two epochs on the learnable sets and publishes it, promoted, under {@code
   * modelName} (a name of its own leaves the shared model current for the other tests).
   */
  public static ModelPublished trainAndPublish(
      String bootstrap, ObjectStore store, Path work, long seed, String modelName)
      throws Exception {
    Path sets = Files.createDirectories(work.resolve("sets-" + seed));
    LearnableSets.write(sets);
    return trainAndPublish(bootstrap, store, work, seed, sets, modelName);
  }

  /** {@code published} under another model name, as its own training would have sent it. */
  public static ModelPublished named(ModelPublished published, String modelName) {
    return new ModelPublished(
        published.schemaVersion(),
        modelName,
        published.version(),
        published.model(),
        published.card(),
        published.contract(),
        published.promoted(),
        published.decision(),
        published.oaW(),
        published.championOaW(),
        published.publishedAt());
  }

  private static ModelPublished trainAndPublish(
      String bootstrap, ObjectStore store, Path work, long seed, Path sets, String modelName)
      throws Exception {
    String prefix = "inference-it-" + UUID.randomUUID() + "/";
    ObjectRef train =
        store.put(
            Buckets.DATASETS, prefix + "train.h5", sets.resolve("train.h5"), "application/x-hdf5");
    ObjectRef val =
        store.put(
            Buckets.DATASETS, prefix + "val.h5", sets.resolve("val.h5"), "application/x-hdf5");
    ObjectRef test =
        store.put(
            Buckets.DATASETS, prefix + "test.h5", sets.resolve("test.h5"), "application/x-hdf5");
    TrainingDefaults defaults =
        new TrainingDefaults(
            "msmla-18", 2, 32, 0.002, 5, seed, 10, 0.5, true, 10, DatasetLayout.MSMLA);
    ModelRegistry registry = new ModelRegistry(bootstrap);
    try (EventPublisher publisher = new EventPublisher(bootstrap, URI.create("/lcz/it/training"))) {
      TrainingJob job =
          new TrainingJob(
              store,
              e ->
                  publisher.publishAndWait(
                      e instanceof ModelPublished m ? named(m, modelName) : e,
                      Duration.ofSeconds(30)),
              defaults,
              work.resolve("runs-" + seed),
              Clock.systemUTC(),
              registry::current);
      TrainingRequested request =
          TrainingJobTest.request(prefix + "run", train, val, test, seed, Promotion.ALWAYS);
      if (job.handle(request) != TrainingJob.Result.TRAINED) {
        throw new IllegalStateException("the fixture model did not train");
      }
    }
    return registry.current(modelName).orElseThrow();
  }

  /** A GDAL-written scene of six class stripes, {@code width × height} pixels of 10 m. */
  public static Path scene(Path dir, int width, int height, int seed) throws Exception {
    Path script = dir.resolve("make_map_scene.py");
    if (!Files.exists(script)) {
      try (InputStream in = Fixtures.class.getResourceAsStream("make_map_scene.py")) {
        Files.copy(in, script);
      }
    }
    Path out = dir.resolve("scene-" + width + "x" + height + "-" + seed + ".tif");
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3",
                script.toString(),
                out.toString(),
                "" + width,
                "" + height,
                "" + seed)
            .inheritIO()
            .start();
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("make_map_scene.py failed (is python3-gdal installed?)");
    }
    return out;
  }

  /** Tiles {@code scene} as the ingest service does and stores the tiles and the manifest. */
  public static SceneTiler.Result tile(
      ObjectStore store, String sceneId, Path scene, int tileSize, int halo) {
    return new SceneTiler(store, new SceneTiler.Settings(BANDS, 10, tileSize, halo))
        .tile(sceneId, scene);
  }

  /** Every event of {@code type} on {@code topic} with key {@code key}, in order. */
  public static <E extends LczEvent> List<E> events(
      String bootstrap, String topic, String key, Class<E> type) {
    InboundEvents inbound = new InboundEvents(new EventCodec());
    List<E> out = new ArrayList<>();
    TopicSnapshot.read(bootstrap, topic, key, Duration.ofSeconds(30))
        .forEach(
            r -> {
              LczEvent e = inbound.decode(r);
              if (type.isInstance(e)) {
                out.add(type.cast(e));
              }
            });
    return out;
  }
}
