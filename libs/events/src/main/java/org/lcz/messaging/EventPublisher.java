package org.lcz.messaging;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.lcz.events.EventCodec;
import org.lcz.events.EventType;
import org.lcz.events.LczEvent;

/**
 * Publishes events as CloudEvents on their topics, keyed by the event's key. Thread-safe; close it
 * to flush.
 */
public final class EventPublisher implements AutoCloseable {
  private final Producer<String, CloudEvent> producer;
  private final EventCodec codec;
  private final URI source;

  /**
   * @param source the CloudEvents {@code source} of everything this publisher sends, e.g. {@code
   *     /lcz/ingest-service}
   */
  public EventPublisher(String bootstrapServers, URI source) {
    this(new KafkaProducer<>(KafkaClients.producer(bootstrapServers)), new EventCodec(), source);
  }

  public EventPublisher(Producer<String, CloudEvent> producer, EventCodec codec, URI source) {
    this.producer = producer;
    this.codec = codec;
    this.source = source;
  }

  /** Sends {@code event} with a fresh CloudEvents id; completes when the broker has it. */
  public CompletableFuture<RecordMetadata> publish(LczEvent event) {
    return send(event, codec.toCloudEvent(event, source));
  }

  /** Sends {@code event} with the given CloudEvents id (for facts that may be sent again). */
  public CompletableFuture<RecordMetadata> publish(LczEvent event, String id) {
    return send(event, codec.toCloudEvent(event, source, id));
  }

  /**
   * Sends {@code event} and waits until the broker has it.
   *
   * @throws IllegalStateException if the broker did not take it within {@code timeout}
   */
  public RecordMetadata publishAndWait(LczEvent event, Duration timeout) {
    try {
      return publish(event).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while sending " + EventType.of(event), e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException(
          "the broker did not take " + EventType.of(event) + ": " + cause.getMessage(), cause);
    }
  }

  private CompletableFuture<RecordMetadata> send(LczEvent event, CloudEvent cloudEvent) {
    CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
    producer.send(
        new ProducerRecord<>(EventType.of(event).topic(), event.key(), cloudEvent),
        (metadata, error) -> {
          if (error != null) {
            done.completeExceptionally(error);
          } else {
            done.complete(metadata);
          }
        });
    return done;
  }

  /**
   * Blocks until every event sent so far is on the broker or has failed: afterwards, an event this
   * publisher was asked for is on its topic, so its absence there is final.
   */
  public void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
