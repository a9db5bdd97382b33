package org.lcz.deploy.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.Topics;
import org.lcz.events.TrainingRequested;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.TopicSnapshot;

/** Raw consumption, decoding and dead-lettering through the real broker. */
@ExtendWith(LocalStackExtension.class)
class DeadLetterPublisherIT {
  @Test
  void aValidEventDecodesAndAGarbledOneIsDeadLetteredAsItArrived(LocalStack stack)
      throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    String runId = "dl-" + UUID.randomUUID();
    TrainingRequested valid =
        TrainingRequested.minimal(
            runId,
            "msmla-18",
            org.lcz.storage.ObjectRef.of("lcz-datasets", "train.h5"),
            Instant.now());
    // a topic of this test's own: a garbled record on a platform topic would trip other tests
    String topic = "it.requests." + UUID.randomUUID();
    try (Admin admin = stack.newAdmin()) {
      admin
          .createTopics(List.of(new NewTopic(topic, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    EventCodec codec = new EventCodec();
    try (KafkaProducer<String, CloudEvent> events =
            new KafkaProducer<>(KafkaClients.producer(bootstrap));
        KafkaProducer<String, byte[]> raw =
            new KafkaProducer<>(KafkaClients.rawProducer(bootstrap))) {
      events
          .send(
              new ProducerRecord<>(
                  topic, 0, runId, codec.toCloudEvent(valid, URI.create("/lcz/it/dead-letter"))))
          .get(30, TimeUnit.SECONDS);
      // on another partition, with a header of its own: both must survive into the dead letter
      ProducerRecord<String, byte[]> garbage =
          new ProducerRecord<>(topic, 2, runId, "not json".getBytes(StandardCharsets.UTF_8));
      garbage.headers().add("x-origin", "upstream-7".getBytes(StandardCharsets.UTF_8));
      raw.send(garbage).get(30, TimeUnit.SECONDS);
    }
    List<ConsumerRecord<String, byte[]>> mine = consume(bootstrap, topic, runId, 2);
    InboundEvents inbound = new InboundEvents(codec);
    ConsumerRecord<String, byte[]> event =
        mine.stream().filter(r -> r.partition() == 0).findFirst().orElseThrow();
    assertThat(inbound.decode(event, TrainingRequested.class)).isEqualTo(valid);
    ConsumerRecord<String, byte[]> garbled =
        mine.stream().filter(r -> r.partition() == 2).findFirst().orElseThrow();
    assertThatThrownBy(() -> inbound.decode(garbled, TrainingRequested.class))
        .isInstanceOf(InvalidEventException.class);

    try (DeadLetterPublisher dead = new DeadLetterPublisher(bootstrap, "it")) {
      dead.publish(garbled, "not a CloudEvent").get(30, TimeUnit.SECONDS);
    }
    ConsumerRecord<String, byte[]> letter = consume(bootstrap, Topics.DEAD_LETTER, runId, 1).get(0);
    assertThat(letter.value()).isEqualTo(garbled.value());
    assertThat(letter.key()).isEqualTo(runId);
    assertThat(header(letter, "x-origin"))
        .as("the original's headers kept")
        .isEqualTo("upstream-7");
    assertThat(header(letter, DeadLetterPublisher.ORIGINAL_PARTITION)).isEqualTo("2");
    assertThat(header(letter, DeadLetterPublisher.ERROR)).isEqualTo("not a CloudEvent");
    assertThat(header(letter, DeadLetterPublisher.ORIGINAL_TOPIC)).isEqualTo(topic);
    assertThat(header(letter, DeadLetterPublisher.ORIGINAL_OFFSET))
        .isEqualTo(Long.toString(garbled.offset()));
    assertThat(header(letter, DeadLetterPublisher.FAILED_BY)).isEqualTo("it");
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  /** The first {@code count} records with {@code key} on {@code topic}. */
  static List<ConsumerRecord<String, byte[]>> consume(
      String bootstrap, String topic, String key, int count) {
    List<ConsumerRecord<String, byte[]>> found =
        TopicSnapshot.read(bootstrap, topic, key, Duration.ofSeconds(30));
    assertThat(found).hasSizeGreaterThanOrEqualTo(count);
    return found.subList(0, count);
  }
}
