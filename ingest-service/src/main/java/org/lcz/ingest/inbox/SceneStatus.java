package org.lcz.ingest.inbox;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * {@code lcz-tiles/status/{sceneId}.json}: where a scene is in ingestion. {@code received} when the
 * object is known, {@code tiling} while tiles are cut, then {@code tiled} (written after every
 * tile, the manifest and every event) or {@code rejected}. All statuses sit under one prefix, so
 * listing scenes does not list their tiles.
 *
 * @param state {@code received}, {@code tiling}, {@code tiled} or {@code rejected}
 * @param source the inbox object, {@code s3://…}
 * @param etag the inbox object's entity tag
 * @param tiles tile count when tiled
 * @param manifest the tile manifest's key in {@code lcz-tiles} when tiled
 * @param reason why it was rejected
 * @param attempts how many tiling attempts started (an attempt cut short by a crash or an outage is
 *     retried, a bounded number of times)
 * @param receivedAt when the object was first seen
 * @param at when this state was reached
 * @param notes what ingestion found while tiling that a person should know: how the radiometry was
 *     told (detected, or a declaration corrected), how much was masked, a reprojection
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SceneStatus(
    String sceneId,
    String state,
    String source,
    String etag,
    Integer tiles,
    String manifest,
    String reason,
    int attempts,
    Instant receivedAt,
    Instant at,
    List<String> notes) {
  public static final String RECEIVED = "received";
  public static final String TILING = "tiling";
  public static final String TILED = "tiled";
  public static final String REJECTED = "rejected";

  /** Where statuses are kept in {@code lcz-tiles}. */
  public static final String PREFIX = "status/";

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  /** The status object's key in {@code lcz-tiles}. */
  public static String key(String sceneId) {
    return PREFIX + sceneId + ".json";
  }

  /** Whether ingestion of this scene has ended (tiled or rejected). */
  @JsonIgnore
  public boolean finished() {
    return TILED.equals(state) || REJECTED.equals(state);
  }

  /** The same scene, now in {@code newState}. */
  public SceneStatus next(String newState, Instant when) {
    return new SceneStatus(
        sceneId,
        newState,
        source,
        etag,
        tiles,
        manifest,
        reason,
        attempts,
        receivedAt,
        when,
        notes);
  }

  /** Still {@code received}, with a note of what it waits for. */
  public SceneStatus waiting(String note, Instant when) {
    return new SceneStatus(
        sceneId, RECEIVED, source, etag, null, null, note, attempts, receivedAt, when, null);
  }

  /** A new tiling attempt starts. */
  public SceneStatus tiling(Instant when) {
    return new SceneStatus(
        sceneId, TILING, source, etag, null, null, null, attempts + 1, receivedAt, when, null);
  }

  /** Tiled into {@code tileCount} tiles, listed in the manifest at {@code manifestKey}. */
  public SceneStatus tiled(int tileCount, String manifestKey, Instant when) {
    return tiled(tileCount, manifestKey, List.of(), when);
  }

  /** Tiled, with what ingestion noted on the way. */
  public SceneStatus tiled(int tileCount, String manifestKey, List<String> notes, Instant when) {
    return new SceneStatus(
        sceneId,
        TILED,
        source,
        etag,
        tileCount,
        manifestKey,
        null,
        attempts,
        receivedAt,
        when,
        notes == null || notes.isEmpty() ? null : List.copyOf(notes));
  }

  /** Rejected for {@code why}. */
  public SceneStatus rejected(String why, Instant when) {
    return new SceneStatus(
        sceneId, REJECTED, source, etag, null, null, why, attempts, receivedAt, when, null);
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
