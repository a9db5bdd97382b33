package org.lcz.common.events;

/** Checks of required fields, shared by the event records' constructors. */
final class Require {
  private Require() {}

  /** Returns {@code value}, or fails naming the missing field. */
  static <T> T present(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("missing required field '" + field + "'");
    }
    if (value instanceof String s && s.isBlank()) {
      throw new IllegalArgumentException("required field '" + field + "' is blank");
    }
    return value;
  }

  /** Fails unless {@code value} is at least {@code min}, naming the field. */
  static int atLeast(int value, int min, String field) {
    if (value < min) {
      throw new IllegalArgumentException(
          "field '" + field + "' must be at least " + min + ", was " + value);
    }
    return value;
  }
}
