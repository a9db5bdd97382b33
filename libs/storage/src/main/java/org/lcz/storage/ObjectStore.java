package org.lcz.storage;

import java.io.InputStream;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The platform's view of S3-compatible object storage. Every write stores the content's SHA-256 as
 * object metadata; every read of an object that has one verifies it. Failures are {@link
 * ObjectStoreException}s naming the object; a missing object or bucket is an {@link
 * ObjectNotFoundException}.
 */
public interface ObjectStore extends AutoCloseable {

  /** Uploads a file (multipart when large); returns its reference with the SHA-256. */
  ObjectRef put(String bucket, String key, Path file, String contentType);

  /**
   * Uploads a local file with user metadata (sent as {@code x-amz-meta-<name>}; names in lower
   * case), e.g. the {@code acquired} time of an uploaded scene.
   */
  ObjectRef put(
      String bucket, String key, Path file, String contentType, Map<String, String> metadata);

  /** Uploads bytes; returns the reference with the SHA-256. */
  ObjectRef put(String bucket, String key, byte[] content, String contentType);

  /**
   * Uploads a stream of unknown length without holding it in memory (it is spooled to a temporary
   * file while its SHA-256 is computed); returns the reference with the SHA-256.
   */
  ObjectRef put(String bucket, String key, InputStream content, String contentType);

  /**
   * Opens an object for streaming. Reading to the end verifies the SHA-256 ({@code ref.sha256()} if
   * set, else the one stored with the object) and throws {@link ChecksumMismatchException} from the
   * last read if it differs. An object stored by a third party without a checksum is read
   * unverified.
   */
  InputStream get(ObjectRef ref);

  /** Downloads an object to a file, verified as {@link #get} does; returns the file. */
  Path download(ObjectRef ref, Path target);

  /**
   * Streams {@code length} bytes of an object from {@code offset} (an HTTP range read; not checked
   * against the object's SHA-256, which covers the whole object).
   */
  InputStream get(ObjectRef ref, long offset, long length);

  /** Reads a whole (small) object, verified as {@link #get} does. */
  byte[] read(ObjectRef ref);

  /** Metadata of one object, with its stored SHA-256 if it has one. */
  ObjectInfo stat(String bucket, String key);

  /** Whether the object exists. */
  boolean exists(String bucket, String key);

  /**
   * The objects whose keys start with {@code prefix}, in key order. Listings carry no stored
   * checksums ({@code ref().sha256()} is null); {@link #stat} has them.
   */
  List<ObjectInfo> list(String bucket, String prefix);

  /** Deletes an object; deleting one that does not exist is not an error. */
  void delete(String bucket, String key);

  /** A URL anyone can GET the object with, valid for {@code expiry}. */
  URL presignedGet(String bucket, String key, Duration expiry);

  /** Creates each bucket that does not exist yet. */
  void ensureBuckets(Collection<String> buckets);

  /** Fails with an {@link ObjectStoreException} unless the store answers and all buckets exist. */
  void checkReady(Collection<String> buckets);

  @Override
  void close();
}
