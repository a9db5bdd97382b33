package org.lcz.training.train;

import ai.djl.training.tracker.Tracker;

/**
 * The plan's step decay as a DJL learning-rate tracker: stateless, it derives the epoch from the
 * update count, so a value asked for twice is the same value.
 */
final class StepDecay implements Tracker {
  private final TrainingPlan plan;
  private final int stepsPerEpoch;

  StepDecay(TrainingPlan plan, int stepsPerEpoch) {
    if (stepsPerEpoch < 1) {
      throw new IllegalArgumentException("stepsPerEpoch must be at least 1");
    }
    this.plan = plan;
    this.stepsPerEpoch = stepsPerEpoch;
  }

  @Override
  public float getNewValue(int numUpdate) {
    // DJL counts updates from 1
    int epoch = Math.max(0, numUpdate - 1) / stepsPerEpoch + 1;
    return (float) plan.learningRateAt(epoch);
  }
}
