package org.lcz.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** Defaults for training requests that leave a hyper-parameter unset, and where work happens. */
@ConfigMapping(prefix = "lcz.training")
public interface TrainingConfig {
  /** Folder for downloaded data sets and checkpoints. */
  @WithDefault("${java.io.tmpdir}/lcz-training")
  Path workDir();

  /** Architecture when the request names none. */
  @WithDefault("msmla-18")
  String defaultVariant();

  /** Most epochs when the request says nothing. */
  @WithDefault("60")
  int defaultEpochs();

  /** Batch size when the request says nothing (the reference uses 32). */
  @WithDefault("32")
  int defaultBatchSize();

  /** Initial learning rate when the request says nothing. */
  @WithDefault("0.002")
  double defaultLearningRate();

  /** Early-stopping patience in epochs when the request says nothing (the reference uses 15). */
  @WithDefault("15")
  int defaultPatience();
}
