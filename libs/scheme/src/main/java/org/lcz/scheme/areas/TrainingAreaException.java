package org.lcz.scheme.areas;

/** A training-area file that cannot be read, with the reason a person can act on. */
public final class TrainingAreaException extends RuntimeException {
  public TrainingAreaException(String message) {
    super(message);
  }

  public TrainingAreaException(String message, Throwable cause) {
    super(message, cause);
  }
}
