package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.lcz.contract.Radiometry;
import org.lcz.storage.ObjectRef;

/**
 * What a model needs from its inputs and what it was measured to do: carried in the ONNX model's
 * metadata, mirrored in {@code model.json} and in {@link ModelPublished}. Inference matches scene
 * bands to {@link #bands} by name.
 *
 * @param architecture e.g. {@code MSMLA-18}
 * @param bands input band names, in the model's channel order
 * @param patchSize patch edge in pixels
 * @param groundSampleDistance metres per pixel the model was trained at
 * @param radiometry the radiometry of the reflectance bands it was trained on ({@code null} only in
 *     contracts written before radiometry was recorded: such a model is refused)
 * @param bandMeans per-band mean subtracted before inference, in band order
 * @param bandStds per-band standard deviation divided by, in band order
 * @param classValues map values (1–17) of the model's outputs, in output order
 * @param classCodes LCZ codes of the outputs, in output order
 * @param dataset the training data set
 * @param measures evaluation measures on the test split, by name (e.g. {@code oa}, {@code oaW})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelContract(
    @JsonProperty(required = true) String architecture,
    @JsonProperty(required = true) List<String> bands,
    @JsonProperty(required = true) int patchSize,
    @JsonProperty(required = true) double groundSampleDistance,
    Radiometry radiometry,
    @JsonProperty(required = true) List<Double> bandMeans,
    @JsonProperty(required = true) List<Double> bandStds,
    @JsonProperty(required = true) List<Integer> classValues,
    @JsonProperty(required = true) List<String> classCodes,
    ObjectRef dataset,
    Map<String, Double> measures,
    @JsonProperty(required = true) String version,
    @JsonProperty(required = true) Instant createdAt) {

  /** The ONNX {@code metadata_props} key under which a model carries its whole contract (JSON). */
  public static final String METADATA_KEY = "lcz.model_contract";

  private static final ObjectMapper JSON =
      JsonMapper.builder().addModule(new JavaTimeModule()).build();

  /**
   * The contract in an ONNX model's metadata.
   *
   * @throws IllegalArgumentException if there is none or it cannot be read
   */
  public static ModelContract fromMetadata(Map<String, String> metadata) {
    String json = metadata.get(METADATA_KEY);
    if (json == null) {
      throw new IllegalArgumentException("the model has no " + METADATA_KEY + " metadata");
    }
    try {
      return JSON.readValue(json, ModelContract.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("unreadable " + METADATA_KEY + ": " + e.getMessage(), e);
    }
  }

  public ModelContract {
    Require.present(architecture, "architecture");
    bands = List.copyOf(Require.present(bands, "bands"));
    Require.atLeast(patchSize, 1, "patchSize");
    bandMeans = List.copyOf(Require.present(bandMeans, "bandMeans"));
    bandStds = List.copyOf(Require.present(bandStds, "bandStds"));
    classValues = List.copyOf(Require.present(classValues, "classValues"));
    classCodes = List.copyOf(Require.present(classCodes, "classCodes"));
    measures = measures == null ? null : Map.copyOf(measures);
    Require.present(version, "version");
    Require.present(createdAt, "createdAt");
    if (bandMeans.size() != bands.size() || bandStds.size() != bands.size()) {
      throw new IllegalArgumentException(
          "bandMeans and bandStds need one value per band ("
              + bands.size()
              + "), have "
              + bandMeans.size()
              + " and "
              + bandStds.size());
    }
    if (classCodes.size() != classValues.size()) {
      throw new IllegalArgumentException(
          "classCodes and classValues differ in length: "
              + classCodes.size()
              + " vs "
              + classValues.size());
    }
  }
}
