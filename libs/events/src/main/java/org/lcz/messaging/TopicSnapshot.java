package org.lcz.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every record of a topic from its start to its end at the moment of the call, read outside any
 * consumer group (nothing is committed). For compacted topics such as {@code lcz.models}, and for
 * tests that look for what was sent.
 */
public final class TopicSnapshot {
  private TopicSnapshot() {}

  /**
   * The records of {@code topic}, partition by partition in offset order.
   *
   * @throws IllegalStateException if the end is not reached within {@code timeout}
   */
  public static List<ConsumerRecord<String, byte[]>> read(
      String bootstrapServers, String topic, Duration timeout) {
    return readPartitions(bootstrapServers, topic, null, timeout);
  }

  /**
   * The committed records of one partition, in offset order, from its start to its end at the
   * moment of the call.
   *
   * @throws IllegalStateException if the end is not reached within {@code timeout}
   */
  public static List<ConsumerRecord<String, byte[]>> read(
      String bootstrapServers, TopicPartition partition, Duration timeout) {
    return readPartitions(bootstrapServers, partition.topic(), partition, timeout);
  }

  private static List<ConsumerRecord<String, byte[]>> readPartitions(
      String bootstrapServers, String topic, TopicPartition only, Duration timeout) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (Consumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            KafkaClients.rawConsumer(bootstrapServers, "snapshot-" + UUID.randomUUID()))) {
      List<TopicPartition> partitions =
          only != null
              ? List.of(only)
              : consumer.partitionsFor(topic, timeout).stream()
                  .map(p -> new TopicPartition(topic, p.partition()))
                  .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
      Instant deadline = Instant.now().plus(timeout);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        if (Instant.now().isAfter(deadline)) {
          throw new IllegalStateException(
              "could not read " + topic + " to its end within " + timeout);
        }
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
          if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
            records.add(r);
          }
        }
      }
    }
    return records;
  }

  /** The records of {@code topic} with key {@code key}. */
  public static List<ConsumerRecord<String, byte[]>> read(
      String bootstrapServers, String topic, String key, Duration timeout) {
    return read(bootstrapServers, topic, timeout).stream()
        .filter(r -> key.equals(r.key()))
        .toList();
  }
}
