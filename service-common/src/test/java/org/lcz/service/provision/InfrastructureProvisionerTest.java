package org.lcz.service.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.common.messaging.KafkaClients;
import org.lcz.common.messaging.TopicSpec;
import org.lcz.common.messaging.Topics;
import org.lcz.common.storage.Buckets;
import org.lcz.common.storage.MinioObjectStore;
import org.lcz.common.storage.ObjectStore;
import org.lcz.common.storage.S3Settings;
import org.lcz.deploy.stack.EmbeddedKafka;
import org.lcz.deploy.stack.EmbeddedS3;
import org.lcz.deploy.stack.StackSettings;
import org.lcz.service.config.ProvisionConfig;

/** A bare broker and S3 server, as a real deployment starts: nothing created yet. */
class InfrastructureProvisionerTest {
  @TempDir Path dir;

  private static ProvisionConfig config() {
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
    }
  }
}
