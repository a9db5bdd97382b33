package org.lcz.training.worker;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;
import org.lcz.events.InvalidEventException;
import org.lcz.events.Topics;
import org.lcz.events.TrainingRequested;
import org.lcz.messaging.DeadLetterPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.PollLoop;

/**
 * Consumes {@code lcz.training.requests} one request at a time. While a training runs (minutes to
 * hours) the consumer stays in its group by polling with every partition paused; the request's
 * offset is committed only when the job has ended (trained, already trained or failed), so a worker
 * that dies mid-training leaves the request to the next one, which trains the same version again. A
 * record that is not a valid TrainingRequested goes to the dead-letter topic.
 */
public final class RequestLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(RequestLoop.class);
  private static final Duration POLL = Duration.ofMillis(500);

  private final Consumer<String, byte[]> consumer;
  private final InboundEvents inbound;
  private final TrainingJob job;
  private final DeadLetterPublisher deadLetters;
  private final ExecutorService trainer =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "training-run");
            t.setDaemon(true);
            return t;
          });
  private final PollLoop loop;
  private final AtomicReference<String> current = new AtomicReference<>();
  private volatile boolean busy;

  public RequestLoop(
      Consumer<String, byte[]> consumer,
      InboundEvents inbound,
      TrainingJob job,
      DeadLetterPublisher deadLetters) {
    this.consumer = consumer;
    this.loop =
        new PollLoop(
            new LoopHeartbeat("training-requests"),
            () -> consumer,
            new Requests(),
            PollLoop.OnFailure.END,
            Duration.ZERO);
    this.inbound = inbound;
    this.job = job;
    this.deadLetters = deadLetters;
  }

  /** The run id being trained, or null when idle. */
  public String currentRun() {
    return current.get();
  }

  @Override
  public void run() {
    loop.run();
  }

  /** The loop's own part under the {@link PollLoop} skeleton. */
  private final class Requests implements PollLoop.Body {
    @Override
    public boolean start(Consumer<String, byte[]> c) {
      c.subscribe(List.of(Topics.TRAINING_REQUESTS), new PauseWhileBusy());
      return true;
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      for (ConsumerRecord<String, byte[]> record : records) {
        RequestLoop.this.handle(record);
        if (loop.stopping()) {
          break;
        }
      }
    }

    @Override
    public void closed() {
      trainer.shutdownNow();
    }
  }

  private void handle(ConsumerRecord<String, byte[]> record) {
    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
    TrainingRequested request;
    try {
      request = inbound.decode(record, TrainingRequested.class);
    } catch (InvalidEventException e) {
      LOG.warnf(
          "offset %d of %s is not a valid TrainingRequested (%s): dead-lettered",
          record.offset(), partition, e.getMessage());
      await(deadLetters.publish(record, e.getMessage()));
      commit(partition, record.offset());
      return;
    }
    if (request.awaitsDataSets()) {
      // ingest builds its data sets from the training areas and sends it again with them
      LOG.infof(
          "run %s: waits for ingest to build its data sets from %s",
          request.runId(), request.trainingAreas().areas().uri());
      commit(partition, record.offset());
      return;
    }
    current.set(request.runId());
    busy = true;
    Future<TrainingJob.Result> result = trainer.submit(() -> job.handle(request));
    try {
      consumer.pause(consumer.assignment());
      while (!result.isDone() && !loop.stopping()) {
        loop.heartbeat().beat();
        for (ConsumerRecord<String, byte[]> early : consumer.poll(POLL)) {
          // a partition assigned mid-run slipped through: read it again after this run
          consumer.seek(new TopicPartition(early.topic(), early.partition()), early.offset());
          consumer.pause(consumer.assignment());
          break;
        }
      }
      if (loop.stopping()) {
        return; // shutting down mid-run: the request stays uncommitted for the next worker
      }
      LOG.infof("run %s ended: %s", request.runId(), outcome(result));
      commit(partition, record.offset());
    } finally {
      busy = false;
      current.set(null);
      consumer.resume(consumer.paused());
    }
  }

  private static String outcome(Future<TrainingJob.Result> result) {
    try {
      return result.get().name();
    } catch (ExecutionException e) {
      LOG.error("training job threw", e.getCause());
      return "error: " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  private void commit(TopicPartition partition, long offset) {
    try {
      consumer.commitSync(Map.of(partition, new OffsetAndMetadata(offset + 1)));
    } catch (KafkaException e) {
      // the partition moved to another worker; it will see the request again, and a complete
      // version is not trained twice
      LOG.warnf("could not commit offset %d of %s: %s", offset, partition, e.getMessage());
    }
  }

  private static void await(Future<?> sent) {
    try {
      sent.get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not send a dead letter: " + e, e);
    }
  }

  /** Stops the loop: a running training is abandoned uncommitted. */
  public void stop() {
    loop.stop();
  }

  /** The loop's heartbeat (every poll, also while a training runs). */
  public LoopHeartbeat heartbeat() {
    return loop.heartbeat();
  }

  /** Keeps newly assigned partitions paused while a training runs. */
  private final class PauseWhileBusy implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (busy) {
        consumer.pause(partitions);
      }
    }
  }
}
