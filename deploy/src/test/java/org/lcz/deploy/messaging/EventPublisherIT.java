package org.lcz.deploy.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.EventCodec;
import org.lcz.events.EventType;
import org.lcz.events.LczEvent;
import org.lcz.events.SampleEvents;
import org.lcz.events.Topics;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.KafkaClients;

/** Every event through the real broker: published as CloudEvents, consumed and decoded. */
@ExtendWith(LocalStackExtension.class)
class EventPublisherIT {
  /** A source of this test run's own, to tell its records from others' on the shared stack. */
  private final URI source = URI.create("/lcz/it/" + UUID.randomUUID());

  @Test
  void everyEventArrivesOnItsTopicKeyedAndIntact(LocalStack stack) throws Exception {
    List<LczEvent> sent = SampleEvents.all();
    try (EventPublisher publisher = new EventPublisher(stack.kafkaBootstrapServers(), source)) {
      for (LczEvent e : sent) {
        RecordMetadata m =
            publisher.publish(e, "it-" + UUID.randomUUID()).get(30, TimeUnit.SECONDS);
        assertThat(m.topic()).isEqualTo(EventType.of(e).topic());
      }
    }
    EventCodec codec = new EventCodec();
    List<LczEvent> received = new ArrayList<>();
    String group = "it-" + UUID.randomUUID();
    try (KafkaConsumer<String, CloudEvent> consumer =
        new KafkaConsumer<>(KafkaClients.consumer(stack.kafkaBootstrapServers(), group))) {
      consumer.subscribe(sent.stream().map(e -> EventType.of(e).topic()).distinct().toList());
      Instant deadline = Instant.now().plusSeconds(60);
      while (received.size() < sent.size() && Instant.now().isBefore(deadline)) {
        for (ConsumerRecord<String, CloudEvent> r : consumer.poll(Duration.ofMillis(500))) {
          if (!source.equals(r.value().getSource())) {
            continue; // another test's record on the shared stack
          }
          LczEvent e = codec.fromCloudEvent(r.value());
          assertThat(r.key()).isEqualTo(e.key());
          assertThat(r.topic()).isEqualTo(EventType.of(e).topic());
          // binary mode: the CloudEvent's attributes are headers other clients (kcat) can read
          assertThat(header(r, "ce_type")).isEqualTo(EventType.of(e).cloudEventType());
          assertThat(header(r, "ce_specversion")).isEqualTo("1.0");
          assertThat(header(r, "ce_source")).isEqualTo(source.toString());
          received.add(e);
        }
      }
    }
    assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
  }

  @Test
  void tileEventsOfOneSceneSpreadOverThePartitions(LocalStack stack) throws Exception {
    var sample = (org.lcz.events.TileReady) SampleEvents.all().get(3);
    java.util.Set<Integer> partitions = new java.util.HashSet<>();
    try (EventPublisher publisher = new EventPublisher(stack.kafkaBootstrapServers(), source)) {
      for (int i = 0; i < 24; i++) {
        var tile =
            new org.lcz.events.TileReady(
                "spread", "spread-" + i, i / 6, i % 6, 24, sample.tile(), sample.manifest());
        partitions.add(publisher.publish(tile).get(30, TimeUnit.SECONDS).partition());
      }
    }
    assertThat(partitions).hasSizeGreaterThan(1);
    assertThat(partitions).allMatch(p -> p < Topics.TILE_PARTITIONS);
  }

  private static String header(ConsumerRecord<?, ?> r, String name) {
    org.apache.kafka.common.header.Header h = r.headers().lastHeader(name);
    assertThat(h).as("header %s", name).isNotNull();
    return new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
  }
}
