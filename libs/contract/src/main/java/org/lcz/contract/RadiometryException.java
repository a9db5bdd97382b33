package org.lcz.contract;

/**
 * Pixel values whose radiometry is unknown, contradicts what was declared, or cannot be converted
 * into the radiometry asked for; the message names both sides and what to do.
 */
public class RadiometryException extends IllegalArgumentException {
  public RadiometryException(String message) {
    super(message);
  }
}
