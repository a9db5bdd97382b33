package org.lcz.ingest.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.S3Settings;

/**
 * S3 endpoints other than the platform's own that STAC Items may point to with {@code
 * s3://bucket/key} hrefs (Earth Search's public {@code sentinel-cogs} on AWS, an agency's own
 * archive …), by bucket. An object there is read in place by HTTP range requests, like an {@code
 * https://} href: at its path-style address when the endpoint is public, or at a presigned GET
 * address (valid {@link #PRESIGN_FOR}) when the source has credentials. Buckets no source names are
 * the platform's own store.
 */
public final class RemoteBuckets implements AutoCloseable {
  /** How long a presigned address stays valid: long enough for the largest scene's tiling. */
  public static final Duration PRESIGN_FOR = Duration.ofHours(12);

  /**
   * One endpoint and the buckets it holds.
   *
   * @param accessKey with {@code secretKey}, the credentials; both empty for a public endpoint
   */
  public record Source(
      String name,
      URI endpoint,
      List<String> buckets,
      Optional<String> accessKey,
      Optional<String> secretKey,
      String region) {
    public Source {
      buckets = List.copyOf(buckets);
      if (buckets.isEmpty()) {
        throw new IllegalArgumentException("S3 source " + name + " names no buckets");
      }
      String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme();
      if (!scheme.equals("http") && !scheme.equals("https")) {
        throw new IllegalArgumentException(
            "S3 source " + name + ": the endpoint must be http(s)://, not " + endpoint);
      }
      if (accessKey.isPresent() != secretKey.isPresent()) {
        throw new IllegalArgumentException(
            "S3 source " + name + ": give both an access key and a secret key, or neither");
      }
    }
  }

  private final Map<String, Source> byBucket = new HashMap<>();
  private final Map<String, ObjectStore> signers = new HashMap<>();

  public RemoteBuckets(List<Source> sources) {
    for (Source s : sources) {
      for (String bucket : s.buckets()) {
        Source before = byBucket.put(bucket, s);
        if (before != null) {
          throw new IllegalArgumentException(
              "bucket " + bucket + " is named by S3 sources " + before.name() + " and " + s.name());
        }
      }
    }
  }

  /** No other endpoint: every {@code s3://} href is the platform's store. */
  public static RemoteBuckets none() {
    return new RemoteBuckets(List.of());
  }

  /** Whether {@code bucket} lives on a configured endpoint. */
  public synchronized boolean holds(String bucket) {
    return byBucket.containsKey(bucket);
  }

  /** Where to read {@code s3://bucket/key}, if {@code bucket} lives on a configured endpoint. */
  public synchronized Optional<URI> locate(String bucket, String key) {
    Source s = byBucket.get(bucket);
    if (s == null) {
      return Optional.empty();
    }
    if (s.accessKey().isEmpty()) {
      String base = s.endpoint().toString().replaceAll("/+$", "");
      return Optional.of(URI.create(base + "/" + bucket + "/" + encodePath(key)));
    }
    ObjectStore signer =
        signers.computeIfAbsent(
            s.name(),
            n ->
                new MinioObjectStore(
                    new S3Settings(
                        s.endpoint(), s.accessKey().get(), s.secretKey().get(), s.region())));
    try {
      return Optional.of(signer.presignedGet(bucket, key, PRESIGN_FOR).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a presigned address that is no URI: " + e.getMessage(), e);
    }
  }

  /** The key's path segments percent-encoded, its slashes kept. */
  static String encodePath(String key) {
    return Arrays.stream(key.split("/", -1))
        .map(segment -> URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"))
        .collect(Collectors.joining("/"));
  }

  @Override
  public synchronized void close() {
    signers.values().forEach(ObjectStore::close);
    signers.clear();
  }
}
