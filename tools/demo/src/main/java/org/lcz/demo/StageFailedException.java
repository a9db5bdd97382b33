package org.lcz.demo;

/** A stage of the demo failed; the message says why, for the person at the terminal. */
public final class StageFailedException extends RuntimeException {
  private final String stage;

  StageFailedException(String stage, String reason, Throwable cause) {
    super(reason, cause);
    this.stage = stage;
  }

  StageFailedException(String stage, String reason) {
    this(stage, reason, null);
  }

  /** The stage that failed, e.g. {@code training}. */
  public String stage() {
    return stage;
  }
}
