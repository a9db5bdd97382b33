package org.lcz.messaging;

import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.lcz.events.Topics;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectStore;

/** The platform's buckets and topics, created where missing: what every deployment needs first. */
public final class PlatformInfrastructure {
  private PlatformInfrastructure() {}

  /**
   * Creates each missing bucket of {@link Buckets#all()} and topic of {@link Topics#all()}.
   *
   * @param replicationFactor replicas per partition of the topics created (1 for one broker)
   * @return the names of the topics created now
   */
  public static List<String> ensure(ObjectStore store, Admin admin, short replicationFactor) {
    return ensure(store, admin, replicationFactor, Topics.TILE_PARTITIONS);
  }

  /**
   * As {@link #ensure(ObjectStore, Admin, short)}, with {@code tilePartitions} partitions of {@code
   * lcz.tiles} (an existing topic with fewer is grown).
   */
  public static List<String> ensure(
      ObjectStore store, Admin admin, short replicationFactor, int tilePartitions) {
    store.ensureBuckets(Buckets.all());
    return new TopicProvisioner(admin, replicationFactor).ensure(Topics.all(tilePartitions));
  }
}
