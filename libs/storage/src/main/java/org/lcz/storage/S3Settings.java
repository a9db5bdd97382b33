package org.lcz.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Properties;

/**
 * Where the object store is and how to sign in. Credentials come from the environment ({@code
 * LCZ_S3_ACCESS_KEY}, {@code LCZ_S3_SECRET_KEY}); where unset, from the local stack's documented
 * defaults in {@code local-defaults.properties}.
 */
public record S3Settings(URI endpoint, String accessKey, String secretKey, String region) {
  /** Environment variable of the endpoint URL. */
  public static final String ENV_ENDPOINT = "LCZ_S3_ENDPOINT";

  /** Environment variable of the access key. */
  public static final String ENV_ACCESS_KEY = "LCZ_S3_ACCESS_KEY";

  /** Environment variable of the secret key. */
  public static final String ENV_SECRET_KEY = "LCZ_S3_SECRET_KEY";

  /** Environment variable of the region. */
  public static final String ENV_REGION = "LCZ_S3_REGION";

  public S3Settings {
    if (endpoint == null || accessKey == null || secretKey == null || region == null) {
      throw new IllegalArgumentException("S3 settings need endpoint, keys and region");
    }
  }

  /** The settings the process environment gives, with local defaults for what it leaves unset. */
  public static S3Settings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /** The settings {@code env} gives, with local defaults for what it leaves unset. */
  public static S3Settings fromEnvironment(Map<String, String> env) {
    S3Settings local = localDefaults();
    return new S3Settings(
        URI.create(env.getOrDefault(ENV_ENDPOINT, local.endpoint().toString())),
        env.getOrDefault(ENV_ACCESS_KEY, local.accessKey()),
        env.getOrDefault(ENV_SECRET_KEY, local.secretKey()),
        env.getOrDefault(ENV_REGION, local.region()));
  }

  /** The local stack's documented defaults. */
  public static S3Settings localDefaults() {
    Properties p = new Properties();
    try (InputStream in = S3Settings.class.getResourceAsStream("local-defaults.properties")) {
      if (in == null) {
        throw new IllegalStateException("local-defaults.properties is missing from the classpath");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new S3Settings(
        URI.create(p.getProperty("endpoint")),
        p.getProperty("access-key"),
        p.getProperty("secret-key"),
        p.getProperty("region"));
  }

  /** The same credentials against another endpoint. */
  public S3Settings withEndpoint(URI other) {
    return new S3Settings(other, accessKey, secretKey, region);
  }

  @Override
  public String toString() {
    return "S3Settings[endpoint="
        + endpoint
        + ", accessKey="
        + accessKey
        + ", region="
        + region
        + "]";
  }
}
