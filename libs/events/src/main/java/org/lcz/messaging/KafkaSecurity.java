package org.lcz.messaging;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * How the platform's Kafka clients authenticate and encrypt, from the environment: each of Kafka's
 * security client settings is taken from an {@code LCZ_KAFKA_} variable named after it ({@code
 * security.protocol} ← {@code LCZ_KAFKA_SECURITY_PROTOCOL}, {@code sasl.jaas.config} ← {@code
 * LCZ_KAFKA_SASL_JAAS_CONFIG}, {@code ssl.truststore.location} ← {@code
 * LCZ_KAFKA_SSL_TRUSTSTORE_LOCATION}, …). Only the security settings are read this way; unset,
 * clients speak PLAINTEXT as before.
 */
public final class KafkaSecurity {
  /** The client settings read from the environment. */
  static final Set<String> SETTINGS =
      Set.of(
          "security.protocol",
          "sasl.mechanism",
          "sasl.jaas.config",
          "sasl.client.callback.handler.class",
          "sasl.login.callback.handler.class",
          "sasl.oauthbearer.token.endpoint.url",
          "ssl.truststore.location",
          "ssl.truststore.password",
          "ssl.truststore.type",
          "ssl.keystore.location",
          "ssl.keystore.password",
          "ssl.keystore.type",
          "ssl.key.password",
          "ssl.endpoint.identification.algorithm");

  private KafkaSecurity() {}

  /** The environment variable of {@code setting}, e.g. {@code LCZ_KAFKA_SASL_MECHANISM}. */
  public static String variable(String setting) {
    return "LCZ_KAFKA_" + setting.replace('.', '_').toUpperCase(Locale.ROOT);
  }

  /** Adds to {@code client} the security settings {@code env} gives. */
  public static Properties apply(Properties client, Map<String, String> env) {
    for (String setting : SETTINGS) {
      String value = env.get(variable(setting));
      if (value != null && !value.isBlank()) {
        client.put(setting, value);
      }
    }
    return client;
  }

  /** Adds the security settings of this process's environment. */
  static Properties apply(Properties client) {
    return apply(client, System.getenv());
  }
}
