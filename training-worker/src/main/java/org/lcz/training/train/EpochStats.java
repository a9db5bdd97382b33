package org.lcz.training.train;

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
    double etaSeconds) {}
