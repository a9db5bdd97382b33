package org.lcz.messaging;

import io.cloudevents.kafka.CloudEventDeserializer;
import io.cloudevents.kafka.CloudEventSerializer;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Client settings for the platform's topics: string keys and CloudEvents values in binary mode
 * ({@code ce_*} headers, JSON payload as the record value); TLS and SASL from the environment
 * ({@link KafkaSecurity}).
 */
public final class KafkaClients {
  private KafkaClients() {}

  /** A producer that waits for all in-sync replicas and never duplicates on retry. */
  public static Properties producer(String bootstrapServers) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, CloudEventSerializer.class.getName());
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
    KafkaSecurity.apply(p);
    return p;
  }

  /**
   * How long the broker waits for a silent group member before handing its partitions to the
   * others: the time a killed worker's tiles wait. Kafka's default (45 s) is made for cloud
   * networks; the platform's members heartbeat from a thread of their own every {@link
   * #HEARTBEAT_MS}, so a busy worker is not taken for dead.
   */
  public static final int SESSION_TIMEOUT_MS = 15_000;

  /** How often a group member tells the broker it is alive: a fifth of the session timeout. */
  public static final int HEARTBEAT_MS = 3_000;

  /**
   * A consumer in {@code groupId} that commits offsets itself, starts at the earliest and reads
   * only committed records (events sent in an aborted transaction are never seen); a member that
   * dies loses its partitions to the others after {@link #SESSION_TIMEOUT_MS}.
   */
  public static Properties consumer(String bootstrapServers, String groupId) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
    p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, String.valueOf(SESSION_TIMEOUT_MS));
    p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, String.valueOf(HEARTBEAT_MS));
    KafkaSecurity.apply(p);
    return p;
  }

  /**
   * A consumer in {@code groupId} that hands over record values as raw bytes, so that a record
   * which is not a valid event can be dead-lettered as it arrived (decode with {@link
   * InboundEvents}).
   */
  public static Properties rawConsumer(String bootstrapServers, String groupId) {
    Properties p = consumer(bootstrapServers, groupId);
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  /**
   * A producer of raw byte values (dead letters), with the same guarantees as {@link #producer}.
   */
  public static Properties rawProducer(String bootstrapServers) {
    Properties p = producer(bootstrapServers);
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    return p;
  }

  /** An admin client. */
  public static Properties admin(String bootstrapServers) {
    Properties p = new Properties();
    p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "15000");
    p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
    return KafkaSecurity.apply(p);
  }
}
