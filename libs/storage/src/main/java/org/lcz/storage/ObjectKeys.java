package org.lcz.storage;

import java.nio.charset.StandardCharsets;

/**
 * The one check of bucket names and object keys that come from events, REST requests and documents,
 * before any store is asked: a key may not climb out of its prefix ({@code .} or {@code ..}
 * segments), start with {@code /}, hold a backslash or control characters, or exceed S3's 1,024
 * bytes; a bucket name is one path segment (1–63 of {@code A-Z a-z 0-9 . _ -}, not {@code .} or
 * {@code ..}; the store itself applies its stricter rules). Such names are permanent errors: no
 * retry can make them valid.
 */
public final class ObjectKeys {
  private ObjectKeys() {}

  /**
   * {@code key} if it is a safe object key.
   *
   * @throws IllegalArgumentException naming the key and what is wrong with it
   */
  public static String requireSafeKey(String key) {
    if (key == null || key.isBlank()) {
      throw new IllegalArgumentException("missing required field 'key'");
    }
    if (key.getBytes(StandardCharsets.UTF_8).length > 1024) {
      throw new IllegalArgumentException("object key longer than 1024 bytes: " + shorten(key));
    }
    if (key.startsWith("/")) {
      throw new IllegalArgumentException("object key '" + shorten(key) + "' starts with '/'");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 0x20 || c == 0x7F || c == '\\') {
        throw new IllegalArgumentException(
            "object key '" + shorten(key) + "' holds a control character or a backslash");
      }
    }
    for (String segment : key.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException(
            "object key '" + shorten(key) + "' holds a '" + segment + "' segment");
      }
    }
    return key;
  }

  /**
   * {@code bucket} if it is one safe path segment.
   *
   * @throws IllegalArgumentException naming the bucket
   */
  public static String requireBucket(String bucket) {
    if (bucket == null || bucket.isBlank()) {
      throw new IllegalArgumentException("missing required field 'bucket'");
    }
    if (!bucket.matches("[A-Za-z0-9._-]{1,63}") || bucket.equals(".") || bucket.equals("..")) {
      throw new IllegalArgumentException(
          "'"
              + shorten(bucket)
              + "' is not a bucket name (1–63 of letters, digits, '.', '_', '-')");
    }
    return bucket;
  }

  private static String shorten(String s) {
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
