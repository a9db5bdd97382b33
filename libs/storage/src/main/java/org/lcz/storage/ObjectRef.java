package org.lcz.storage;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reference to one object in the object store, as events carry it. Its bucket and key pass {@link
 * ObjectKeys}' checks: a reference cannot point out of its prefix.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param sha256 the lower-case hex SHA-256 of the content, or {@code null} where it is not known
 *     (objects that users drop into the inbox with a third-party client)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectRef(
    @JsonProperty(required = true) String bucket,
    @JsonProperty(required = true) String key,
    String sha256) {

  public ObjectRef {
    ObjectKeys.requireBucket(bucket);
    ObjectKeys.requireSafeKey(key);
    if (sha256 != null && !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "sha256 of s3://" + bucket + "/" + key + " is not 64 lower-case hex digits: " + sha256);
    }
  }

  /** A reference without a checksum. */
  public static ObjectRef of(String bucket, String key) {
    return new ObjectRef(bucket, key, null);
  }

  /** The same object, with the given checksum. */
  public ObjectRef withSha256(String checksum) {
    return new ObjectRef(bucket, key, checksum);
  }

  /** True when both name the same bucket and key, whatever their checksums. */
  public boolean sameObject(ObjectRef other) {
    return bucket.equals(other.bucket) && key.equals(other.key);
  }

  /** The key's last segment: the object's file name. */
  public String fileName() {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /** {@code s3://bucket/key}. */
  public String uri() {
    return "s3://" + bucket + "/" + key;
  }

  @Override
  public String toString() {
    return sha256 == null ? uri() : uri() + " (sha256 " + sha256.substring(0, 12) + "…)";
  }
}
