package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;
import org.lcz.contract.Radiometry;
import org.lcz.storage.ObjectRef;

/**
 * Someone asked for a model to be trained. Key: the run id. Optional fields are {@code null} when
 * the request leaves them to the worker's configured defaults.
 *
 * @param variant the architecture, e.g. {@code msmla-18} or {@code msmla-50}
 * @param trainData HDF5 patch data set to train on; absent only when {@code trainingAreas} is
 *     given, in which case ingest builds the data sets and sends the request again with them
 * @param validationData HDF5 data set for model selection; optional
 * @param testData HDF5 data set for the final evaluation; optional
 * @param bands input band names in order; optional (all bands of the data set)
 * @param radiometry the training data's radiometry in {@link org.lcz.contract.Radiometry#parse
 *     short form} ({@code fraction}, {@code x10000}, {@code +offset}); optional (detected from the
 *     values and recorded in the model contract)
 * @param promote whether the result replaces the current model; optional ({@code if-better})
 * @param trainingAreas WUDAPT training areas and the scenes to sample them from (schema version 2);
 *     kept in the request that carries the data sets built from them, as their provenance
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainingRequested(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String runId,
    @JsonProperty(required = true) String variant,
    ObjectRef trainData,
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
    @JsonProperty(required = true) Instant requestedAt,
    TrainingAreas trainingAreas)
    implements LczEvent {

  /** The newest schema: 2 added {@code trainingAreas} and made {@code trainData} optional. */
  public static final int SCHEMA_VERSION = 2;

  /**
   * How an architecture variant is named ({@code msmla-18}, {@code sen2lcz-net-mf}): lower-case
   * letters, digits, dots and dashes. Which variants exist is for the training worker's registry to
   * say; a request naming one it does not know ends as TrainingFailed listing those it knows.
   */
  public static final String VARIANT_FORM = "[a-z0-9][a-z0-9.-]{0,39}";

  /** Whether {@code variant} has the form of a variant's name (see {@link #VARIANT_FORM}). */
  public static boolean wellFormedVariant(String variant) {
    return variant != null && variant.matches(VARIANT_FORM);
  }

  public TrainingRequested {
    Require.present(runId, "runId");
    Require.present(variant, "variant");
    if (trainData == null && trainingAreas == null) {
      throw new IllegalArgumentException("trainData or trainingAreas is required");
    }
    Require.present(requestedAt, "requestedAt");
    bands = bands == null ? null : List.copyOf(bands);
    if (radiometry != null) {
      Radiometry.parse(radiometry); // refuses an unknown form by name
    }
  }

  /** Whether the data sets are still to be built from training areas (by ingest). */
  @com.fasterxml.jackson.annotation.JsonIgnore
  public boolean awaitsDataSets() {
    return trainData == null;
  }

  /** This request with the data sets built from its training areas. */
  public TrainingRequested withDataSets(ObjectRef train, ObjectRef validation, ObjectRef test) {
    return copy(train, validation, test, trainingAreas);
  }

  /** This request with {@code areas} to build its data sets from. */
  public TrainingRequested with(TrainingAreas areas) {
    return copy(trainData, validationData, testData, areas);
  }

  private TrainingRequested copy(
      ObjectRef train, ObjectRef validation, ObjectRef test, TrainingAreas areas) {
    return new TrainingRequested(
        SCHEMA_VERSION,
        runId,
        variant,
        train,
        validation,
        test,
        bands,
        radiometry,
        epochs,
        batchSize,
        learningRate,
        patience,
        seed,
        promote,
        requestedAt,
        areas);
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
        requestedAt,
        null);
  }

  @Override
  public String key() {
    return runId;
  }
}
