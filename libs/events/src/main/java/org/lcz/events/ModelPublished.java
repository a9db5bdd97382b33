package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.storage.ObjectRef;

/**
 * A trained model was stored. Key: the model name for a promoted version, so that on the compacted
 * topic the latest value per model name is the current model; {@code <name>.candidates} for a
 * version that was stored but not promoted, so that compaction never hides the current model behind
 * a candidate.
 *
 * @param model the ONNX file, with its SHA-256
 * @param card the model card {@code model.json}
 * @param promoted whether this version is now the current one
 * @param decision why it was or was not promoted, in words
 * @param oaW its weighted accuracy on the test split
 * @param championOaW the weighted accuracy of the model it was compared with; {@code null} if none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelPublished(
    @JsonProperty(required = true) int schemaVersion,
    @JsonProperty(required = true) String modelName,
    @JsonProperty(required = true) String version,
    @JsonProperty(required = true) ObjectRef model,
    @JsonProperty(required = true) ObjectRef card,
    @JsonProperty(required = true) ModelContract contract,
    @JsonProperty(required = true) boolean promoted,
    @JsonProperty(required = true) String decision,
    @JsonProperty(required = true) double oaW,
    Double championOaW,
    @JsonProperty(required = true) Instant publishedAt)
    implements LczEvent {

  public ModelPublished {
    Require.present(modelName, "modelName");
    Require.present(version, "version");
    Require.present(model, "model");
    Require.present(card, "card");
    Require.present(contract, "contract");
    Require.present(decision, "decision");
    Require.present(publishedAt, "publishedAt");
  }

  /** The key of versions that were published but not promoted: {@code <name>.candidates}. */
  public static String candidatesKey(String modelName) {
    return modelName + ".candidates";
  }

  @Override
  public String key() {
    return promoted ? modelName : candidatesKey(modelName);
  }
}
