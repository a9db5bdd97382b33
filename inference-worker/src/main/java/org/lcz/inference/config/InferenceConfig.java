package org.lcz.inference.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How tiles are mapped: the model to use, the output grid, and how hard to work. */
@ConfigMapping(prefix = "lcz.inference")
public interface InferenceConfig {
  /** Name of the model (key on the models topic) whose current version maps tiles. */
  @WithDefault("msmla")
  String modelName();

  /** Output cell edge in metres (the LCZ convention is 100 m). */
  @WithDefault("100")
  double cellSize();

  /** Patches per inference batch. */
  @WithDefault("256")
  int batchSize();

  /** Threads ONNX Runtime uses inside one operator. */
  @WithDefault("2")
  int intraOpThreads();
}
