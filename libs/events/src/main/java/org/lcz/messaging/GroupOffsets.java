package org.lcz.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** Sets where a consumer group starts reading. */
public final class GroupOffsets {
  private GroupOffsets() {}

  /**
   * Commits the current end of every partition of {@code topic} for {@code group}, so that the
   * group sees only records sent from now on (benchmarks and tests on a shared broker).
   */
  public static void startAtEnd(String bootstrapServers, String group, String topic) {
    try (Consumer<String, byte[]> c =
        new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrapServers, group))) {
      List<TopicPartition> parts =
          c.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
      c.endOffsets(parts).forEach((p, o) -> end.put(p, new OffsetAndMetadata(o)));
      c.assign(parts);
      c.commitSync(end);
    }
  }
}
