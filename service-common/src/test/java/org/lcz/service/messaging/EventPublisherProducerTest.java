package org.lcz.service.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.SharedLocalStack;
import org.lcz.events.EventCodec;
import org.lcz.events.Topics;
import org.lcz.events.TrainingFailed;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.KafkaClients;

class EventPublisherProducerTest {
  @Test
  void publishesThroughTheRealBrokerWithTheApplicationAsSource() throws Exception {
    String bootstrap = SharedLocalStack.get().kafkaBootstrapServers();
    String runId = "run-" + UUID.randomUUID();
    EventPublisherProducer producer = new EventPublisherProducer();
    EventPublisher publisher = producer.eventPublisher(bootstrap, "training-worker");
    var metadata =
        publisher
            .publish(new TrainingFailed(runId, "test", Instant.now()))
            .get(30, TimeUnit.SECONDS);
    producer.close(publisher);

    try (KafkaConsumer<String, CloudEvent> consumer =
        new KafkaConsumer<>(KafkaClients.consumer(bootstrap, "g-" + runId))) {
      TopicPartition tp = new TopicPartition(Topics.TRAINING_PROGRESS, metadata.partition());
      consumer.assign(java.util.List.of(tp));
      consumer.seek(tp, metadata.offset());
      var records = consumer.poll(Duration.ofSeconds(10));
      assertThat(records.count()).isGreaterThanOrEqualTo(1);
      CloudEvent ce = records.iterator().next().value();
      assertThat(ce.getSource()).isEqualTo(URI.create("/lcz/training-worker"));
      assertThat(new EventCodec().fromCloudEvent(ce, TrainingFailed.class).runId())
          .isEqualTo(runId);
    }
  }
}
