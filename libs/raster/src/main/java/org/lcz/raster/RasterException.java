package org.lcz.raster;

/** A raster that cannot be used; the message names the file and says what to do about it. */
public class RasterException extends RuntimeException {
  public RasterException(String message) {
    super(message);
  }

  public RasterException(String message, Throwable cause) {
    super(message, cause);
  }
}
