package org.lcz.deploy.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The local platform's API key: {@code LCZ_INGEST_API_KEYS} when set, else the one kept in the data
 * folder ({@code api-key}, readable by its owner only), made on first use from 24 random bytes.
 */
public final class ApiKeyFile {
  /** The ingest service's environment variable for its API keys. */
  public static final String ENV = "LCZ_INGEST_API_KEYS";

  private ApiKeyFile() {}

  /** Where the key is kept. */
  public static Path file(Path dataDir) {
    return dataDir.resolve("api-key");
  }

  /** The key: from the environment, the data folder, or made now and kept there. */
  public static String keyFor(Path dataDir) {
    String fromEnv = System.getenv(ENV);
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromEnv.split(",")[0].trim();
    }
    Path file = file(dataDir);
    try {
      if (Files.isRegularFile(file)) {
        String kept = Files.readString(file, StandardCharsets.UTF_8).trim();
        if (!kept.isEmpty()) {
          return kept;
        }
      }
      byte[] random = new byte[24];
      new SecureRandom().nextBytes(random);
      String key = "lcz-" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      Files.createDirectories(dataDir);
      Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the folder's permissions protect it
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the API key in " + file + ": " + e, e);
    }
  }
}
