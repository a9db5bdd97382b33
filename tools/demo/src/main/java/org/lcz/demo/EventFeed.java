package org.lcz.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;

/**
 * What is published on some topics from the moment the feed is opened: every partition is read from
 * its end at that moment, outside any consumer group (nothing is committed). Opened before an
 * action, it sees every event the action causes.
 */
final class EventFeed implements AutoCloseable {
  /**
   * One record: its event when it is a platform event (dead letters keep the original's value and
   * headers, so they decode too).
   */
  record Received(ConsumerRecord<String, byte[]> record, Optional<LczEvent> event) {
    /** The record's topic. */
    String topic() {
      return record.topic();
    }

    /** The value of a header, or empty. */
    Optional<String> header(String name) {
      var h = record.headers().lastHeader(name);
      return h == null
          ? Optional.empty()
          : Optional.of(new String(h.value(), StandardCharsets.UTF_8));
    }
  }

  private final Consumer<String, byte[]> consumer;
  private final InboundEvents events = new InboundEvents(new EventCodec());

  private EventFeed(Consumer<String, byte[]> consumer) {
    this.consumer = consumer;
  }

  /** A feed of {@code topics}, positioned at their ends now. */
  static EventFeed open(String bootstrapServers, Collection<String> topics, Duration timeout) {
    Consumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            KafkaClients.rawConsumer(bootstrapServers, "lcz-demo-" + UUID.randomUUID()));
    try {
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : topics) {
        consumer
            .partitionsFor(topic, timeout)
            .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
      }
      consumer.assign(partitions);
      consumer.seekToEnd(partitions);
      // position() resolves the end now; a lazy seek would resolve it at the first poll
      partitions.forEach(p -> consumer.position(p, timeout));
      return new EventFeed(consumer);
    } catch (RuntimeException e) {
      consumer.close();
      throw e;
    }
  }

  /** What arrived within {@code wait} (possibly nothing). */
  List<Received> poll(Duration wait) {
    List<Received> received = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> r : consumer.poll(wait)) {
      received.add(new Received(r, decode(r)));
    }
    return received;
  }

  private Optional<LczEvent> decode(ConsumerRecord<String, byte[]> record) {
    try {
      return Optional.of(events.decode(record));
    } catch (InvalidEventException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    consumer.close();
  }
}
