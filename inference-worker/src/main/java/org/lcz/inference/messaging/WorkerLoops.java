package org.lcz.inference.messaging;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.lcz.events.EventCodec;
import org.lcz.events.ModelPublished;
import org.lcz.inference.assembly.MapAssembler;
import org.lcz.inference.map.ActiveModel;
import org.lcz.inference.map.RasterWarmUp;
import org.lcz.inference.map.TileJob;
import org.lcz.inference.map.TileTimes;
import org.lcz.inference.model.ModelSlot;
import org.lcz.inference.region.RegionAssembler;
import org.lcz.inference.region.RegionCatalogue;
import org.lcz.inference.region.RegionFuser;
import org.lcz.inference.region.RegionRouter;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.registry.CurrentModel;
import org.lcz.registry.ModelRegistry;
import org.lcz.storage.ObjectStore;

/**
 * One inference worker's activities, wired from plain parts: the model refresher (reads {@code
 * lcz.models} every {@code refreshInterval}), the tile loop, the assembly loop and the region loops
 * (the catalogue of regions, the router of scene maps to regions, the fuser of region maps), each
 * on its own thread. The Quarkus application starts one; tests start several against the same
 * broker.
 */
public final class WorkerLoops implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(WorkerLoops.class.getName());

  /**
   * How the worker runs.
   *
   * @param source the CloudEvents source of its events, e.g. {@code /lcz/inference-worker}
   */
  public record Settings(
      String bootstrap,
      String modelName,
      double cellSize,
      String tilesGroup,
      String assemblyGroup,
      int cogBlockSize,
      Duration refreshInterval,
      Path workDir,
      URI source,
      String regionRouterGroup,
      String regionFuserGroup) {
    /** Settings whose region loops use the default groups. */
    public Settings(
        String bootstrap,
        String modelName,
        double cellSize,
        String tilesGroup,
        String assemblyGroup,
        int cogBlockSize,
        Duration refreshInterval,
        Path workDir,
        URI source) {
      this(
          bootstrap,
          modelName,
          cellSize,
          tilesGroup,
          assemblyGroup,
          cogBlockSize,
          refreshInterval,
          workDir,
          source,
          "lcz-region-router",
          "lcz-region-fuser");
    }
  }

  private final ModelSlot models;
  private final TileLoop tiles;
  private final AssemblyLoop assembly;
  private final ScheduledExecutorService refresher;
  private final EventPublisher events;
  private final DeadLetterPublisher deadLetters;
  private final Thread tileThread;
  private final Thread assemblyThread;
  private final RegionCatalogue regions;
  private final RegionRouter router;
  private final RegionFuser fuser;
  private final List<Thread> regionThreads = new ArrayList<>();

  /**
   * Starts the worker.
   *
   * @param opener opens a verified model file (ONNX Runtime in the application)
   */
  public WorkerLoops(
      Settings s, ObjectStore store, Function<CurrentModel.Loaded, ActiveModel> opener) {
    this(s, store, opener, times -> {});
  }

  /**
   * Starts the worker, telling {@code timings} where each mapped tile's time went.
   *
   * @param opener opens a verified model file (ONNX Runtime in the application)
   */
  public WorkerLoops(
      Settings s,
      ObjectStore store,
      Function<CurrentModel.Loaded, ActiveModel> opener,
      Consumer<TileTimes> timings) {
    ModelRegistry registry = new ModelRegistry(s.bootstrap());
    Path modelDir = s.workDir().resolve("models");
    models =
        new ModelSlot(
            new CurrentModel(() -> registry.current(s.modelName()), store, modelDir),
            opener,
            version -> {
              Optional<ModelPublished> p = registry.version(s.modelName(), version);
              return p.isEmpty()
                  ? Optional.empty()
                  : Optional.of(CurrentModel.fetch(p.get(), store, modelDir));
            });
    events = new EventPublisher(s.bootstrap(), s.source());
    deadLetters = new DeadLetterPublisher(s.bootstrap(), s.source().toString());
    tiles =
        new TileLoop(
            new KafkaConsumer<>(TileLoop.consumerSettings(s.bootstrap(), s.tilesGroup())),
            new InboundEvents(new EventCodec()),
            models,
            new TileJob(store, s.workDir().resolve("tiles"), s.cellSize(), timings),
            events,
            deadLetters);
    assembly =
        new AssemblyLoop(
            s.bootstrap(),
            s.assemblyGroup(),
            new MapAssembler(store, s.cellSize(), s.cogBlockSize()),
            s.source(),
            Clock.systemUTC());
    refresher = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "lcz-model-refresh"));
    refresher.scheduleWithFixedDelay(
        this::refresh, 0, s.refreshInterval().toMillis(), TimeUnit.MILLISECONDS);
    Path tileDir = s.workDir().resolve("tiles");
    tileThread =
        new Thread(
            () -> {
              try {
                RasterWarmUp.run(tileDir);
              } catch (RuntimeException e) {
                LOG.warning("raster warm-up failed (the first tile will start it): " + e);
              }
              tiles.run();
            },
            "lcz-tiles");
    assemblyThread = new Thread(assembly, "lcz-assembly");
    regions = new RegionCatalogue(s.bootstrap());
    router = new RegionRouter(s.bootstrap(), s.regionRouterGroup(), regions, store, events);
    fuser =
        new RegionFuser(
            s.bootstrap(),
            s.regionFuserGroup(),
            regions,
            new RegionAssembler(store, s.cogBlockSize(), s.workDir().resolve("regions")),
            models::version,
            s.source(),
            Clock.systemUTC());
    regionThreads.add(new Thread(regions, "lcz-regions"));
    regionThreads.add(new Thread(router, "lcz-region-router"));
    regionThreads.add(new Thread(fuser, "lcz-region-fuser"));
    tileThread.start();
    assemblyThread.start();
    regionThreads.forEach(Thread::start);
  }

  private void refresh() {
    try {
      models.refresh();
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) { // interrupted: the worker is stopping
        LOG.warning("could not read the model registry: " + e.getMessage());
      }
    }
  }

  public ModelSlot models() {
    return models;
  }

  public TileLoop tiles() {
    return tiles;
  }

  public AssemblyLoop assembly() {
    return assembly;
  }

  public RegionFuser fuser() {
    return fuser;
  }

  public RegionRouter router() {
    return router;
  }

  /**
   * Whether the tile and assembly loops run and went round within {@code limit}: false when a loop
   * thread died or hangs in a call that does not return.
   */
  public Map<String, Boolean> loopsAlive(Duration limit) {
    return Map.of(
        tiles.heartbeat().name(),
        tileThread.isAlive() && !tiles.heartbeat().stuck(limit),
        assembly.heartbeat().name(),
        assemblyThread.isAlive() && !assembly.heartbeat().stuck(limit),
        regions.heartbeat().name(),
        regionThreads.get(0).isAlive() && !regions.heartbeat().stuck(limit),
        router.heartbeat().name(),
        regionThreads.get(1).isAlive() && !router.heartbeat().stuck(limit),
        fuser.heartbeat().name(),
        regionThreads.get(2).isAlive() && !fuser.heartbeat().stuck(limit));
  }

  /** Stops the loops (each finishes the item in hand), leaves both groups and closes the model. */
  @Override
  public void close() {
    tiles.stop();
    assembly.stop();
    fuser.stop();
    router.stop();
    regions.stop();
    refresher.shutdownNow();
    try {
      tileThread.join(60_000);
      assemblyThread.join(60_000);
      for (Thread t : regionThreads) {
        t.join(60_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    events.close();
    deadLetters.close();
    models.close();
  }
}
