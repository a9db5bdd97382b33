package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a newly trained model may replace the current one. */
public enum Promotion {
  /** Only when its weighted accuracy on the test split is not lower than the current model's. */
  IF_BETTER("if-better"),
  /** Always, whatever its accuracy. */
  ALWAYS("always");

  private final String json;

  Promotion(String json) {
    this.json = json;
  }

  /** The JSON spelling: {@code if-better} or {@code always}. */
  @JsonValue
  public String json() {
    return json;
  }
}
