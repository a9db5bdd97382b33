package org.lcz.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

/**
 * The one skeleton under the platform's consumer loops: it makes the consumer, has the loop's
 * {@link Body} subscribe or assign it, then polls — beating the {@link LoopHeartbeat} every round —
 * and hands each poll's records to the body, which does the work and then commits what it did. It
 * stops on {@link #stop()} (the consumer is woken, the body's work in hand is the body's to finish
 * or abandon uncommitted), and closes the consumer however the loop ends. What a failed round means
 * is the loop's choice ({@link OnFailure}): start again with a new consumer after a pause (from the
 * group's last commit, or from the topic's start for a reader outside any group), or end with the
 * error so that the liveness check turns DOWN and the service is restarted. The loops that announce
 * exactly once run on {@link OwnedPartitionsLoop}, itself a body of this skeleton.
 */
public final class PollLoop implements Runnable {
  private static final Logger LOG = Logger.getLogger(PollLoop.class.getName());

  /** The default wait of one poll. */
  public static final Duration POLL = Duration.ofMillis(500);

  /** How long asking for a topic's partitions may take. */
  private static final Duration PARTITIONS_TIMEOUT = Duration.ofSeconds(30);

  /** What a round that fails with an unexpected error means. */
  public enum OnFailure {
    /** Close the consumer, wait, and start again with a new one. */
    RECONNECT,
    /** End the loop with the error: the thread ends, and liveness says so. */
    END
  }

  /** A consumer loop's own part. */
  public interface Body {
    /**
     * Subscribes or assigns a new consumer (once per consumer); false ends the loop (e.g. asked to
     * stop while waiting for something it needs first).
     */
    boolean start(Consumer<String, byte[]> consumer);

    /** How long the next poll waits. */
    default Duration pollTimeout() {
      return POLL;
    }

    /** One poll's records, maybe none: the work, then the commit of what was done. */
    void handle(Consumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records);

    /** After the loop's last consumer is closed. */
    default void closed() {}
  }

  private final LoopHeartbeat heartbeat;
  private final Supplier<? extends Consumer<String, byte[]>> consumers;
  private final Body body;
  private final OnFailure onFailure;
  private final Duration pause;
  private volatile Consumer<String, byte[]> consumer;
  private volatile boolean stopped;
  private volatile boolean ended;

  /**
   * @param heartbeat the loop's heartbeat (its name names the loop in logs and health)
   * @param consumers makes the loop's consumer (called again after a failure with {@link
   *     OnFailure#RECONNECT})
   * @param pause how long to wait before starting again after a failure
   */
  public PollLoop(
      LoopHeartbeat heartbeat,
      Supplier<? extends Consumer<String, byte[]>> consumers,
      Body body,
      OnFailure onFailure,
      Duration pause) {
    this.heartbeat = heartbeat;
    this.consumers = consumers;
    this.body = body;
    this.onFailure = onFailure;
    this.pause = pause;
  }

  @Override
  public void run() {
    try {
      while (!stopped) {
        Consumer<String, byte[]> c = consumers.get();
        consumer = c;
        try {
          if (stopped || !body.start(c)) {
            return;
          }
          while (!stopped) {
            heartbeat.beat();
            body.handle(c, c.poll(body.pollTimeout()));
          }
        } catch (WakeupException e) {
          if (!stopped) {
            throw e;
          }
        } catch (RuntimeException e) {
          if (stopped) {
            return;
          }
          if (onFailure == OnFailure.END) {
            throw e;
          }
          LOG.warning(
              heartbeat.name()
                  + ": "
                  + e
                  + " (starting again in "
                  + pause.toMillis()
                  + " ms from the last commit)");
          heartbeat.beat();
          sleep();
        } finally {
          close(c);
        }
      }
    } finally {
      ended = true;
      body.closed();
    }
  }

  /**
   * For a reader outside any consumer group: assigns {@code c} every partition of {@code topics}
   * and seeks to their start; returns the partitions.
   */
  public static List<TopicPartition> assignFromStart(
      Consumer<String, byte[]> c, List<String> topics) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (String topic : topics) {
      c.partitionsFor(topic, PARTITIONS_TIMEOUT).stream()
          .map(p -> new TopicPartition(topic, p.partition()))
          .forEach(partitions::add);
    }
    c.assign(partitions);
    c.seekToBeginning(partitions);
    return partitions;
  }

  private static void close(Consumer<String, byte[]> c) {
    try {
      c.close(Duration.ofSeconds(5));
    } catch (KafkaException | IllegalStateException e) {
      LOG.fine(() -> "closing a consumer: " + e);
    }
  }

  private void sleep() {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stopped = true;
    }
  }

  /** The loop's heartbeat. */
  public LoopHeartbeat heartbeat() {
    return heartbeat;
  }

  /** Whether the loop has not ended and went round within {@code limit}. */
  public boolean alive(Duration limit) {
    return !ended && !heartbeat.stuck(limit);
  }

  /** Whether the loop has ended (stopped, or failed with {@link OnFailure#END}). */
  public boolean ended() {
    return ended;
  }

  /** Whether {@link #stop()} was called. */
  public boolean stopping() {
    return stopped;
  }

  /** Stops the loop: the consumer is woken from its poll and closed. */
  public void stop() {
    stopped = true;
    Consumer<String, byte[]> c = consumer;
    if (c != null) {
      c.wakeup();
    }
  }
}
