package org.lcz.deploy.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;
import org.lcz.messaging.KafkaClients;

/**
 * One Apache Kafka node in KRaft mode, broker and controller in one, listening on loopback. Its
 * storage is formatted in code the first time a log directory is used and kept across restarts.
 */
public final class EmbeddedKafka implements AutoCloseable {
  private static final String CONTROLLER = "CONTROLLER";
  private static final int NODE_ID = 1;

  private final KafkaRaftServer server;
  private final String bootstrapServers;

  private EmbeddedKafka(KafkaRaftServer server, String bootstrapServers) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Starts a node and waits until it answers clients.
   *
   * @param logDir where the node keeps its metadata and topic data
   * @param port the client port
   * @param controllerPort the KRaft controller port
   */
  public static EmbeddedKafka start(Path logDir, String host, int port, int controllerPort) {
    return start(
        logDir,
        properties(logDir, host, port, controllerPort, "PLAINTEXT"),
        host + ":" + port,
        KafkaClients.admin(host + ":" + port));
  }

  /**
   * Starts a node whose client port takes only SASL/PLAIN (without TLS) — a stand-in for a secured
   * cluster that tests can start in-process — with {@code users} (name → password) allowed in.
   */
  public static EmbeddedKafka startWithSaslPlain(
      Path logDir, String host, int port, int controllerPort, Map<String, String> users) {
    String brokerUser = "lcz-broker";
    String brokerPassword = Uuid.randomUuid().toString();
    StringBuilder jaas =
        new StringBuilder(plainLogin(brokerUser, brokerPassword).replace(";", ""))
            .append(" user_")
            .append(brokerUser)
            .append("=\"")
            .append(brokerPassword)
            .append('"');
    users.forEach((u, pw) -> jaas.append(" user_").append(u).append("=\"").append(pw).append('"'));
    jaas.append(';');
    Properties p = properties(logDir, host, port, controllerPort, "SASL_PLAINTEXT");
    p.put("sasl.enabled.mechanisms", "PLAIN");
    p.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
    p.put("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.toString());
    Properties admin = KafkaClients.admin(host + ":" + port);
    admin.put("security.protocol", "SASL_PLAINTEXT");
    admin.put("sasl.mechanism", "PLAIN");
    admin.put("sasl.jaas.config", plainLogin(brokerUser, brokerPassword));
    return start(logDir, p, host + ":" + port, admin);
  }

  /** A JAAS entry that logs in with SASL/PLAIN as {@code user}. */
  private static String plainLogin(String user, String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }

  private static EmbeddedKafka start(
      Path logDir, Properties properties, String bootstrap, Properties readinessClient) {
    try {
      Files.createDirectories(logDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create Kafka's directory " + logDir, e);
    }
    KafkaConfig config = KafkaConfig.fromProps(properties);
    if (!Files.exists(logDir.resolve("meta.properties"))) {
      format(logDir);
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    server.startup();
    EmbeddedKafka kafka = new EmbeddedKafka(server, bootstrap);
    try {
      kafka.awaitReady(readinessClient, Duration.ofSeconds(60));
    } catch (RuntimeException e) {
      kafka.close();
      throw e;
    }
    return kafka;
  }

  /** {@code host:port} for clients. */
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public void close() {
    server.shutdown();
    server.awaitShutdown();
  }

  /** The node's settings, its client port speaking {@code protocol} (e.g. {@code PLAINTEXT}). */
  private static Properties properties(
      Path logDir, String host, int port, int controllerPort, String protocol) {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
    String client = protocol + "://" + host + ":" + port;
    p.put("listeners", client + "," + CONTROLLER + "://" + host + ":" + controllerPort);
    p.put("advertised.listeners", client);
    p.put(
        "listener.security.protocol.map",
        protocol + ":" + protocol + "," + CONTROLLER + ":PLAINTEXT");
    p.put("controller.listener.names", CONTROLLER);
    p.put("inter.broker.listener.name", protocol);
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    // One node: every internal topic has one replica; few partitions keep start-up quick.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    // Compaction of lcz.models must happen on a small local log too.
    p.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
    return p;
  }

  private static void format(Path logDir) {
    String dir = logDir.toAbsolutePath().toString();
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setClusterId(Uuid.randomUuid().toString())
          .setNodeId(NODE_ID)
          .setControllerListenerName(CONTROLLER)
          .setMetadataLogDirectory(dir)
          .setDirectories(List.of(dir))
          .setReleaseVersion(MetadataVersion.latestProduction())
          .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("cannot format Kafka storage in " + logDir + ": " + e, e);
    }
  }

  private void awaitReady(Properties client, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    try (Admin admin = Admin.create(client)) {
      while (true) {
        try {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        } catch (Exception e) {
          if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(
                "Kafka at " + bootstrapServers + " did not answer within " + timeout, e);
          }
          if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Kafka started", e);
          }
        }
      }
    }
  }
}
