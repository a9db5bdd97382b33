package org.lcz.events;

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

  /** RegionDefined, RegionDeleted, compacted; key = region name. */
  public static final String REGIONS = "lcz.regions";

  /**
   * RegionMemberMapped, RegionMapUpdated; key = region name, so one owner takes a region's updates
   * in order.
   */
  public static final String REGION_MAPS = "lcz.region-maps";

  /** Records no consumer could process, with the error; key = the original key. */
  public static final String DEAD_LETTER = "lcz.deadletter";

  /** S3 bucket notifications of the inbox, as MinIO publishes them (MinIO's event JSON). */
  public static final String INBOX_NOTIFICATIONS = "lcz.inbox.notifications";

  /**
   * Default partitions of {@link #TILES}: the most inference workers that can share one scene
   * ({@code lcz.provision.tile-partitions} sets another).
   */
  public static final int TILE_PARTITIONS = 48;

  private Topics() {}

  /** Every topic of the platform with its layout. */
  public static List<TopicSpec> all() {
    return all(TILE_PARTITIONS);
  }

  /** Every topic of the platform, {@link #TILES} with {@code tilePartitions} partitions. */
  public static List<TopicSpec> all(int tilePartitions) {
    if (tilePartitions < 1) {
      throw new IllegalArgumentException("lcz.tiles needs at least 1 partition");
    }
    return List.of(
        new TopicSpec(SCENES, 3, false),
        new TopicSpec(TILES, tilePartitions, false),
        new TopicSpec(TRAINING_REQUESTS, 1, false),
        new TopicSpec(TRAINING_PROGRESS, 1, false),
        new TopicSpec(MODELS, 1, true),
        new TopicSpec(MAPS, 3, false),
        new TopicSpec(REGIONS, 1, true),
        new TopicSpec(REGION_MAPS, 3, false),
        new TopicSpec(DEAD_LETTER, 1, false),
        new TopicSpec(INBOX_NOTIFICATIONS, 1, false));
  }
}
