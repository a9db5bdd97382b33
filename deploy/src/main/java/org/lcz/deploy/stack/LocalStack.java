package org.lcz.deploy.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.apache.kafka.clients.admin.Admin;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.PlatformInfrastructure;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.S3Settings;
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

  /** The S3 server's log when it runs in a process of its own. */
  public static final String S3_LOG = "logs/s3.log";

  private final StackSettings settings;
  private final boolean s3InOwnProcess;
  private volatile S3Server s3;
  private volatile EmbeddedKafka kafka;

  private LocalStack(
      StackSettings settings, boolean s3InOwnProcess, S3Server s3, EmbeddedKafka kafka) {
    this.settings = settings;
    this.s3InOwnProcess = s3InOwnProcess;
    this.s3 = s3;
    this.kafka = kafka;
  }

  /** Starts the S3 server and the broker, then creates the missing buckets and topics. */
  public static LocalStack start(StackSettings settings) {
    return start(settings, false);
  }

  /**
   * Starts the S3 server — in a child process of its own when {@code s3InOwnProcess}, so that it
   * can fail on its own (drills) — and the broker, then creates the missing buckets and topics.
   */
  public static LocalStack start(StackSettings settings, boolean s3InOwnProcess) {
    long t0 = System.nanoTime();
    S3Server s3 = startS3(settings, s3InOwnProcess);
    EmbeddedKafka kafka;
    try {
      kafka = startKafka(settings);
    } catch (RuntimeException e) {
      s3.close();
      throw e;
    }
    LocalStack stack = new LocalStack(settings, s3InOwnProcess, s3, kafka);
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

  private static S3Server startS3(StackSettings settings, boolean ownProcess) {
    Path root = settings.dataDir().resolve(BUCKETS_DIR);
    return ownProcess
        ? S3Process.start(
            root,
            settings.host(),
            settings.s3Port(),
            settings.s3(),
            settings.dataDir().resolve(S3_LOG))
        : EmbeddedS3.start(root, settings.host(), settings.s3Port(), settings.s3());
  }

  private static EmbeddedKafka startKafka(StackSettings settings) {
    return EmbeddedKafka.start(
        settings.dataDir().resolve(KAFKA_DIR),
        settings.host(),
        settings.kafkaPort(),
        settings.controllerPort());
  }

  /**
   * Stops the broker (its data stays) while the rest runs on, as a broker restart would; {@link
   * #startKafka()} brings it back on the same ports.
   */
  public synchronized void stopKafka() {
    EmbeddedKafka k = kafka;
    if (k != null) {
      kafka = null;
      k.close();
      LOG.info("Kafka stopped");
    }
  }

  /** Starts the broker again after {@link #stopKafka()}, with its data, on the same ports. */
  public synchronized void startKafka() {
    if (kafka == null) {
      kafka = startKafka(settings);
      LOG.info("Kafka started again at {}", kafka.bootstrapServers());
    }
  }

  /**
   * Takes the S3 server away while the rest runs on: killed (SIGKILL) when it runs in a process of
   * its own, stopped otherwise. {@link #startS3()} brings it back with every object.
   */
  public synchronized void stopS3() {
    S3Server server = s3;
    if (server != null) {
      s3 = null;
      if (server instanceof S3Process p) {
        p.kill();
      } else {
        server.close();
      }
      LOG.info("S3 stopped");
    }
  }

  /** The S3 server's process id when it runs in a process of its own and is up. */
  public OptionalLong s3ProcessId() {
    return s3 instanceof S3Process p ? OptionalLong.of(p.pid()) : OptionalLong.empty();
  }

  /** Starts the S3 server again after {@link #stopS3()}, on the same port and folder. */
  public synchronized void startS3() {
    if (s3 == null) {
      s3 = startS3(settings, s3InOwnProcess);
      LOG.info("S3 started again at {}", s3.endpoint());
    }
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
    return settings.host() + ":" + settings.kafkaPort();
  }

  /** The S3 endpoint. */
  public URI s3Endpoint() {
    return URI.create("http://" + settings.host() + ":" + settings.s3Port());
  }

  /** Endpoint and credentials of the S3 server. */
  public S3Settings s3Settings() {
    return settings.s3().withEndpoint(s3Endpoint());
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
  public synchronized void close() {
    EmbeddedKafka k = kafka;
    S3Server server = s3;
    kafka = null;
    s3 = null;
    try {
      if (k != null) {
        k.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }
}
