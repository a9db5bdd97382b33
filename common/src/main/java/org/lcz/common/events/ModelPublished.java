package org.lcz.common.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.lcz.common.storage.ObjectRef;

/**
 * A trained model was stored; on the compacted topic its latest value per model name tells
 * consumers which version is current. Key: the model name.
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

  @Override
  public String key() {
    return modelName;
  }
}
