package org.lcz.training.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import org.lcz.contract.Sensors;

/** Defaults for training requests that leave a hyper-parameter unset, and where work happens. */
@ConfigMapping(prefix = "lcz.training")
public interface TrainingConfig {
  /** Folder for downloaded data sets and checkpoints (emptied after each run). */
  @WithDefault("${java.io.tmpdir}/lcz-training")
  Path workDir();

  /** Consumer group of the training workers on {@code lcz.training.requests}. */
  @WithDefault("training-worker")
  String groupId();

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

  /** Seed when the request says nothing. */
  @WithDefault("42")
  long defaultSeed();

  /** Epochs between learning-rate decays. */
  @WithDefault("10")
  int decayEvery();

  /** What each decay multiplies the learning rate by. */
  @WithDefault("0.5")
  double decayFactor();

  /** Whether training patches are randomly flipped and rotated. */
  @WithDefault("true")
  boolean augment();

  /**
   * Repeats of the bootstrap over the held-out training areas reported in the card (sets built from
   * training areas only); the LCZ Generator splits 25 times.
   */
  @WithDefault("25")
  int areaRepeats();

  /** Metres per pixel of the training patches (goes into the model contract). */
  @WithDefault("10")
  double groundSampleDistance();

  /** Where data set files keep their images and labels, and their band names. */
  Dataset dataset();

  /** The HDF5 layout of training data sets. */
  interface Dataset {
    /** The N×H×W×C image dataset. */
    @WithDefault("sen2")
    String imageKey();

    /** The N×17 one-hot label dataset. */
    @WithDefault("label")
    String labelKey();

    /** Names of the image channels, in file order (default: the ten Sentinel-2 bands). */
    @WithDefault(Sensors.DEFAULT_BANDS)
    List<String> bandNames();
  }
}
