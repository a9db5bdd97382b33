package org.lcz.training.train;

import java.util.Locale;
import org.lcz.events.EpochCompleted;

/**
 * What one epoch measured.
 *
 * @param epoch from 1
 * @param epochs the most epochs the run will train
 * @param loss mean training loss over the epoch's batches
 * @param trainOa overall accuracy of the training predictions (augmented, training mode)
 * @param validationOa overall accuracy on the validation set (inference mode)
 * @param learningRate the rate used in this epoch
 * @param samplesPerSecond training patches per second (forward, backward, update)
 * @param seconds the epoch's wall time, validation included
 * @param etaSeconds estimated seconds until the last epoch ends
 */
public record EpochStats(
    int epoch,
    int epochs,
    double loss,
    double trainOa,
    double validationOa,
    double learningRate,
    double samplesPerSecond,
    double seconds,
    double etaSeconds,
    int batchSize) {

  /** One line for people: {@code epoch 3/20 loss 0.5321 train OA … ETA 112 s}. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "epoch %d/%d  loss %.4f  train OA %.4f  val OA %.4f  lr %.2e  %.0f patches/s  %.0f s"
            + "  ETA %.0f s",
        epoch,
        epochs,
        loss,
        trainOa,
        validationOa,
        learningRate,
        samplesPerSecond,
        seconds,
        etaSeconds);
  }

  /** The EpochCompleted event of this epoch in run {@code runId}. */
  public EpochCompleted toEvent(String runId) {
    return new EpochCompleted(
        runId,
        epoch,
        epochs,
        loss,
        trainOa,
        validationOa,
        learningRate,
        samplesPerSecond,
        etaSeconds,
        batchSize);
  }
}
