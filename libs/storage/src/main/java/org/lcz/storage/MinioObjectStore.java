package org.lcz.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import io.minio.http.Method;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** {@link ObjectStore} over the MinIO Java client; works with MinIO, AWS S3 and s3proxy. */
public final class MinioObjectStore implements ObjectStore {
  /** User-metadata name of the content's SHA-256 ({@code x-amz-meta-sha256} on the wire). */
  public static final String SHA256_METADATA = "sha256";

  /** Multipart part size: objects larger than this are uploaded in parts. */
  static final long PART_SIZE = 16L * 1024 * 1024;

  private static final Set<String> TRANSIENT_CODES =
      Set.of("InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout");

  private final MinioClient client;
  private final RetryPolicy retry;
  private final URI endpoint;

  public MinioObjectStore(S3Settings settings) {
    this(settings, RetryPolicy.standard());
  }

  public MinioObjectStore(S3Settings settings, RetryPolicy retry) {
    this.endpoint = settings.endpoint();
    this.retry = retry;
    this.client =
        MinioClient.builder()
            .endpoint(settings.endpoint().toString())
            .credentials(settings.accessKey(), settings.secretKey())
            .region(settings.region())
            .build();
    long connect = TimeUnit.SECONDS.toMillis(10);
    long transfer = TimeUnit.MINUTES.toMillis(5);
    client.setTimeout(connect, transfer, transfer);
  }

  @Override
  public ObjectRef put(String bucket, String key, Path file, String contentType) {
    if (!Files.isRegularFile(file)) {
      throw new ObjectStoreException(
          "cannot upload " + file + " to s3://" + bucket + "/" + key + ": not a readable file");
    }
    return upload(bucket, key, file, Sha256.of(file), contentType, Map.of());
  }

  @Override
  public ObjectRef put(
      String bucket, String key, Path file, String contentType, Map<String, String> metadata) {
    if (!Files.isRegularFile(file)) {
      throw new ObjectStoreException(
          "cannot upload " + file + " to s3://" + bucket + "/" + key + ": not a readable file");
    }
    return upload(bucket, key, file, Sha256.of(file), contentType, metadata);
  }

  private ObjectRef upload(
      String bucket,
      String key,
      Path file,
      String sha256,
      String contentType,
      Map<String, String> metadata) {
    long size = sizeOf(file);
    call(
        "upload to",
        bucket,
        key,
        () -> {
          try (InputStream in = Files.newInputStream(file)) {
            return client.putObject(
                putArgs(bucket, key, contentType, sha256, metadata).stream(in, size, partSize(size))
                    .build());
          }
        });
    return new ObjectRef(bucket, key, sha256);
  }

  @Override
  public ObjectRef put(String bucket, String key, byte[] content, String contentType) {
    String sha256 = Sha256.of(content);
    call(
        "upload to",
        bucket,
        key,
        () ->
            client.putObject(
                putArgs(bucket, key, contentType, sha256).stream(
                        new ByteArrayInputStream(content), content.length, partSize(content.length))
                    .build()));
    return new ObjectRef(bucket, key, sha256);
  }

  @Override
  public ObjectRef put(String bucket, String key, InputStream content, String contentType) {
    Path spool = null;
    try {
      spool = Files.createTempFile("lcz-upload-", ".part");
      MessageDigest digest = Sha256.newDigest();
      try (OutputStream out = new DigestOutputStream(Files.newOutputStream(spool), digest)) {
        content.transferTo(out);
      }
      return upload(bucket, key, spool, Sha256.hex(digest), contentType, Map.of());
    } catch (IOException e) {
      throw new ObjectStoreException(
          "cannot upload to s3://" + bucket + "/" + key + ": reading the content failed: " + e, e);
    } finally {
      deleteQuietly(spool);
    }
  }

  @Override
  public InputStream get(ObjectRef ref) {
    GetObjectResponse response =
        call(
            "read",
            ref.bucket(),
            ref.key(),
            () ->
                client.getObject(
                    GetObjectArgs.builder().bucket(ref.bucket()).object(ref.key()).build()));
    String stored = storedSha256(ref, response.headers().get("x-amz-meta-" + SHA256_METADATA));
    String expected = ref.sha256() != null ? ref.sha256() : stored;
    return expected == null ? response : new VerifyingInputStream(response, ref, expected);
  }

  @Override
  public InputStream get(ObjectRef ref, long offset, long length) {
    if (offset < 0 || length < 1) {
      throw new IllegalArgumentException("a range needs offset ≥ 0 and length ≥ 1");
    }
    return call(
        "read",
        ref.bucket(),
        ref.key(),
        () ->
            client.getObject(
                GetObjectArgs.builder()
                    .bucket(ref.bucket())
                    .object(ref.key())
                    .offset(offset)
                    .length(length)
                    .build()));
  }

  @Override
  public Path download(ObjectRef ref, Path target) {
    Path partial = target.resolveSibling(target.getFileName() + ".part");
    try (InputStream in = get(ref)) {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (ChecksumMismatchException e) {
      throw new ObjectStoreException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ObjectStoreException(
          "cannot download " + ref.uri() + " to " + target + ": " + e, e);
    } finally {
      deleteQuietly(partial);
    }
  }

  @Override
  public byte[] read(ObjectRef ref) {
    try (InputStream in = get(ref)) {
      return in.readAllBytes();
    } catch (ChecksumMismatchException e) {
      throw new ObjectStoreException(e.getMessage(), e);
    } catch (IOException e) {
      throw new ObjectStoreException("cannot read " + ref.uri() + ": " + e, e);
    }
  }

  @Override
  public ObjectInfo stat(String bucket, String key) {
    StatObjectResponse r =
        call(
            "stat",
            bucket,
            key,
            () -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()));
    ObjectRef plain = ObjectRef.of(bucket, key);
    String sha256 =
        r.userMetadata().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(SHA256_METADATA))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
    Map<String, String> user = new TreeMap<>();
    r.userMetadata()
        .forEach(
            (k, v) -> {
              if (!k.equalsIgnoreCase(SHA256_METADATA)) {
                user.put(k.toLowerCase(Locale.ROOT), v);
              }
            });
    return new ObjectInfo(
        plain.withSha256(storedSha256(plain, sha256)),
        r.size(),
        unquote(r.etag()),
        r.lastModified().toInstant(),
        user);
  }

  @Override
  public boolean exists(String bucket, String key) {
    try {
      stat(bucket, key);
      return true;
    } catch (ObjectNotFoundException e) {
      return false;
    }
  }

  @Override
  public List<ObjectInfo> list(String bucket, String prefix) {
    return call(
        "list",
        bucket,
        prefix + "*",
        () -> {
          List<ObjectInfo> out = new ArrayList<>();
          for (Result<Item> result :
              client.listObjects(
                  ListObjectsArgs.builder()
                      .bucket(bucket)
                      .prefix(prefix)
                      .recursive(true)
                      .build())) {
            Item item = result.get();
            if (!item.isDir()) {
              out.add(
                  new ObjectInfo(
                      ObjectRef.of(bucket, item.objectName()),
                      item.size(),
                      unquote(item.etag()),
                      item.lastModified().toInstant()));
            }
          }
          return out;
        });
  }

  @Override
  public void delete(String bucket, String key) {
    call(
        "delete",
        bucket,
        key,
        () -> {
          client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build());
          return null;
        });
  }

  @Override
  public URL presignedGet(String bucket, String key, Duration expiry) {
    String url =
        call(
            "presign",
            bucket,
            key,
            () ->
                client.getPresignedObjectUrl(
                    GetPresignedObjectUrlArgs.builder()
                        .method(Method.GET)
                        .bucket(bucket)
                        .object(key)
                        .expiry((int) expiry.toSeconds())
                        .build()));
    try {
      return URI.create(url).toURL();
    } catch (MalformedURLException e) {
      throw new ObjectStoreException("the store presigned a malformed URL: " + url, e);
    }
  }

  @Override
  public void ensureBuckets(Collection<String> buckets) {
    for (String bucket : buckets) {
      call(
          "create bucket",
          bucket,
          "",
          () -> {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
              try {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
              } catch (ErrorResponseException e) {
                String code = e.errorResponse().code();
                if (!code.equals("BucketAlreadyOwnedByYou")
                    && !code.equals("BucketAlreadyExists")) {
                  throw e;
                }
              }
            }
            return null;
          });
    }
  }

  @Override
  public void checkReady(Collection<String> buckets) {
    for (String bucket : buckets) {
      boolean exists =
          call(
              "check bucket",
              bucket,
              "",
              () -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()));
      if (!exists) {
        throw new ObjectStoreException("bucket '" + bucket + "' does not exist at " + endpoint);
      }
    }
  }

  @Override
  public void close() {
    try {
      client.close();
    } catch (Exception e) {
      throw new ObjectStoreException("closing the S3 client failed: " + e, e);
    }
  }

  @Override
  public String toString() {
    return "MinioObjectStore[" + endpoint + "]";
  }

  private static PutObjectArgs.Builder putArgs(
      String bucket, String key, String contentType, String sha256) {
    return putArgs(bucket, key, contentType, sha256, Map.of());
  }

  private static PutObjectArgs.Builder putArgs(
      String bucket, String key, String contentType, String sha256, Map<String, String> metadata) {
    Map<String, String> all = new TreeMap<>();
    metadata.forEach((k, v) -> all.put(k.toLowerCase(Locale.ROOT), v));
    all.put(SHA256_METADATA, sha256);
    return PutObjectArgs.builder()
        .bucket(bucket)
        .object(key)
        .contentType(contentType)
        .userMetadata(all);
  }

  /** Single PUT up to {@link #PART_SIZE}; above it, parts of that size (S3 allows 10,000). */
  private static long partSize(long size) {
    return Math.max(PART_SIZE, (size + 9_999) / 10_000);
  }

  private <T> T call(String action, String bucket, String key, Callable<T> operation) {
    String where = "s3://" + bucket + "/" + key;
    try {
      return retry.call(operation, MinioObjectStore::isTransient);
    } catch (ErrorResponseException e) {
      String code = e.errorResponse().code();
      if ("NoSuchKey".equals(code) || "NoSuchObject".equals(code)) {
        throw new ObjectNotFoundException("no object " + where + " at " + endpoint, e);
      }
      if ("NoSuchBucket".equals(code)) {
        throw new ObjectNotFoundException(
            "cannot "
                + action
                + " "
                + where
                + ": bucket '"
                + bucket
                + "' does not exist at "
                + endpoint,
            e);
      }
      throw new ObjectStoreException(
          "cannot " + action + " " + where + ": " + code + ": " + e.errorResponse().message(), e);
    } catch (ObjectStoreException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ObjectStoreException("interrupted while trying to " + action + " " + where, e);
    } catch (IllegalArgumentException e) {
      // the client refuses the name before asking the server: no retry can mend it
      throw new ObjectStoreException(
          "cannot "
              + action
              + " "
              + where
              + " at "
              + endpoint
              + ": the name is refused ("
              + e.getMessage()
              + ")",
          e,
          true);
    } catch (Exception e) {
      throw new ObjectStoreException(
          "cannot " + action + " " + where + " at " + endpoint + ": " + e, e);
    }
  }

  /** Failures worth another attempt: the network, and the server saying it is busy or broken. */
  static boolean isTransient(Exception e) {
    if (e instanceof ErrorResponseException ere) {
      return TRANSIENT_CODES.contains(ere.errorResponse().code())
          || (ere.response() != null && ere.response().code() >= 500);
    }
    if (e instanceof NoSuchFileException || e instanceof ChecksumMismatchException) {
      return false;
    }
    return e instanceof ServerException
        || e instanceof InvalidResponseException
        || e instanceof IOException;
  }

  private static String storedSha256(ObjectRef ref, String value) {
    if (value == null) {
      return null;
    }
    if (!value.matches("[0-9a-f]{64}")) {
      throw new ObjectStoreException(
          ref.uri() + " carries malformed sha256 metadata '" + value + "'; it cannot be verified");
    }
    return value;
  }

  private static String unquote(String etag) {
    return etag == null ? null : etag.replace("\"", "");
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
