package org.lcz.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EventTypeTest {
  @Test
  void eventsTravelOnTheTopicsOfTheArchitecture() {
    assertThat(EventType.TILE_READY.topic()).isEqualTo(Topics.TILES);
    assertThat(EventType.SCENE_REJECTED.topic()).isEqualTo(Topics.SCENES);
    assertThat(EventType.TRAINING_FAILED.topic()).isEqualTo(Topics.TRAINING_PROGRESS);
    assertThat(EventType.MODEL_PUBLISHED.topic()).isEqualTo(Topics.MODELS);
    assertThat(EventType.SCENE_MAP_COMPLETED.topic()).isEqualTo(Topics.MAPS);
  }

  @Test
  void cloudEventTypeNamesTheRecordAndMapsBack() {
    for (EventType t : EventType.values()) {
      assertThat(t.cloudEventType()).isEqualTo("org.lcz." + t.javaType().getSimpleName());
      assertThat(EventType.ofCloudEventType(t.cloudEventType())).contains(t);
      assertThat(EventType.of(t.javaType())).isEqualTo(t);
    }
    assertThat(EventType.ofCloudEventType("org.lcz.Nothing")).isEmpty();
  }

  @Test
  void tileEventsAreKeyedByTileAndMapEventsByScene() {
    var events = SampleEvents.all();
    TileReady tile = (TileReady) events.get(3);
    MapTileWritten map = (MapTileWritten) events.get(8);
    assertThat(tile.key()).isEqualTo(tile.tileId());
    assertThat(map.key()).isEqualTo(map.sceneId());
  }
}
