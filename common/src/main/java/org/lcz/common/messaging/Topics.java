package org.lcz.common.messaging;

import java.util.List;

/** The platform's Kafka topics: the one place their names and layouts are written down. */
public final class Topics {
  /** SceneReceived, SceneTiled, SceneRejected; key = scene id. */
  public static final String SCENES = "lcz.scenes";

  /** TileReady; key = tile id, so that one scene spreads over the partitions. */
  public static final String TILES = "lcz.tiles";

  /** TrainingRequested; key = run id. */
  public static final String TRAINING_REQUESTS = "lcz.training.requests";

  /** EpochCompleted, TrainingFailed; key = run id. */
  public static final String TRAINING_PROGRESS = "lcz.training.progress";

  /** ModelPublished, compacted; key = model name. */
  public static final String MODELS = "lcz.models";

  /** MapTileWritten, SceneMapCompleted; key = scene id. */
  public static final String MAPS = "lcz.maps";

  /** Records no consumer could process, with the error; key = the original key. */
  public static final String DEAD_LETTER = "lcz.deadletter";

  /** S3 bucket notifications of the inbox, as MinIO publishes them (MinIO's event JSON). */
  public static final String INBOX_NOTIFICATIONS = "lcz.inbox.notifications";

  /** Partitions of {@link #TILES}: the most inference workers that can share one scene. */
  public static final int TILE_PARTITIONS = 6;

  private static final List<TopicSpec> ALL =
      List.of(
          new TopicSpec(SCENES, 3, false),
          new TopicSpec(TILES, TILE_PARTITIONS, false),
          new TopicSpec(TRAINING_REQUESTS, 1, false),
          new TopicSpec(TRAINING_PROGRESS, 1, false),
          new TopicSpec(MODELS, 1, true),
          new TopicSpec(MAPS, 3, false),
          new TopicSpec(DEAD_LETTER, 1, false),
          new TopicSpec(INBOX_NOTIFICATIONS, 1, false));

  private Topics() {}

  /** Every topic of the platform with its layout. */
  public static List<TopicSpec> all() {
    return ALL;
  }
}
