package org.lcz.inference;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.lcz.inference.config.InferenceConfig;
import org.lcz.inference.messaging.WorkerLoops;
import org.lcz.inference.model.ComputeDevice;
import org.lcz.inference.model.ModelOpener;
import org.lcz.inference.model.OnnxRuntimeNatives;
import org.lcz.storage.ObjectStore;

/**
 * Starts the worker's three activities at start-up and stops them at shutdown: the model refresher
 * (reads {@code lcz.models} every {@code model-refresh-interval}), the tile loop and the assembly
 * loop (each on its own thread).
 */
@ApplicationScoped
public class InferenceWorker {
  private static final Logger LOG = Logger.getLogger(InferenceWorker.class);

  private WorkerLoops loops;
  private ComputeDevice device;

  void onStart(
      @Observes StartupEvent event,
      InferenceConfig config,
      ObjectStore store,
      TileMetrics metrics,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
      @ConfigProperty(name = "quarkus.application.name") String application) {
    String natives = OnnxRuntimeNatives.configure(config.onnxruntimeNativePath());
    device = ModelOpener.decide(config.device());
    LOG.infof(
        "inference: model '%s', %.0f m cells, batch %d, %d threads; ONNX Runtime (natives %s) on"
            + " the %s",
        config.modelName(),
        config.cellSize(),
        config.batchSize(),
        config.intraOpThreads(),
        natives,
        device.reason());
    loops =
        new WorkerLoops(
            new WorkerLoops.Settings(
                bootstrap,
                config.modelName(),
                config.cellSize(),
                config.tilesGroup(),
                config.assemblyGroup(),
                config.cogBlockSize(),
                config.modelRefreshInterval(),
                config.workDir(),
                URI.create("/lcz/" + application)),
            store,
            new ModelOpener(device, config.batchSize(), config.intraOpThreads()),
            metrics::record);
  }

  void onStop(@Observes ShutdownEvent event) {
    if (loops != null) {
      loops.close();
    }
  }

  /** The worker's loops (null before start-up finished). */
  WorkerLoops loops() {
    return loops;
  }

  /**
   * Whether each loop runs and went round within {@code limit} (empty before start-up finished).
   */
  public Map<String, Boolean> loopsAlive(Duration limit) {
    return loops == null ? Map.of() : loops.loopsAlive(limit);
  }

  /** What the worker is doing, for the status endpoint. */
  public WorkerStatus status() {
    if (loops == null) {
      return new WorkerStatus(
          null, device == null ? null : device.reason(), false, 0, 0, 0, List.of(), null);
    }
    return new WorkerStatus(
        loops.models().version().orElse(null),
        device.reason(),
        loops.tiles().isSubscribed(),
        loops.tiles().mapped(),
        loops.assembly().completed(),
        loops.fuser().versions(),
        loops.fuser().partitions().stream().sorted().toList(),
        loops.models().problem().orElse(null));
  }
}
