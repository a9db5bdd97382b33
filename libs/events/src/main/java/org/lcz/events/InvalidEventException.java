package org.lcz.events;

/** An event payload or envelope that cannot be read; the message names the event and the field. */
public class InvalidEventException extends RuntimeException {
  public InvalidEventException(String message, Throwable cause) {
    super(message, cause);
  }

  public InvalidEventException(String message) {
    super(message);
  }
}
