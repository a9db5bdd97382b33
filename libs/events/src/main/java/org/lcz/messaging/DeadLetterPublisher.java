package org.lcz.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.lcz.events.Topics;

/**
 * Sends a record a consumer could not process to {@code lcz.deadletter}: the original key, value
 * and headers unchanged, plus headers saying what went wrong and where the record came from.
 */
public final class DeadLetterPublisher implements AutoCloseable {
  /** Header: the error, in words. */
  public static final String ERROR = "lcz_error";

  /** Header: the topic the record was consumed from. */
  public static final String ORIGINAL_TOPIC = "lcz_original_topic";

  /** Header: its partition. */
  public static final String ORIGINAL_PARTITION = "lcz_original_partition";

  /** Header: its offset. */
  public static final String ORIGINAL_OFFSET = "lcz_original_offset";

  /** Header: the service that gave up on it. */
  public static final String FAILED_BY = "lcz_failed_by";

  private final Producer<String, byte[]> producer;
  private final String service;

  public DeadLetterPublisher(String bootstrapServers, String service) {
    this(new KafkaProducer<>(KafkaClients.rawProducer(bootstrapServers)), service);
  }

  public DeadLetterPublisher(Producer<String, byte[]> producer, String service) {
    this.producer = producer;
    this.service = service;
  }

  /** Dead-letters {@code record} with {@code error}; completes when the broker has it. */
  public CompletableFuture<RecordMetadata> publish(
      ConsumerRecord<String, byte[]> record, String error) {
    ProducerRecord<String, byte[]> letter =
        new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
    Headers headers = letter.headers();
    for (Header h : record.headers()) {
      headers.add(h);
    }
    headers.add(ERROR, bytes(error));
    headers.add(ORIGINAL_TOPIC, bytes(record.topic()));
    headers.add(ORIGINAL_PARTITION, bytes(Integer.toString(record.partition())));
    headers.add(ORIGINAL_OFFSET, bytes(Long.toString(record.offset())));
    headers.add(FAILED_BY, bytes(service));
    CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
    producer.send(
        letter,
        (metadata, e) -> {
          if (e != null) {
            done.completeExceptionally(e);
          } else {
            done.complete(metadata);
          }
        });
    return done;
  }

  private static byte[] bytes(String s) {
    return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    producer.close();
  }
}
