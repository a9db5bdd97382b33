package org.lcz.training.data;

import java.nio.file.Path;

/** A data set that cannot be trained on; the message names the file and the problem. */
public class DatasetException extends RuntimeException {
  public DatasetException(Path file, String problem) {
    super(file.getFileName() + ": " + problem);
  }

  public DatasetException(Path file, String problem, Throwable cause) {
    super(file.getFileName() + ": " + problem, cause);
  }
}
