package org.lcz.scheme.areas;

import java.util.Locale;
import java.util.Optional;

/**
 * An LCZ class label as people write it in training-area files, read into the platform's values
 * 1–17: {@code 1}…{@code 10} and {@code A}…{@code G}, {@code 11}…{@code 17} for A–G, or {@code
 * 101}…{@code 107} for A–G; with or without an {@code LCZ} prefix and with a name after the code
 * ({@code LCZ 2}, {@code LCZ_A}, {@code 2 - Compact midrise}, {@code A: Dense trees}).
 */
public final class LczLabel {
  private LczLabel() {}

  /** The class value 1–17 of {@code label}, or empty when it names no LCZ. */
  public static Optional<Integer> parse(String label) {
    if (label == null) {
      return Optional.empty();
    }
    String s = label.trim().toUpperCase(Locale.ROOT);
    if (s.startsWith("LCZ")) {
      s = s.substring(3).trim();
      while (!s.isEmpty() && (s.charAt(0) == '_' || s.charAt(0) == '-' || s.charAt(0) == ':')) {
        s = s.substring(1).trim();
      }
    }
    // the code is the first token: "2 - Compact midrise", "A: Dense trees", "6_1"
    String code = s.split("[\\s:_\\-–.,;()]+", 2)[0];
    if (code.isEmpty()) {
      return Optional.empty();
    }
    if (code.length() == 1 && code.charAt(0) >= 'A' && code.charAt(0) <= 'G') {
      return Optional.of(11 + code.charAt(0) - 'A');
    }
    if (!code.matches("\\d{1,3}")) {
      return Optional.empty();
    }
    int n = Integer.parseInt(code);
    if (n >= 1 && n <= 17) {
      return Optional.of(n);
    }
    if (n >= 101 && n <= 107) {
      return Optional.of(n - 90);
    }
    return Optional.empty();
  }
}
