package org.lcz.events;

/**
 * How a topic is created.
 *
 * @param name the topic name
 * @param partitions partition count
 * @param compacted whether the topic keeps only the latest record per key
 */
public record TopicSpec(String name, int partitions, boolean compacted) {
  public TopicSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("topic name is blank");
    }
    if (partitions < 1) {
      throw new IllegalArgumentException("topic " + name + " needs at least one partition");
    }
  }
}
