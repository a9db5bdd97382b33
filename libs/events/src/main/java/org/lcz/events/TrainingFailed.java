package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A training run ended without a model; {@code reason} says why. Key: the run id. */
public record TrainingFailed(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String runId,
    @JsonProperty(required = true) String reason,
    @JsonProperty(required = true) Instant failedAt)
    implements LczEvent {

  public TrainingFailed {
    Require.present(runId, "runId");
    Require.present(reason, "reason");
    Require.present(failedAt, "failedAt");
  }

  public TrainingFailed(String runId, String reason, Instant failedAt) {
    this(CURRENT_SCHEMA_VERSION, runId, reason, failedAt);
  }

  @Override
  public String key() {
    return runId;
  }
}
