package org.lcz.training.train;

/** Hears how a training run progresses; calls come from the training thread. */
public interface TrainingListener {
  /** A training step finished: batch {@code batch} of {@code batches} (from 1) in {@code epoch}. */
  default void onBatch(int epoch, int batch, int batches, double meanLoss) {}

  /** An epoch finished, validation included. */
  default void onEpoch(EpochStats stats) {}

  /** A message for the person or log watching (device choice, early stop…). */
  default void onNote(String message) {}
}
