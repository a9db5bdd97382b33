package org.lcz.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What the product ships: the libraries' and the services' jars and the jars beside them (the
 * launcher's {@code lib/}, each Quarkus application's {@code lib/main}); and what must not be in
 * them — the tools (demo, drills, benchmarks, the synthetic world, terminal tools), the test
 * harness and test classes, JUnit and other test libraries.
 */
final class ProductJars {
  /** Class entries a product jar must not hold. */
  static final Pattern FORBIDDEN_ENTRY =
      Pattern.compile(
          "org/lcz/("
              + String.join("|", HouseRules.TOOLS)
              + ")/.*"
              + "|org/lcz/deploy/testing/.*"
              + "|org/lcz/.*(Test|IT)(\\$.*)?\\.class"
              + "|org/junit/.*|org/assertj/.*|org/openqa/selenium/.*");

  /** Jar files (by name) that must not ship beside a product jar. */
  static final Pattern FORBIDDEN_JAR =
      Pattern.compile(
          "(.*[-.])?(junit-jupiter.*|junit-platform.*|assertj-core|quarkus-junit.*|selenium.*"
              + "|synth|bench|demo|cli|architecture)-[0-9].*\\.jar"
              + "|.*-tests\\.jar");

  private ProductJars() {}

  /** The product's own jars under the repository's root (those a build has made). */
  static List<Path> ownJars(Path root) throws IOException {
    List<Path> jars = new ArrayList<>();
    for (String lib : List.of("contract", "storage", "events", "raster", "scheme", "stac")) {
      jars.add(root.resolve("libs/" + lib + "/target/" + lib + "-0.1.0-SNAPSHOT.jar"));
    }
    jars.add(root.resolve("service-common/target/service-common-0.1.0-SNAPSHOT.jar"));
    jars.add(root.resolve("deploy/target/lcz-deploy.jar"));
    for (String service : List.of("ingest-service", "training-worker", "inference-worker")) {
      jars.addAll(list(root.resolve(service + "/target/quarkus-app/app")));
    }
    return jars;
  }

  /** The folders of jars shipped beside the product's own. */
  static List<Path> besideFolders(Path root) {
    List<Path> dirs = new ArrayList<>();
    dirs.add(root.resolve("deploy/target/lib"));
    for (String service : List.of("ingest-service", "training-worker", "inference-worker")) {
      dirs.add(root.resolve(service + "/target/quarkus-app/lib/main"));
    }
    return dirs;
  }

  /** The entries of a jar that must not ship. */
  static List<String> forbiddenEntries(Path jar) throws IOException {
    List<String> found = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : Collections.list(zip.entries())) {
        if (!e.isDirectory() && FORBIDDEN_ENTRY.matcher(e.getName()).matches()) {
          found.add(jar.getFileName() + "!/" + e.getName());
        }
      }
    }
    return found;
  }

  /** The jars of a folder that must not ship, and the forbidden entries of the platform's own. */
  static List<String> forbiddenBeside(Path dir) throws IOException {
    List<String> found = new ArrayList<>();
    for (Path jar : list(dir)) {
      String name = jar.getFileName().toString();
      if (FORBIDDEN_JAR.matcher(name).matches()) {
        found.add(dir.getFileName() + "/" + name);
      } else if (name.startsWith("org.lcz.") || isOwnArtifact(name)) {
        found.addAll(forbiddenEntries(jar));
      }
    }
    return found;
  }

  private static boolean isOwnArtifact(String name) {
    return name.matches(
        "(contract|storage|events|raster|scheme|service-common|deploy)-0\\.1\\.0-SNAPSHOT\\.jar");
  }

  static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          dir + " is missing: build the product first (./mvnw package)");
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
    }
  }
}
