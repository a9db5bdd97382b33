package org.lcz.messaging;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.lcz.events.TopicSpec;

/**
 * Creates the topics that do not exist yet, and grows an existing topic that has fewer partitions
 * than its spec (Kafka cannot shrink one; one with more is left as it is). Growing moves keys to
 * other partitions for new records, which the platform's topics allow: tiles are independent, and
 * the other topics are not grown unless their spec changes.
 */
public final class TopicProvisioner {
  private final Admin admin;
  private final short replicationFactor;

  /**
   * @param replicationFactor replicas per partition (1 on the local single-broker stack)
   */
  public TopicProvisioner(Admin admin, short replicationFactor) {
    this.admin = admin;
    this.replicationFactor = replicationFactor;
  }

  /**
   * Creates each missing topic of {@code specs}.
   *
   * @return the names of the topics created now
   */
  public List<String> ensure(Collection<TopicSpec> specs) {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      grow(specs.stream().filter(s -> existing.contains(s.name())).toList());
      List<NewTopic> missing =
          specs.stream().filter(s -> !existing.contains(s.name())).map(this::newTopic).toList();
      if (missing.isEmpty()) {
        return List.of();
      }
      try {
        admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      return missing.stream().map(NewTopic::name).toList();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while creating topics", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("cannot create the platform's topics: " + e.getMessage(), e);
    }
  }

  /** Adds partitions to each existing topic of {@code specs} that has fewer than its spec. */
  private void grow(List<TopicSpec> specs)
      throws InterruptedException, ExecutionException, TimeoutException {
    if (specs.isEmpty()) {
      return;
    }
    Map<String, TopicDescription> described =
        admin
            .describeTopics(specs.stream().map(TopicSpec::name).toList())
            .allTopicNames()
            .get(30, TimeUnit.SECONDS);
    Map<String, NewPartitions> grow = new HashMap<>();
    for (TopicSpec spec : specs) {
      int now = described.get(spec.name()).partitions().size();
      if (now < spec.partitions()) {
        grow.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
      }
    }
    if (!grow.isEmpty()) {
      try {
        admin.createPartitions(grow).all().get(30, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        // another service grew it first
        if (!(e.getCause() instanceof InvalidPartitionsException)) {
          throw e;
        }
      }
    }
  }

  private NewTopic newTopic(TopicSpec spec) {
    NewTopic topic =
        new NewTopic(spec.name(), Optional.of(spec.partitions()), Optional.of(replicationFactor));
    if (spec.compacted()) {
      topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
    }
    return topic;
  }
}
