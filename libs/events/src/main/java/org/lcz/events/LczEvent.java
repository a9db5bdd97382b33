package org.lcz.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event of the platform: a past-tense fact carried as JSON inside a CloudEvents envelope. Every
 * payload has a {@code schemaVersion}; readers refuse versions newer than the type's {@link
 * #currentSchemaVersion}.
 */
public sealed interface LczEvent
    permits SceneReceived,
        SceneTiled,
        SceneRejected,
        TileReady,
        TrainingRequested,
        EpochCompleted,
        TrainingFailed,
        ModelPublished,
        MapTileWritten,
        SceneMapCompleted,
        RegionDefined,
        RegionDeleted,
        RegionMemberMapped,
        RegionMapUpdated {

  /** The payload schema version this code writes and the newest it reads, for most types. */
  int CURRENT_SCHEMA_VERSION = 1;

  /**
   * The newest payload schema version of {@code type} this code writes and reads: {@link
   * SceneMapCompleted#SCHEMA_VERSION} (4: products, acquisition time, re-maps) for
   * SceneMapCompleted, {@link SceneReceived#SCHEMA_VERSION} and {@link SceneTiled#SCHEMA_VERSION}
   * (2: acquisition time), {@link TrainingRequested#SCHEMA_VERSION} (2: training areas) for
   * TrainingRequested, {@link TileReady#SCHEMA_VERSION} and {@link MapTileWritten#SCHEMA_VERSION}
   * (2: re-maps), {@link EpochCompleted#SCHEMA_VERSION} (2: the batch size) for EpochCompleted,
   * {@link #CURRENT_SCHEMA_VERSION} for the others.
   */
  static int currentSchemaVersion(Class<? extends LczEvent> type) {
    if (type == SceneMapCompleted.class) {
      return SceneMapCompleted.SCHEMA_VERSION;
    }
    if (type == SceneReceived.class) {
      return SceneReceived.SCHEMA_VERSION;
    }
    if (type == SceneTiled.class) {
      return SceneTiled.SCHEMA_VERSION;
    }
    if (type == TileReady.class) {
      return TileReady.SCHEMA_VERSION;
    }
    if (type == MapTileWritten.class) {
      return MapTileWritten.SCHEMA_VERSION;
    }
    if (type == EpochCompleted.class) {
      return EpochCompleted.SCHEMA_VERSION;
    }
    return type == TrainingRequested.class
        ? TrainingRequested.SCHEMA_VERSION
        : CURRENT_SCHEMA_VERSION;
  }

  /** The payload schema version. */
  int schemaVersion();

  /** The Kafka record key: what ordering and partitioning follow (scene, tile, run or model). */
  @JsonIgnore
  String key();
}
