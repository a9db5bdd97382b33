package org.lcz.storage;

/**
 * An object-store operation failed; the message names the object and what went wrong. {@link
 * #permanent()} tells a failure no retry can mend (a refused name, a missing object, a checksum
 * that does not match) from one worth another attempt (the store unreachable or busy).
 */
public class ObjectStoreException extends RuntimeException {
  private final boolean permanent;

  public ObjectStoreException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public ObjectStoreException(String message) {
    this(message, null, false);
  }

  public ObjectStoreException(String message, Throwable cause, boolean permanent) {
    super(message, cause);
    this.permanent = permanent;
  }

  /** Whether no retry can mend this failure. */
  public boolean permanent() {
    return permanent;
  }
}
