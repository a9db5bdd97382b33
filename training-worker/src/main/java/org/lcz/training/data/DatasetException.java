package org.lcz.training.data;

import java.nio.file.Path;

/** A data set file that cannot be used; the message names the file and the problem. */
public class DatasetException extends RuntimeException {
  private final transient Path file;
  private final String problem;

  public DatasetException(Path file, String problem) {
    this(file, problem, null);
  }

  public DatasetException(Path file, String problem, Throwable cause) {
    super(file.getFileName() + ": " + problem, cause);
    this.file = file;
    this.problem = problem;
  }

  /** The file. */
  public Path file() {
    return file;
  }

  /** The problem, without the file name. */
  public String problem() {
    return problem;
  }
}
