package org.lcz.deploy.testing;

import java.nio.file.Path;

/**
 * Where a test finds a program that {@code .ci/run} installs from npm: {@code $<env>} when set,
 * else {@code ~/.cache/lcz/<folder>/node_modules/.bin/<program>}.
 */
public final class NpmTool {
  private NpmTool() {}

  /** The program's path (which may not exist: ask {@code Files.isExecutable}). */
  public static Path path(String env, String folder, String program) {
    String set = System.getenv(env);
    return set != null && !set.isBlank()
        ? Path.of(set)
        : Path.of(
            System.getProperty("user.home"), ".cache/lcz", folder, "node_modules/.bin", program);
  }
}
