package org.lcz.ingest.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Who may use the REST API: with keys configured, a request must carry one of them ({@code
 * Authorization: Bearer <key>} or {@code X-API-Key: <key>}) to write (and to read, unless reads
 * stay open); without keys the API is open. Keys are compared in constant time.
 */
public final class ApiKeys {
  private final List<byte[]> keys;
  private final boolean readsOpen;

  public ApiKeys(List<String> keys, boolean readsOpen) {
    this.keys =
        keys.stream()
            .map(String::trim)
            .filter(k -> !k.isEmpty())
            .map(k -> k.getBytes(StandardCharsets.UTF_8))
            .toList();
    this.readsOpen = readsOpen;
  }

  /** Whether any key is configured (else the API is open). */
  public boolean enabled() {
    return !keys.isEmpty();
  }

  /** Whether a request with {@code method} needs a key. */
  public boolean required(String method) {
    if (!enabled()) {
      return false;
    }
    boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
    return !read || !readsOpen;
  }

  /**
   * The key a request carries, from its {@code Authorization} ({@code Bearer …}) or {@code
   * X-API-Key} header.
   */
  public static Optional<String> presented(String authorization, String apiKeyHeader) {
    if (apiKeyHeader != null && !apiKeyHeader.isBlank()) {
      return Optional.of(apiKeyHeader.trim());
    }
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.of(authorization.substring(7).trim());
    }
    return Optional.empty();
  }

  /** Whether {@code key} is one of the configured keys. */
  public boolean accepts(String key) {
    byte[] given = key.getBytes(StandardCharsets.UTF_8);
    boolean ok = false;
    for (byte[] k : keys) {
      ok |= MessageDigest.isEqual(k, given);
    }
    return ok;
  }
}
