package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One training epoch finished. Key: the run id.
 *
 * @param epoch the epoch just finished, from 1
 * @param epochs the most epochs the run will train (early stopping may end it sooner)
 * @param trainOa overall accuracy on the training batches of this epoch
 * @param validationOa overall accuracy on the validation split
 * @param etaSeconds estimated seconds until the last epoch ends
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
    @JsonProperty(required = true) double etaSeconds)
    implements LczEvent {

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
      double etaSeconds) {
    this(
        CURRENT_SCHEMA_VERSION,
        runId,
        epoch,
        epochs,
        loss,
        trainOa,
        validationOa,
        learningRate,
        samplesPerSecond,
        etaSeconds);
  }

  @Override
  public String key() {
    return runId;
  }
}
