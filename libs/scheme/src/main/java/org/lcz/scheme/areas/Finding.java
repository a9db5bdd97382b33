package org.lcz.scheme.areas;

/**
 * What a check found about one training area (or a class, or the file).
 *
 * @param level {@code ERROR}: the area is left out (or, for a class, training cannot go on); {@code
 *     WARNING}: used, but look at it; {@code NOTE}: changed as the rules say
 * @param rule a short name of the rule, e.g. {@code overlap}
 * @param subject the area's id, {@code class X} or the file
 */
public record Finding(Level level, String rule, String subject, String message) {
  /** How much a finding matters. */
  public enum Level {
    ERROR,
    WARNING,
    NOTE
  }

  @Override
  public String toString() {
    return level + " " + rule + " " + subject + ": " + message;
  }
}
