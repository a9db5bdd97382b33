package org.lcz.deploy.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.events.EventCodec;
import org.lcz.events.RegionDeleted;
import org.lcz.events.Topics;
import org.lcz.messaging.EventPublisher;
import org.lcz.messaging.InboundEvents;
import org.lcz.messaging.OwnedPartitionsLoop;
import org.lcz.messaging.TopicSnapshot;

/**
 * The skeleton under the assembly loop and the region fuser, against the real broker: an owner that
 * announces a key once it has seen three records of it announces it exactly once, and a member that
 * takes the partition over later learns the announcement from the history and does not repeat it.
 */
@ExtendWith(LocalStackExtension.class)
class OwnedPartitionsLoopIT {
  private static final URI SOURCE = URI.create("/lcz/it/owned");

  /** Counts RegionDeleted per name (as "inputs"); announces a RegionDeleted at 3 (the "result"). */
  private static final class Counting implements OwnedPartitionsLoop.Owner {
    final OwnedPartitionsLoop.Transactions tx;
    final Map<String, Integer> seen = new HashMap<>();
    final Set<String> announced = new HashSet<>();
    final AtomicInteger announcements;
    final InboundEvents in = new InboundEvents(new EventCodec());

    Counting(OwnedPartitionsLoop.Transactions tx, AtomicInteger announcements) {
      this.tx = tx;
      this.announcements = announcements;
    }

    @Override
    public String learn(ConsumerRecord<String, byte[]> r) {
      if (in.decode(r) instanceof RegionDeleted d) {
        if (r.headers().lastHeader("ce_id") != null
            && new String(r.headers().lastHeader("ce_id").value()).startsWith("done-")) {
          announced.add(d.name());
        } else {
          seen.merge(d.name(), 1, Integer::sum);
        }
        return d.name();
      }
      return null;
    }

    @Override
    public boolean act(String key) {
      if (announced.contains(key) || seen.getOrDefault(key, 0) < 3) {
        return true;
      }
      if (tx.publish(new RegionDeleted(key, Instant.now()), "done-" + key)
          != OwnedPartitionsLoop.Transactions.Outcome.COMMITTED) {
        return false;
      }
      announced.add(key);
      announcements.incrementAndGet();
      return true;
    }

    @Override
    public Collection<String> keys() {
      return seen.keySet();
    }
  }

  private static long announced(String bootstrap, String key) {
    return TopicSnapshot.read(bootstrap, Topics.REGIONS, key, Duration.ofSeconds(30)).stream()
        .filter(r -> new String(r.headers().lastHeader("ce_id").value()).startsWith("done-"))
        .count();
  }

  @Test
  void aKeyIsAnnouncedOnceAndANewOwnerLearnsItFromTheHistory(LocalStack stack) throws Exception {
    String bootstrap = stack.kafkaBootstrapServers();
    String group = "owned-" + UUID.randomUUID();
    String key = "k-" + UUID.randomUUID().toString().substring(0, 8);
    AtomicInteger first = new AtomicInteger();
    OwnedPartitionsLoop loop =
        new OwnedPartitionsLoop(
            bootstrap,
            group,
            Topics.REGIONS,
            SOURCE,
            "owned",
            Duration.ofSeconds(1),
            (p, tx) -> new Counting(tx, first));
    Thread t = new Thread(loop);
    t.start();
    try (EventPublisher events = new EventPublisher(bootstrap, SOURCE)) {
      for (int i = 0; i < 4; i++) { // one more than needed: no second announcement
        events.publish(new RegionDeleted(key, Instant.now())).get();
      }
      Instant end = Instant.now().plusSeconds(60);
      while (announced(bootstrap, key) == 0 && Instant.now().isBefore(end)) {
        Thread.sleep(200);
      }
      Thread.sleep(2500); // beyond a recheck
      assertThat(announced(bootstrap, key)).isEqualTo(1);
      assertThat(first.get()).isEqualTo(1);
      assertThat(loop.ownedPartitions())
          .as("the only member owns the topic's one partition")
          .containsExactly(0);
    } finally {
      loop.stop();
      t.join(30_000);
    }
    assertThat(loop.ownedPartitions()).as("a stopped loop owns nothing").isEmpty();
    // a new member of the group takes the partition: the history holds the announcement
    AtomicInteger second = new AtomicInteger();
    OwnedPartitionsLoop next =
        new OwnedPartitionsLoop(
            bootstrap,
            group,
            Topics.REGIONS,
            SOURCE,
            "owned",
            Duration.ofSeconds(1),
            (p, tx) -> new Counting(tx, second));
    Thread t2 = new Thread(next);
    t2.start();
    try {
      Thread.sleep(8000);
      assertThat(second.get()).isZero();
      assertThat(announced(bootstrap, key)).isEqualTo(1);
      assertThat(next.heartbeat().stuck(Duration.ofSeconds(5))).isFalse();
    } finally {
      next.stop();
      t2.join(30_000);
    }
    assertThat(List.of(t.isAlive(), t2.isAlive())).containsOnly(false);
  }
}
