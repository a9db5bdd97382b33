package org.lcz.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.lcz.common.storage.ObjectRef;

/**
 * Someone asked for a model to be trained. Key: the run id. Optional fields are {@code null} when
 * the request leaves them to the worker's configured defaults.
 *
 * @param variant the architecture, e.g. {@code msmla-18} or {@code msmla-50}
 * @param trainData HDF5 patch data set to train on
 * @param validationData HDF5 data set for model selection; optional
 * @param testData HDF5 data set for the final evaluation; optional
 * @param bands input band names in order; optional (all bands of the data set)
 * @param radiometry the training data's radiometry in {@link
 *     org.lcz.common.preprocess.Radiometry#parse short form} ({@code fraction}, {@code x10000},
 *     {@code +offset}); optional (detected from the values and recorded in the model contract)
 * @param promote whether the result replaces the current model; optional ({@code if-better})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingRequested(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String runId,
    @JsonProperty(required = true) String variant,
    @JsonProperty(required = true) ObjectRef trainData,
    ObjectRef validationData,
    ObjectRef testData,
    List<String> bands,
    String radiometry,
    Integer epochs,
    Integer batchSize,
    Double learningRate,
    Integer patience,
    Long seed,
    Promotion promote,
    @JsonProperty(required = true) Instant requestedAt)
    implements LczEvent {

  /** The architectures a training worker builds (the worker's own list is tested against it). */
  public static final List<String> VARIANTS = List.of("msmla-18", "msmla-50");

  public TrainingRequested {
    Require.present(runId, "runId");
    Require.present(variant, "variant");
    Require.present(trainData, "trainData");
    Require.present(requestedAt, "requestedAt");
    bands = bands == null ? null : List.copyOf(bands);
    if (radiometry != null) {
      org.lcz.common.preprocess.Radiometry.parse(radiometry); // refuses an unknown form by name
    }
  }

  /** A request with only the required fields; every hyper-parameter left to the worker. */
  public static TrainingRequested minimal(
      String runId, String variant, ObjectRef trainData, Instant requestedAt) {
    return new TrainingRequested(
        CURRENT_SCHEMA_VERSION,
        runId,
        variant,
        trainData,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        requestedAt);
  }

  @Override
  public String key() {
    return runId;
  }
}
