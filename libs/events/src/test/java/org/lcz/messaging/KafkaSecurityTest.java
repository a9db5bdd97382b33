package org.lcz.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {
  @Test
  void securitySettingsComeFromTheirLczKafkaVariablesAndNothingElseDoes() {
    Map<String, String> env =
        Map.of(
            "LCZ_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
            "LCZ_KAFKA_SASL_MECHANISM", "PLAIN",
            "LCZ_KAFKA_SASL_JAAS_CONFIG",
                "org.apache.kafka.common.security.plain.PlainLoginModule required"
                    + " username=\"lcz\" password=\"x\";",
            "LCZ_KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/lcz/ca.p12",
            "LCZ_KAFKA_LINGER_MS", "999",
            "LCZ_KAFKA_SSL_KEYSTORE_PASSWORD", " ");
    Properties p = KafkaSecurity.apply(new Properties(), env);
    assertThat(p)
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "PLAIN")
        .containsEntry("ssl.truststore.location", "/etc/lcz/ca.p12")
        .doesNotContainKey("linger.ms") // not a security setting
        .doesNotContainKey("ssl.keystore.password"); // blank
    assertThat((String) p.get("sasl.jaas.config")).contains("PlainLoginModule");
    assertThat(KafkaSecurity.variable("ssl.endpoint.identification.algorithm"))
        .isEqualTo("LCZ_KAFKA_SSL_ENDPOINT_IDENTIFICATION_ALGORITHM");
  }

  @Test
  void withoutThemClientsStayPlaintext() {
    assertThat(KafkaSecurity.apply(new Properties(), Map.of())).isEmpty();
  }
}
