package org.lcz.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleGraphTest {
  @Test
  void theReadmesGraphIsThePoms() throws Exception {
    Path root = Home.dir();
    Map<String, Set<String>> poms = ModuleGraph.fromPoms(root);
    Map<String, Set<String>> readme = ModuleGraph.fromReadme(root.resolve("README.md"));
    assertThat(readme).as("the root README's module graph against the POMs").isEqualTo(poms);
  }

  @Test
  void librariesUseOnlyLibraries() throws Exception {
    Map<String, Set<String>> poms = ModuleGraph.fromPoms(Home.dir());
    poms.forEach(
        (module, uses) -> {
          if (module.startsWith("libs/")) {
            assertThat(uses).as(module).allMatch(u -> u.startsWith("libs/"));
          }
        });
    assertThat(poms).containsKeys("libs/contract", "libs/events", "libs/raster", "libs/scheme");
  }

  @Test
  void theProductUsesNoTool() throws Exception {
    Map<String, Set<String>> poms = ModuleGraph.fromPoms(Home.dir());
    poms.forEach(
        (module, uses) -> {
          if (!module.startsWith("tools/")) {
            assertThat(uses).as(module).noneMatch(u -> u.startsWith("tools/"));
          }
        });
  }

  @Test
  void noModuleHoldsMoreThanAFifthOfTheMainCode() throws Exception {
    Path root = Home.dir();
    java.util.Map<String, Long> lines = new java.util.TreeMap<>();
    long total = 0;
    for (String module : ModuleGraph.fromPoms(root).keySet()) {
      Path main = root.resolve(module).resolve("src/main/java");
      long n = 0;
      if (Files.isDirectory(main)) {
        try (var files = Files.walk(main)) {
          for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
            n += Files.readAllLines(f).size();
          }
        }
      }
      lines.put(module, n);
      total += n;
    }
    assertThat(total).isGreaterThan(10_000);
    for (var e : lines.entrySet()) {
      assertThat(e.getValue() * 5)
          .as("%s: %d of %d main lines", e.getKey(), e.getValue(), total)
          .isLessThanOrEqualTo(total);
    }
  }

  @Test
  void aGraphThatDiffersFromThePomsIsSeen(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("pom.xml"),
        "<project><modules><module>a</module><module>b</module></modules></project>");
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Files.writeString(
        dir.resolve("a/pom.xml"),
        "<project><parent><artifactId>p</artifactId></parent><artifactId>a</artifactId>"
            + "<dependencies><dependency><groupId>org.lcz</groupId><artifactId>b</artifactId>"
            + "</dependency><dependency><groupId>org.lcz</groupId><artifactId>b</artifactId>"
            + "<type>test-jar</type><scope>test</scope></dependency></dependencies></project>");
    Files.writeString(
        dir.resolve("b/pom.xml"),
        "<project><artifactId>b</artifactId><dependencies><dependency><groupId>org.lcz</groupId>"
            + "<artifactId>a</artifactId><scope>test</scope></dependency></dependencies></project>");
    Files.writeString(
        dir.resolve("README.md"),
        "<!-- module-graph:start -->\na -> (none)\nb -> (none: a comment)\n<!-- module-graph:end -->");
    assertThat(ModuleGraph.fromPoms(dir)).isEqualTo(Map.of("a", Set.of("b"), "b", Set.of()));
    assertThat(ModuleGraph.fromReadme(dir.resolve("README.md")))
        .isEqualTo(Map.of("a", Set.of(), "b", Set.of()));
    Files.writeString(dir.resolve("README.md"), "no graph");
    assertThatThrownBy(() -> ModuleGraph.fromReadme(dir.resolve("README.md")))
        .hasMessageContaining("no module-graph block");
  }
}
