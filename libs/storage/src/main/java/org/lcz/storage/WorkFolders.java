package org.lcz.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Local work folders that services download into and clean up after a job. */
public final class WorkFolders {
  private WorkFolders() {}

  /**
   * Deletes {@code dir} and everything in it, if it exists; returns the problem instead of throwing
   * (cleaning up must not hide the job's own outcome), for the caller to log.
   */
  public static Optional<String> delete(Path dir) {
    if (!Files.exists(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      return Optional.of("could not delete " + dir + ": " + e.getMessage());
    }
    return Files.exists(dir) ? Optional.of("could not delete all of " + dir) : Optional.empty();
  }
}
