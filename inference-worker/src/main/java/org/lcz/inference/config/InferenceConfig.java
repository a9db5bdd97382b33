package org.lcz.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.lcz.inference.model.DevicePreference;

/** How tiles are mapped: the model to use, the output grid, and how hard to work. */
@ConfigMapping(prefix = "lcz.inference")
public interface InferenceConfig {
  /** Name of the model (key on the models topic) whose current version maps tiles. */
  @WithDefault("msmla")
  String modelName();

  /** Output cell edge in metres (the LCZ convention is 100 m). */
  @WithDefault("100")
  double cellSize();

  /** Patches per inference batch (64 was fastest here for MSMLA; docs/benchmarks.md). */
  @WithDefault("64")
  int batchSize();

  /** Threads ONNX Runtime uses inside one operator. */
  @WithDefault("2")
  int intraOpThreads();

  /** Where models run: {@code auto} (a GPU when visible), {@code cpu} or {@code gpu}. */
  @WithDefault("auto")
  DevicePreference device();

  /**
   * A folder holding ONNX Runtime's native libraries, extracted beforehand (the {@code gpu} build
   * does this); when unset they are extracted from the jar at start.
   */
  Optional<Path> onnxruntimeNativePath();

  /** Consumer group of the tile consumers (every inference worker joins it). */
  @WithDefault("lcz-inference")
  String tilesGroup();

  /** Consumer group that shares out scene assembly by partition of the maps topic. */
  @WithDefault("lcz-inference-assembly")
  String assemblyGroup();

  /** Internal tile edge of the scene COGs; overviews are added until one fits in a tile. */
  @WithDefault("256")
  int cogBlockSize();

  /** How often the models topic is read for a newly promoted version. */
  @WithDefault("10s")
  Duration modelRefreshInterval();

  /**
   * How long the tile or assembly loop may go without a round (a poll) before the worker's liveness
   * reports it stuck (a tile takes seconds; an unreachable store is retried at most every 30 s).
   */
  @WithDefault("10m")
  Duration stuckAfter();

  /** Where tiles and model files are kept while in use. */
  @WithDefault("${java.io.tmpdir}/lcz-inference")
  Path workDir();
}
