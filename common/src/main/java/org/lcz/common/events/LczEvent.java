package org.lcz.common.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * An event of the platform: a past-tense fact carried as JSON inside a CloudEvents envelope. Every
 * payload has a {@code schemaVersion}; readers refuse versions newer than {@link
 * #CURRENT_SCHEMA_VERSION}.
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
        SceneMapCompleted {

  /** The payload schema version this code writes and the newest it reads. */
  int CURRENT_SCHEMA_VERSION = 1;

  /** The payload schema version. */
  int schemaVersion();

  /** The Kafka record key: what ordering and partitioning follow (scene, tile, run or model). */
  @JsonIgnore
  String key();
}
