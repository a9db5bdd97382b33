package org.lcz.ingest.areas;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.lcz.events.InvalidEventException;
import org.lcz.events.Topics;
import org.lcz.events.TrainingFailed;
import org.lcz.events.TrainingRequested;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.PollLoop;
import org.lcz.storage.ObjectStoreException;

/**
 * Reads {@code lcz.training.requests} in ingest's own group and hands each request that names
 * training areas to {@link AreaRequests}; requests with data sets are the training worker's, and
 * records that are no valid request are its to dead-letter. A record is committed once handled; a
 * store that cannot be reached is tried again ({@value #ATTEMPTS} times, then the run fails with
 * the reason), and an unexpected error fails the run at once (no retry loop on a permanent error).
 */
public final class AreaRequestLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(AreaRequestLoop.class);
  static final int ATTEMPTS = 5;

  private final InboundEvents inbound;
  private final AreaRequests requests;
  private final AreaRequests.Events events;
  private final Duration retryPause;
  private final PollLoop loop;

  public AreaRequestLoop(
      Consumer<String, byte[]> consumer,
      InboundEvents inbound,
      AreaRequests requests,
      AreaRequests.Events events,
      Duration retryPause) {
    this.loop =
        new PollLoop(
            new LoopHeartbeat("area-requests"),
            () -> consumer,
            new Requests(),
            PollLoop.OnFailure.END,
            Duration.ZERO);
    this.inbound = inbound;
    this.requests = requests;
    this.events = events;
    this.retryPause = retryPause;
  }

  @Override
  public void run() {
    loop.run();
  }

  /** The loop's own part under the {@link PollLoop} skeleton. */
  private final class Requests implements PollLoop.Body {
    @Override
    public boolean start(Consumer<String, byte[]> c) {
      c.subscribe(List.of(Topics.TRAINING_REQUESTS));
      return true;
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      for (ConsumerRecord<String, byte[]> r : records) {
        AreaRequestLoop.this.handle(r);
        c.commitSync(
            Map.of(
                new TopicPartition(r.topic(), r.partition()),
                new OffsetAndMetadata(r.offset() + 1)));
        if (loop.stopping()) {
          break;
        }
      }
    }
  }

  private void handle(ConsumerRecord<String, byte[]> r) {
    TrainingRequested request;
    try {
      request = inbound.decode(r, TrainingRequested.class);
    } catch (InvalidEventException e) {
      return; // the training worker dead-letters it
    }
    if (!request.awaitsDataSets()) {
      return;
    }
    for (int attempt = 1; !loop.stopping(); attempt++) {
      try {
        requests.handle(request);
        return;
      } catch (ObjectStoreException e) {
        if (attempt >= ATTEMPTS) {
          fail(request, "the object store failed " + attempt + " times: " + e.getMessage());
          return;
        }
        LOG.warnf(
            "run %s: object store failed (attempt %d of %d), trying again: %s",
            request.runId(), attempt, ATTEMPTS, e.getMessage());
        pause();
      } catch (RuntimeException e) {
        LOG.errorf(e, "run %s: building the data sets failed", request.runId());
        fail(request, "building the data sets failed: " + e);
        return;
      }
    }
  }

  private void fail(TrainingRequested request, String reason) {
    events.publish(new TrainingFailed(request.runId(), reason, Instant.now()));
  }

  private void pause() {
    try {
      Thread.sleep(retryPause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      loop.stop();
    }
  }

  /** Stops after the request in hand. */
  public void stop() {
    loop.stop();
  }

  /** The loop's heartbeat (every poll). */
  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }
}
