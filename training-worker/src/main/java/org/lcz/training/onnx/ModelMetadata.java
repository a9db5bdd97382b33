package org.lcz.training.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lcz.events.ModelContract;

/**
 * The model contract as ONNX {@code metadata_props}: the whole contract as JSON under {@value
 * #CONTRACT}, and its fields under their own keys for people and tools that read one value.
 */
public final class ModelMetadata {
  /** Key of the complete contract (JSON, the same record as in {@code model.json}). */
  public static final String CONTRACT = ModelContract.METADATA_KEY;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private ModelMetadata() {}

  /** The metadata entries of {@code contract}, in a stable order. */
  public static Map<String, String> of(ModelContract contract) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(CONTRACT, json(contract));
    m.put("architecture", contract.architecture());
    m.put("version", contract.version());
    m.put("created_at", contract.createdAt().toString());
    m.put("bands", String.join(",", contract.bands()));
    m.put("patch_size", Integer.toString(contract.patchSize()));
    m.put("ground_sample_distance", Double.toString(contract.groundSampleDistance()));
    m.put("band_means", join(contract.bandMeans()));
    m.put("band_stds", join(contract.bandStds()));
    m.put("class_values", join(contract.classValues()));
    m.put("class_codes", String.join(",", contract.classCodes()));
    if (contract.dataset() != null) {
      m.put("dataset", contract.dataset().uri());
      if (contract.dataset().sha256() != null) {
        m.put("dataset_sha256", contract.dataset().sha256());
      }
    }
    if (contract.measures() != null) {
      m.put("measures", json(contract.measures()));
    }
    return m;
  }

  /** The contract stored in metadata written by {@link #of}. */
  public static ModelContract contract(Map<String, String> metadata) {
    return ModelContract.fromMetadata(metadata);
  }

  private static String join(List<? extends Number> values) {
    return values.stream().map(String::valueOf).collect(Collectors.joining(","));
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
