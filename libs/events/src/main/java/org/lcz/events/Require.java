package org.lcz.events;

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

  /**
   * Returns {@code value} if it can name a scene or a tile in object keys: 1–200 of {@code A-Z a-z
   * 0-9 . _ -}, not {@code .} or {@code ..}; else fails naming the field.
   */
  static String id(String value, String field) {
    present(value, field);
    if (!value.matches("[A-Za-z0-9._-]{1,200}") || value.equals(".") || value.equals("..")) {
      throw new IllegalArgumentException(
          "field '"
              + field
              + "' may hold 1–200 letters, digits, '.', '_' and '-' (not '.' or '..'), not '"
              + (value.length() > 80 ? value.substring(0, 80) + "…" : value)
              + "'");
    }
    return value;
  }
}
