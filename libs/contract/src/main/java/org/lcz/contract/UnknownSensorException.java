package org.lcz.contract;

/** A scene from a sensor the platform does not read; the message names the sensor. */
public final class UnknownSensorException extends IllegalArgumentException {
  public UnknownSensorException(String message) {
    super(message);
  }
}
