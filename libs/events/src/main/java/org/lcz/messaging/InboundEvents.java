package org.lcz.messaging;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.lcz.events.EventCodec;
import org.lcz.events.InvalidEventException;
import org.lcz.events.LczEvent;

/** Decodes records consumed as raw bytes ({@link KafkaClients#rawConsumer}) into events. */
public final class InboundEvents {
  private final EventCodec codec;

  public InboundEvents(EventCodec codec) {
    this.codec = codec;
  }

  /**
   * The event of {@code record}.
   *
   * @throws InvalidEventException if the record is no CloudEvent of the expected type and shape;
   *     the message says what is wrong
   */
  public <E extends LczEvent> E decode(ConsumerRecord<String, byte[]> record, Class<E> type) {
    return codec.fromCloudEvent(cloudEvent(record), type);
  }

  /**
   * The event of {@code record}, whichever platform event it is (for topics that carry several).
   *
   * @throws InvalidEventException if the record is no platform event
   */
  public LczEvent decode(ConsumerRecord<String, byte[]> record) {
    return codec.fromCloudEvent(cloudEvent(record));
  }

  private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      throw new InvalidEventException("the record has no value (a tombstone?)");
    }
    CloudEvent cloudEvent;
    try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
      cloudEvent = deserializer.deserialize(record.topic(), record.headers(), record.value());
    } catch (RuntimeException e) {
      throw new InvalidEventException("not a CloudEvent in Kafka binary mode: " + e.getMessage());
    }
    return cloudEvent;
  }
}
