package org.lcz.architecture;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The repository's root, from {@code lcz.home} (set by the POM) or found above the working folder.
 */
final class Home {
  private Home() {}

  static Path dir() {
    String property = System.getProperty("lcz.home");
    if (property != null) {
      return Path.of(property).toAbsolutePath().normalize();
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("lcz")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("the repository's root was not found above " + Path.of(""));
  }
}
