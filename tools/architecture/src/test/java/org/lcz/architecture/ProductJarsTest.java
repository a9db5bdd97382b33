package org.lcz.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product's jars, as the build made them, hold no tool, no test harness, no test library. */
class ProductJarsTest {
  @Test
  void theProductsOwnJarsHoldNoToolAndNoTestClass() throws Exception {
    List<Path> jars = ProductJars.ownJars(Home.dir());
    assertThat(jars).hasSizeGreaterThanOrEqualTo(10);
    List<String> found = new ArrayList<>();
    for (Path jar : jars) {
      assertThat(jar).as("built").isRegularFile();
      found.addAll(ProductJars.forbiddenEntries(jar));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void theJarsBesideThemHoldNoToolAndNoTestLibrary() throws Exception {
    List<String> found = new ArrayList<>();
    for (Path dir : ProductJars.besideFolders(Home.dir())) {
      assertThat(ProductJars.list(dir)).as(dir.toString()).isNotEmpty();
      found.addAll(ProductJars.forbiddenBeside(dir));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void aToolOrTestClassInAJarIsFound(@TempDir Path dir) throws Exception {
    Path jar =
        jar(
            dir.resolve("events-0.1.0-SNAPSHOT.jar"),
            "org/lcz/events/TileReady.class",
            "org/lcz/synth/SyntheticWorld.class",
            "org/lcz/demo/Drills$1.class",
            "org/lcz/deploy/testing/LocalStackExtension.class",
            "org/lcz/events/EventCodecTest.class",
            "org/junit/jupiter/api/Test.class",
            "org/lcz/events/Tests.class");
    assertThat(ProductJars.forbiddenEntries(jar))
        .containsExactly(
            "events-0.1.0-SNAPSHOT.jar!/org/lcz/synth/SyntheticWorld.class",
            "events-0.1.0-SNAPSHOT.jar!/org/lcz/demo/Drills$1.class",
            "events-0.1.0-SNAPSHOT.jar!/org/lcz/deploy/testing/LocalStackExtension.class",
            "events-0.1.0-SNAPSHOT.jar!/org/lcz/events/EventCodecTest.class",
            "events-0.1.0-SNAPSHOT.jar!/org/junit/jupiter/api/Test.class");
  }

  @Test
  void aTestLibraryOrAToolBesideTheProductIsFound(@TempDir Path dir) throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    for (String name :
        List.of(
            "junit-jupiter-api-5.13.4.jar",
            "org.assertj.assertj-core-3.27.3.jar",
            "org.lcz.synth-0.1.0-SNAPSHOT.jar",
            "deploy-0.1.0-SNAPSHOT-tests.jar",
            "kafka-clients-4.2.1.jar",
            "org.lcz.scheme-0.1.0-SNAPSHOT.jar")) {
      jar(lib.resolve(name), "a/B.class");
    }
    jar(lib.resolve("org.lcz.events-0.1.0-SNAPSHOT.jar"), "org/lcz/bench/Bench.class");
    assertThat(ProductJars.forbiddenBeside(lib))
        .containsExactlyInAnyOrder(
            "lib/junit-jupiter-api-5.13.4.jar",
            "lib/org.assertj.assertj-core-3.27.3.jar",
            "lib/org.lcz.synth-0.1.0-SNAPSHOT.jar",
            "lib/deploy-0.1.0-SNAPSHOT-tests.jar",
            "org.lcz.events-0.1.0-SNAPSHOT.jar!/org/lcz/bench/Bench.class");
  }

  private static Path jar(Path file, String... entries) throws IOException {
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String e : entries) {
        zip.putNextEntry(new ZipEntry(e));
        zip.write(1);
        zip.closeEntry();
      }
    }
    return file;
  }
}
