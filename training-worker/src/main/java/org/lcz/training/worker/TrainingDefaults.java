package org.lcz.training.worker;

import org.lcz.events.TrainingRequested;
import org.lcz.training.architectures.Architectures;
import org.lcz.training.data.DatasetLayout;
import org.lcz.training.train.TrainingPlan;

/**
 * What a request leaves unset, and what no request sets: the schedule, augmentation, ground sample
 * distance and data set layout.
 */
public record TrainingDefaults(
    String variant,
    int epochs,
    int batchSize,
    double learningRate,
    int patience,
    long seed,
    int decayEvery,
    double decayFactor,
    boolean augment,
    double groundSampleDistance,
    DatasetLayout layout) {

  /**
   * The plan of {@code request}, its unset fields filled from here.
   *
   * @throws IllegalArgumentException naming the field if a value is out of range or unknown
   */
  public TrainingPlan plan(TrainingRequested request) {
    return new TrainingPlan(
        Architectures.variant(request.variant() == null ? variant : request.variant()),
        request.bands(),
        or(request.epochs(), epochs),
        or(request.batchSize(), batchSize),
        request.learningRate() == null ? learningRate : request.learningRate(),
        or(request.patience(), patience),
        request.seed() == null ? seed : request.seed(),
        decayEvery,
        decayFactor,
        augment);
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
