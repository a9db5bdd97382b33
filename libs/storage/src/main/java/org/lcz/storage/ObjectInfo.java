package org.lcz.storage;

import java.time.Instant;
import java.util.Map;

/**
 * What the store knows of one object.
 *
 * @param ref bucket, key and the SHA-256 stored with the object ({@code null} when it has none)
 * @param size length in bytes
 * @param etag the store's entity tag, without quotes
 * @param lastModified when it was last written
 * @param metadata the object's user metadata ({@code x-amz-meta-*}) by lower-case name, without the
 *     platform's checksum; empty when the object was listed rather than looked at
 */
public record ObjectInfo(
    ObjectRef ref, long size, String etag, Instant lastModified, Map<String, String> metadata) {
  public ObjectInfo {
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  /** An object as a listing shows it: without its user metadata. */
  public ObjectInfo(ObjectRef ref, long size, String etag, Instant lastModified) {
    this(ref, size, etag, lastModified, Map.of());
  }
}
