package org.lcz.ingest.inbox;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * {@code lcz-tiles/scenes/{sceneId}/status.json}: where a scene is in ingestion. Written last, so a
 * scene with status {@code tiled} has all its tiles and its manifest stored.
 *
 * @param state {@code tiled} or {@code rejected}
 * @param source the inbox object, {@code s3://…}
 * @param tiles tile count when tiled
 * @param reason why it was rejected
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneStatus(
    String sceneId, String state, String source, Integer tiles, String reason, Instant at) {
  public static final String TILED = "tiled";
  public static final String REJECTED = "rejected";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  /** The status object's key in {@code lcz-tiles}. */
  public static String key(String sceneId) {
    return "scenes/" + sceneId + "/status.json";
  }

  public byte[] toJson() {
    try {
      return JSON.writeValueAsBytes(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static SceneStatus read(byte[] json) {
    try {
      return JSON.readValue(json, SceneStatus.class);
    } catch (IOException e) {
      throw new UncheckedIOException("not a scene status: " + e.getMessage(), e);
    }
  }
}
