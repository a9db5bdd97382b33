package org.lcz.contract;

/** A tile does not carry the bands the model needs; the message names them. */
public class BandMismatchException extends IllegalArgumentException {
  public BandMismatchException(String message) {
    super(message);
  }
}
