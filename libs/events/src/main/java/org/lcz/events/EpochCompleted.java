package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One training epoch finished. Key: the run id.
 *
 * @param epoch the epoch just finished, from 1
 * @param epochs the most epochs the run will train (early stopping may end it sooner)
 * @param trainOa overall accuracy on the training batches of this epoch
 * @param validationOa overall accuracy on the validation split
 * @param etaSeconds estimated seconds until the last epoch ends
 * @param batchSize patches per training step (schema version 2; absent in version 1): the one asked
 *     for, or the training set's size when the set was smaller and the request left it open
 */
public record EpochCompleted(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String runId,
    @JsonProperty(required = true) int epoch,
    @JsonProperty(required = true) int epochs,
    @JsonProperty(required = true) double loss,
    @JsonProperty(required = true) double trainOa,
    @JsonProperty(required = true) double validationOa,
    @JsonProperty(required = true) double learningRate,
    @JsonProperty(required = true) double samplesPerSecond,
    @JsonProperty(required = true) double etaSeconds,
    @JsonInclude(JsonInclude.Include.NON_NULL) Integer batchSize)
    implements LczEvent {

  /** The payload version this code writes. */
  public static final int SCHEMA_VERSION = 2;

  public EpochCompleted {
    Require.present(runId, "runId");
    Require.atLeast(epoch, 1, "epoch");
    Require.atLeast(epochs, epoch, "epochs");
  }

  public EpochCompleted(
      String runId,
      int epoch,
      int epochs,
      double loss,
      double trainOa,
      double validationOa,
      double learningRate,
      double samplesPerSecond,
      double etaSeconds,
      Integer batchSize) {
    this(
        SCHEMA_VERSION,
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

  @Override
  public String key() {
    return runId;
  }
}
