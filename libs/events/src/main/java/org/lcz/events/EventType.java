package org.lcz.events;

import java.util.Arrays;
import java.util.Optional;

/** Each event's CloudEvents {@code type} and the topic it travels on. */
public enum EventType {
  SCENE_RECEIVED(SceneReceived.class, Topics.SCENES),
  SCENE_TILED(SceneTiled.class, Topics.SCENES),
  SCENE_REJECTED(SceneRejected.class, Topics.SCENES),
  TILE_READY(TileReady.class, Topics.TILES),
  TRAINING_REQUESTED(TrainingRequested.class, Topics.TRAINING_REQUESTS),
  EPOCH_COMPLETED(EpochCompleted.class, Topics.TRAINING_PROGRESS),
  TRAINING_FAILED(TrainingFailed.class, Topics.TRAINING_PROGRESS),
  MODEL_PUBLISHED(ModelPublished.class, Topics.MODELS),
  MAP_TILE_WRITTEN(MapTileWritten.class, Topics.MAPS),
  SCENE_MAP_COMPLETED(SceneMapCompleted.class, Topics.MAPS),
  REGION_DEFINED(RegionDefined.class, Topics.REGIONS),
  REGION_DELETED(RegionDeleted.class, Topics.REGIONS),
  REGION_MEMBER_MAPPED(RegionMemberMapped.class, Topics.REGION_MAPS),
  REGION_MAP_UPDATED(RegionMapUpdated.class, Topics.REGION_MAPS);

  /** Prefix of every CloudEvents type of the platform. */
  public static final String TYPE_PREFIX = "org.lcz.";

  private final Class<? extends LczEvent> javaType;
  private final String topic;

  EventType(Class<? extends LczEvent> javaType, String topic) {
    this.javaType = javaType;
    this.topic = topic;
  }

  /** The record class of this event. */
  public Class<? extends LczEvent> javaType() {
    return javaType;
  }

  /** The topic this event is published on. */
  public String topic() {
    return topic;
  }

  /** The CloudEvents {@code type} attribute, e.g. {@code org.lcz.TileReady}. */
  public String cloudEventType() {
    return TYPE_PREFIX + javaType.getSimpleName();
  }

  /** The type of an event record. */
  public static EventType of(LczEvent event) {
    return of(event.getClass());
  }

  /** The type of an event record class. */
  public static EventType of(Class<? extends LczEvent> javaType) {
    return Arrays.stream(values())
        .filter(t -> t.javaType == javaType)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an LCZ event class: " + javaType));
  }

  /** The type whose CloudEvents {@code type} attribute is {@code cloudEventType}, if any. */
  public static Optional<EventType> ofCloudEventType(String cloudEventType) {
    return Arrays.stream(values())
        .filter(t -> t.cloudEventType().equals(cloudEventType))
        .findFirst();
  }
}
