package org.lcz.storage;

import java.io.IOException;

/** The bytes read do not have the SHA-256 the object was stored with: corrupt or truncated. */
public class ChecksumMismatchException extends IOException {
  private final ObjectRef ref;

  public ChecksumMismatchException(ObjectRef ref, String expected, String actual, long bytes) {
    super(
        ref.uri()
            + " failed its checksum: expected sha256 "
            + expected
            + ", read "
            + actual
            + " over "
            + bytes
            + " bytes; the object is corrupt or truncated");
    this.ref = ref;
  }

  /** The object that failed. */
  public ObjectRef ref() {
    return ref;
  }
}
