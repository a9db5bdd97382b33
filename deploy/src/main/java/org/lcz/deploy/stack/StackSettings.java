package org.lcz.deploy.stack;

import java.nio.file.Path;
import org.lcz.storage.S3Settings;

/**
 * Where the local stack listens and keeps its data.
 *
 * @param dataDir the data folder: buckets are the sub-folders of its {@code s3/}, Kafka keeps its
 *     log in {@code kafka/}
 * @param host the loopback address everything binds to
 * @param kafkaPort Kafka's client port
 * @param controllerPort Kafka's KRaft controller port
 * @param s3Port the S3 server's port
 * @param s3 the S3 credentials (the endpoint is derived from host and port)
 */
public record StackSettings(
    Path dataDir, String host, int kafkaPort, int controllerPort, int s3Port, S3Settings s3) {

  /** The loopback address the stack uses. */
  public static final String LOOPBACK = "127.0.0.1";

  /** Default Kafka client port. */
  public static final int DEFAULT_KAFKA_PORT = 9092;

  /** Default KRaft controller port. */
  public static final int DEFAULT_CONTROLLER_PORT = 9093;

  /** Default S3 port. */
  public static final int DEFAULT_S3_PORT = 9000;

  public StackSettings {
    if (!host.equals(LOOPBACK) && !host.equals("localhost")) {
      throw new IllegalArgumentException("the local stack listens on loopback only, not " + host);
    }
  }

  /** The defaults: ports 9092, 9093, 9000, with S3 credentials from the environment. */
  public static StackSettings defaults(Path dataDir) {
    return new StackSettings(
        dataDir,
        LOOPBACK,
        DEFAULT_KAFKA_PORT,
        DEFAULT_CONTROLLER_PORT,
        DEFAULT_S3_PORT,
        S3Settings.fromEnvironment());
  }

  /** Free random ports on loopback, for tests. */
  public static StackSettings randomPorts(Path dataDir) {
    return new StackSettings(
        dataDir, LOOPBACK, freePort(), freePort(), freePort(), S3Settings.fromEnvironment());
  }

  /** The same settings with other ports. */
  public StackSettings withPorts(int kafka, int controller, int s3Server) {
    return new StackSettings(dataDir, host, kafka, controller, s3Server, s3);
  }

  /** A port nothing listens on right now, outside the ephemeral range ({@link FreePorts}). */
  public static int freePort() {
    return FreePorts.one();
  }

  /** The first of {@code n} consecutive such ports ({@link FreePorts}). */
  public static int freePorts(int n) {
    return FreePorts.consecutive(n);
  }
}
