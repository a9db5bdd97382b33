package org.lcz.deploy.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.LoopHeartbeat;
import org.lcz.messaging.PollLoop;

/**
 * The skeleton under the consumer loops, against the real broker: commit after the work, a failed
 * round started again from the group's last commit with a new consumer, a loop that ends on a
 * failure (liveness sees it), a stop that wakes a waiting poll, a start that declines.
 */
@ExtendWith(LocalStackExtension.class)
class PollLoopIT {
  private String bootstrap;
  private String topic;

  @BeforeEach
  void topic(LocalStack stack) throws Exception {
    bootstrap = stack.kafkaBootstrapServers();
    topic = "lcz.it.poll-loop-" + UUID.randomUUID();
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private void send(String... values) throws Exception {
    try (KafkaProducer<String, byte[]> p =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      for (String v : values) {
        p.send(new ProducerRecord<>(topic, v, v.getBytes(StandardCharsets.UTF_8))).get();
      }
    }
  }

  /** Records every value handled; fails once on the value named, before committing. */
  private final class Recording implements PollLoop.Body {
    final List<String> handled = new CopyOnWriteArrayList<>();
    final AtomicInteger consumers = new AtomicInteger();
    final AtomicBoolean closed = new AtomicBoolean();
    final AtomicReference<String> failOnce;

    Recording(String failOnce) {
      this.failOnce = new AtomicReference<>(failOnce);
    }

    @Override
    public boolean start(Consumer<String, byte[]> c) {
      consumers.incrementAndGet();
      c.subscribe(List.of(topic));
      return true;
    }

    @Override
    public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> records) {
      for (ConsumerRecord<String, byte[]> r : records) {
        String v = new String(r.value(), StandardCharsets.UTF_8);
        if (v.equals(failOnce.get())) {
          failOnce.set(null);
          throw new IllegalStateException("the store is away");
        }
        handled.add(v);
      }
      if (!records.isEmpty()) {
        c.commitSync();
      }
    }

    @Override
    public void closed() {
      closed.set(true);
    }
  }

  private KafkaConsumer<String, byte[]> consumer(String group) {
    return new KafkaConsumer<>(KafkaClients.rawConsumer(bootstrap, group));
  }

  private static void await(BooleanSupplier done) throws InterruptedException {
    Instant end = Instant.now().plusSeconds(60);
    while (!done.getAsBoolean() && Instant.now().isBefore(end)) {
      Thread.sleep(100);
    }
  }

  @Test
  void aFailedRoundStartsAgainWithANewConsumerFromTheLastCommitAndLosesNothing() throws Exception {
    String group = "poll-" + UUID.randomUUID();
    Recording body = new Recording("b");
    PollLoop loop =
        new PollLoop(
            new LoopHeartbeat("it"),
            () -> consumer(group),
            body,
            PollLoop.OnFailure.RECONNECT,
            Duration.ofMillis(200));
    Thread t = new Thread(loop);
    t.start();
    try {
      send("a");
      await(() -> body.handled.contains("a"));
      send("b", "c");
      await(() -> body.handled.contains("c"));
      assertThat(body.handled).containsExactly("a", "b", "c"); // b again after the failure
      assertThat(body.consumers.get()).isEqualTo(2);
      assertThat(loop.alive(Duration.ofSeconds(5))).isTrue();
    } finally {
      loop.stop();
      t.join(30_000);
    }
    assertThat(t.isAlive()).isFalse();
    assertThat(loop.ended()).isTrue();
    assertThat(body.closed).isTrue();
    assertThat(loop.alive(Duration.ofSeconds(5))).as("a stopped loop is not alive").isFalse();
  }

  @Test
  void aLoopThatEndsOnFailureEndsWithTheErrorAndLivenessSeesIt() throws Exception {
    String group = "poll-" + UUID.randomUUID();
    Recording body = new Recording("x");
    PollLoop loop =
        new PollLoop(
            new LoopHeartbeat("it"),
            () -> consumer(group),
            body,
            PollLoop.OnFailure.END,
            Duration.ZERO);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t = new Thread(loop);
    t.setUncaughtExceptionHandler((th, e) -> thrown.set(e));
    t.start();
    send("x");
    t.join(60_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(thrown.get()).hasMessage("the store is away");
    assertThat(loop.alive(Duration.ofMinutes(10))).isFalse();
    assertThat(body.closed).isTrue();
    // nothing was committed: the next member of the group gets the record again
    Recording next = new Recording(null);
    PollLoop again =
        new PollLoop(
            new LoopHeartbeat("it"),
            () -> consumer(group),
            next,
            PollLoop.OnFailure.END,
            Duration.ZERO);
    Thread t2 = new Thread(again);
    t2.start();
    try {
      await(() -> next.handled.contains("x"));
      assertThat(next.handled).containsExactly("x");
    } finally {
      again.stop();
      t2.join(30_000);
    }
  }

  @Test
  void stopWakesAWaitingPollAndAStartThatDeclinesEndsTheLoop() throws Exception {
    Recording body = new Recording(null);
    PollLoop loop =
        new PollLoop(
            new LoopHeartbeat("it"),
            () -> consumer("poll-" + UUID.randomUUID()),
            new PollLoop.Body() {
              @Override
              public boolean start(Consumer<String, byte[]> c) {
                return body.start(c);
              }

              @Override
              public Duration pollTimeout() {
                return Duration.ofMinutes(5);
              }

              @Override
              public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> r) {
                body.handle(c, r);
              }
            },
            PollLoop.OnFailure.RECONNECT,
            Duration.ofSeconds(5));
    Thread t = new Thread(loop);
    t.start();
    await(() -> body.consumers.get() == 1);
    Thread.sleep(1000); // in its five-minute poll
    long before = System.nanoTime();
    loop.stop();
    t.join(30_000);
    assertThat(t.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(10));

    AtomicInteger polled = new AtomicInteger();
    PollLoop declining =
        new PollLoop(
            new LoopHeartbeat("it"),
            () -> consumer("poll-" + UUID.randomUUID()),
            new PollLoop.Body() {
              @Override
              public boolean start(Consumer<String, byte[]> c) {
                return false;
              }

              @Override
              public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> r) {
                polled.incrementAndGet();
              }
            },
            PollLoop.OnFailure.RECONNECT,
            Duration.ZERO);
    declining.run(); // returns at once
    assertThat(polled.get()).isZero();
    assertThat(declining.ended()).isTrue();
  }

  @Test
  void aLoopStuckInItsWorkIsSeenStuckWhileItsThreadLivesAndAliveAgainWhenItMovesOn()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    String group = "poll-" + UUID.randomUUID();
    PollLoop loop =
        new PollLoop(
            new LoopHeartbeat("stalling"),
            () -> consumer(group),
            new PollLoop.Body() {
              @Override
              public boolean start(Consumer<String, byte[]> c) {
                c.subscribe(List.of(topic));
                return true;
              }

              @Override
              public void handle(Consumer<String, byte[]> c, ConsumerRecords<String, byte[]> r) {
                if (!r.isEmpty()) {
                  entered.countDown();
                  try {
                    release.await(); // a call that does not return: the thread lives, no poll
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                }
              }
            },
            PollLoop.OnFailure.END,
            Duration.ZERO);
    Thread t = new Thread(loop);
    t.start();
    try {
      assertThat(loop.alive(Duration.ofSeconds(1))).isTrue();
      send("slow");
      assertThat(entered.await(60, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(1500);
      assertThat(t.isAlive()).isTrue();
      assertThat(loop.alive(Duration.ofSeconds(1))).as("stuck for 1.5 s").isFalse();
      release.countDown();
      await(() -> loop.alive(Duration.ofSeconds(1)));
      assertThat(loop.alive(Duration.ofSeconds(1))).as("going round again").isTrue();
    } finally {
      release.countDown();
      loop.stop();
      t.join(30_000);
    }
  }
}
