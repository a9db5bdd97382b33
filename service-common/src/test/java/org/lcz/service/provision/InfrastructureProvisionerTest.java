package org.lcz.service.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.EmbeddedKafka;
import org.lcz.deploy.stack.EmbeddedS3;
import org.lcz.deploy.stack.StackSettings;
import org.lcz.events.TopicSpec;
import org.lcz.events.Topics;
import org.lcz.messaging.KafkaClients;
import org.lcz.service.config.ProvisionConfig;
import org.lcz.storage.Buckets;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.S3Settings;

/** A bare broker and S3 server, as a real deployment starts: nothing created yet. */
class InfrastructureProvisionerTest {
  @TempDir Path dir;

  private static ProvisionConfig config() {
    return config(Topics.TILE_PARTITIONS);
  }

  private static ProvisionConfig config(int tilePartitions) {
    return new ProvisionConfig() {
      @Override
      public boolean enabled() {
        return true;
      }

      @Override
      public short replicationFactor() {
        return 1;
      }

      @Override
      public int tilePartitions() {
        return tilePartitions;
      }

      @Override
      public Duration retryInterval() {
        return Duration.ofMillis(100);
      }
    };
  }

  @Test
  void createsEveryMissingTopicAndBucketOnceAndThenNothing() throws Exception {
    String host = StackSettings.LOOPBACK;
    S3Settings credentials = S3Settings.localDefaults();
    try (EmbeddedS3 s3 =
            EmbeddedS3.start(dir.resolve("s3"), host, StackSettings.freePort(), credentials);
        EmbeddedKafka kafka =
            EmbeddedKafka.start(
                dir.resolve("kafka"), host, StackSettings.freePort(), StackSettings.freePort());
        ObjectStore store = new MinioObjectStore(credentials.withEndpoint(s3.endpoint()));
        Admin admin = Admin.create(KafkaClients.admin(kafka.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).isEmpty();

      var provisioner = new InfrastructureProvisioner(store, kafka.bootstrapServers(), config());
      assertThat(provisioner.provisionOnce())
          .containsExactlyInAnyOrderElementsOf(Topics.all().stream().map(TopicSpec::name).toList());
      store.checkReady(Buckets.all());
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .containsAll(Topics.all().stream().map(TopicSpec::name).toList());

      assertThat(provisioner.provisionOnce()).isEmpty();
      assertThat(partitions(admin, Topics.TILES)).isEqualTo(48);

      // a deployment that asks for more grows the topic; one that asks for fewer leaves it
      assertThat(
              new InfrastructureProvisioner(store, kafka.bootstrapServers(), config(64))
                  .provisionOnce())
          .isEmpty();
      awaitPartitions(admin, Topics.TILES, 64);
      new InfrastructureProvisioner(store, kafka.bootstrapServers(), config(6)).provisionOnce();
      assertThat(partitions(admin, Topics.TILES)).isEqualTo(64);
      assertThat(partitions(admin, Topics.SCENES)).isEqualTo(3);
    }
  }

  /** The broker's metadata of a grown topic may lag the call that grew it by a moment. */
  private static void awaitPartitions(Admin admin, String topic, int n) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (partitions(admin, topic) != n && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(partitions(admin, topic)).isEqualTo(n);
  }

  private static int partitions(Admin admin, String topic) throws Exception {
    return admin
        .describeTopics(java.util.List.of(topic))
        .allTopicNames()
        .get(30, TimeUnit.SECONDS)
        .get(topic)
        .partitions()
        .size();
  }
}
