package org.lcz.deploy.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.lcz.common.PlatformInfrastructure;
import org.lcz.common.messaging.KafkaClients;
import org.lcz.common.storage.MinioObjectStore;
import org.lcz.common.storage.ObjectStore;
import org.lcz.common.storage.S3Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's infrastructure in one process: a real Kafka broker (KRaft) and a real S3 server,
 * on loopback, with the platform's topics and buckets created. Closing it stops both.
 */
public final class LocalStack implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalStack.class);

  /** Sub-folder of the data folder whose sub-folders are the S3 buckets. */
  public static final String BUCKETS_DIR = "s3";

  /** Sub-folder of the data folder where Kafka keeps its log, out of S3's reach. */
  public static final String KAFKA_DIR = "kafka";

  private final StackSettings settings;
  private final EmbeddedS3 s3;
  private final EmbeddedKafka kafka;

  private LocalStack(StackSettings settings, EmbeddedS3 s3, EmbeddedKafka kafka) {
    this.settings = settings;
    this.s3 = s3;
    this.kafka = kafka;
  }

  /** Starts the S3 server and the broker, then creates the missing buckets and topics. */
  public static LocalStack start(StackSettings settings) {
    long t0 = System.nanoTime();
    EmbeddedS3 s3 =
        EmbeddedS3.start(
            settings.dataDir().resolve(BUCKETS_DIR),
            settings.host(),
            settings.s3Port(),
            settings.s3());
    EmbeddedKafka kafka;
    try {
      kafka =
          EmbeddedKafka.start(
              settings.dataDir().resolve(KAFKA_DIR),
              settings.host(),
              settings.kafkaPort(),
              settings.controllerPort());
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
    LocalStack stack = new LocalStack(settings, s3, kafka);
    try {
      stack.provision();
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    LOG.info(
        "local stack up in {} ms: Kafka {}, S3 {}, data {}",
        (System.nanoTime() - t0) / 1_000_000,
        stack.kafkaBootstrapServers(),
        stack.s3Endpoint(),
        settings.dataDir().toAbsolutePath());
    return stack;
  }

  private void provision() {
    try (ObjectStore store = newObjectStore();
        Admin admin = newAdmin()) {
      List<String> created = PlatformInfrastructure.ensure(store, admin, (short) 1);
      if (!created.isEmpty()) {
        LOG.info("created topics {}", created);
      }
    }
  }

  /** {@code host:port} of the broker. */
  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  /** The S3 endpoint. */
  public URI s3Endpoint() {
    return s3.endpoint();
  }

  /** Endpoint and credentials of the S3 server. */
  public S3Settings s3Settings() {
    return settings.s3().withEndpoint(s3.endpoint());
  }

  /** The data folder. */
  public Path dataDir() {
    return settings.dataDir();
  }

  /**
   * The folder whose sub-folders are the buckets: a file copied into {@code
   * bucketsDir()/lcz-inbox/} is an object of bucket {@code lcz-inbox}.
   */
  public Path bucketsDir() {
    return settings.dataDir().resolve(BUCKETS_DIR);
  }

  /** A new client of the S3 server; the caller closes it. */
  public ObjectStore newObjectStore() {
    return new MinioObjectStore(s3Settings());
  }

  /** A new Kafka admin client; the caller closes it. */
  public Admin newAdmin() {
    return Admin.create(KafkaClients.admin(kafkaBootstrapServers()));
  }

  /** Stops the broker, then the S3 server. */
  @Override
  public void close() {
    try {
      kafka.close();
    } finally {
      s3.close();
    }
  }
}
