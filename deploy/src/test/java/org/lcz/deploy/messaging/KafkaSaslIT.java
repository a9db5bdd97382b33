package org.lcz.deploy.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.EmbeddedKafka;
import org.lcz.deploy.stack.StackSettings;
import org.lcz.messaging.KafkaClients;
import org.lcz.messaging.KafkaSecurity;

/**
 * The platform's Kafka clients against a broker that takes only SASL/PLAIN: with the {@code
 * LCZ_KAFKA_*} settings a deployment would set they get in, produce and consume; with a wrong
 * password they are refused by name; without settings they do not get in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KafkaSaslIT {
  private static final String JAAS =
      "org.apache.kafka.common.security.plain.PlainLoginModule required"
          + " username=\"lcz-service\" password=\"%s\";";

  @TempDir static Path dir;
  private EmbeddedKafka kafka;

  @BeforeAll
  void startASecuredBroker() {
    kafka =
        EmbeddedKafka.startWithSaslPlain(
            dir.resolve("kafka"),
            StackSettings.LOOPBACK,
            StackSettings.freePort(),
            StackSettings.freePort(),
            Map.of("lcz-service", "s3cret"));
  }

  @AfterAll
  void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  private static Map<String, String> env(String password) {
    return Map.of(
        KafkaSecurity.variable("security.protocol"), "SASL_PLAINTEXT",
        KafkaSecurity.variable("sasl.mechanism"), "PLAIN",
        KafkaSecurity.variable("sasl.jaas.config"), String.format(JAAS, password));
  }

  @Test
  void clientsWithTheEnvironmentsSettingsProduceAndConsume() throws Exception {
    String bootstrap = kafka.bootstrapServers();
    Map<String, String> env = env("s3cret");
    try (Admin admin = Admin.create(KafkaSecurity.apply(KafkaClients.admin(bootstrap), env))) {
      admin
          .createTopics(List.of(new NewTopic("secured", 1, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    }
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(KafkaSecurity.apply(KafkaClients.rawProducer(bootstrap), env))) {
      producer
          .send(new ProducerRecord<>("secured", "k", "hello".getBytes(StandardCharsets.UTF_8)))
          .get(30, TimeUnit.SECONDS);
    }
    Properties consumer = KafkaSecurity.apply(KafkaClients.rawConsumer(bootstrap, "g"), env);
    try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumer)) {
      TopicPartition p = new TopicPartition("secured", 0);
      c.assign(List.of(p));
      c.seekToBeginning(List.of(p));
      List<ConsumerRecord<String, byte[]>> got = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (got.isEmpty() && System.nanoTime() < deadline) {
        c.poll(Duration.ofMillis(500)).forEach(got::add);
      }
      assertThat(got).hasSize(1);
      assertThat(new String(got.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hello");
    }
  }

  @Test
  void aWrongPasswordIsRefusedAsAnAuthenticationFailure() {
    Properties p = KafkaSecurity.apply(KafkaClients.admin(kafka.bootstrapServers()), env("wrong"));
    try (Admin admin = Admin.create(p)) {
      assertThatThrownBy(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  @Test
  void aClientWithoutSettingsDoesNotGetIn() {
    Properties p = KafkaClients.admin(kafka.bootstrapServers());
    p.put("default.api.timeout.ms", "5000");
    p.put("request.timeout.ms", "4000");
    try (Admin admin = Admin.create(p)) {
      // the broker drops a PLAINTEXT client at the handshake: no answer, only the timeout
      assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
    }
  }
}
