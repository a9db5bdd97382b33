package org.lcz.raster;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * When a scene's imagery was acquired, read from the ways sources write it: an ISO 8601 instant
 * ({@code 2025-06-01T10:20:31.024Z}, with any offset), a date and time without a zone (read as UTC,
 * as SAFE metadata writes it), a date ({@code 2025-06-01}, midnight UTC) or the TIFF {@code
 * DateTime} tag's {@code 2025:06:01 10:20:30} (UTC). Years before 1950 or after 2200 are refused:
 * such a value is a typo, not an acquisition.
 */
public final class AcquisitionTime {
  private static final DateTimeFormatter TIFF = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

  private AcquisitionTime() {}

  /** The instant {@code text} names, or empty when it names none. */
  public static Optional<Instant> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    String t = text.trim();
    Instant at = null;
    try {
      at = OffsetDateTime.parse(t).toInstant();
    } catch (DateTimeParseException e) {
      try {
        at = LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        try {
          at = LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e3) {
          try {
            at = LocalDateTime.parse(t, TIFF).toInstant(ZoneOffset.UTC);
          } catch (DateTimeParseException e4) {
            return Optional.empty();
          }
        }
      }
    }
    int year = at.atOffset(ZoneOffset.UTC).getYear();
    return year < 1950 || year > 2200 ? Optional.empty() : Optional.of(at);
  }

  /**
   * The instant {@code text} names.
   *
   * @param what what holds the text, for the message (e.g. {@code the acquired parameter})
   * @throws IllegalArgumentException saying what is wrong and what is expected
   */
  public static Instant require(String text, String what) {
    return parse(text)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    what
                        + " is '"
                        + text
                        + "', not an acquisition time; give a date (2025-06-01) or a UTC time"
                        + " (2025-06-01T10:20:30Z) between 1950 and 2200"));
  }
}
