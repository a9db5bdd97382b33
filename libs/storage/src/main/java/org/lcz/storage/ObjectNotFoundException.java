package org.lcz.storage;

/** The object, or the bucket it should be in, does not exist (a permanent failure of the read). */
public class ObjectNotFoundException extends ObjectStoreException {
  public ObjectNotFoundException(String message, Throwable cause) {
    super(message, cause, true);
  }
}
