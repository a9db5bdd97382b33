package org.lcz.inference.map;

/**
 * A tile that cannot be mapped however often it is retried (bands or resolution that do not match
 * the model, a halo too small, an unreadable file); the message says what to change. Its event goes
 * to the dead-letter topic.
 */
public class UnmappableTileException extends RuntimeException {
  public UnmappableTileException(String message) {
    super(message);
  }

  public UnmappableTileException(String message, Throwable cause) {
    super(message, cause);
  }
}
