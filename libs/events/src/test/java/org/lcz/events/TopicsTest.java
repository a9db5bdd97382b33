package org.lcz.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicsTest {
  @Test
  void everyEventTopicIsProvisioned() {
    var provisioned = Topics.all().stream().map(TopicSpec::name).collect(Collectors.toSet());
    assertThat(provisioned)
        .containsAll(
            Arrays.stream(EventType.values()).map(EventType::topic).collect(Collectors.toSet()))
        .contains(Topics.DEAD_LETTER, Topics.INBOX_NOTIFICATIONS);
  }

  @Test
  void onlyModelsAndRegionsAreCompactedAndTilesHaveSeveralPartitions() {
    assertThat(Topics.all().stream().filter(TopicSpec::compacted).map(TopicSpec::name))
        .containsExactly(Topics.MODELS, Topics.REGIONS);
    assertThat(Topics.all())
        .filteredOn(t -> t.name().equals(Topics.TILES))
        .singleElement()
        .satisfies(t -> assertThat(t.partitions()).isGreaterThan(1));
  }

  @Test
  void specRefusesNoPartitions() {
    assertThatThrownBy(() -> new TopicSpec("x", 0, false)).hasMessageContaining("partition");
  }
}
