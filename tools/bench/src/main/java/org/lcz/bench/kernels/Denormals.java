package org.lcz.bench.kernels;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Flushes denormals to zero on the calling thread, through the small native library {@code ./lcz}
 * builds from {@code tools/bench/src/main/c/denormals.c} (named by the system property {@value
 * #LIBRARY}).
 */
final class Denormals {
  /** System property naming the built library. */
  static final String LIBRARY = "lcz.denormals.library";

  private Denormals() {}

  /** Sets FTZ and DAZ on this thread; returns the MXCSR register after, to show both bits. */
  static int flush() {
    String path = System.getProperty(LIBRARY);
    if (path == null || !Files.isRegularFile(Path.of(path))) {
      throw new IllegalStateException(
          "denormals cannot be flushed: no native library at " + LIBRARY + "=" + path);
    }
    System.load(path);
    return flushOnThisThread();
  }

  private static native int flushOnThisThread();
}
