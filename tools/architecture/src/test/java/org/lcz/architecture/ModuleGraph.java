package org.lcz.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The modules and what each uses: from the POMs (dependencies on the platform's own artifacts
 * outside test scope and test jars) or from the root README's graph.
 */
final class ModuleGraph {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern DEPENDENCY =
      Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL);
  private static final Pattern ARTIFACT = Pattern.compile("<artifactId>([^<]+)</artifactId>");
  private static final Pattern SCOPE = Pattern.compile("<scope>([^<]+)</scope>");

  private ModuleGraph() {}

  /** Module folder → the module folders it uses, as the POMs say. */
  static Map<String, Set<String>> fromPoms(Path root) throws IOException {
    String parent = Files.readString(root.resolve("pom.xml"));
    List<String> modules = new ArrayList<>();
    Matcher m = MODULE.matcher(parent);
    while (m.find()) {
      modules.add(m.group(1));
    }
    Map<String, String> folderOfArtifact = new LinkedHashMap<>();
    Map<String, String> poms = new LinkedHashMap<>();
    for (String module : modules) {
      String pom = Files.readString(root.resolve(module).resolve("pom.xml"));
      poms.put(module, pom);
      Matcher a = ARTIFACT.matcher(withoutBlock(pom, "parent"));
      if (!a.find()) {
        throw new IllegalStateException(module + "/pom.xml names no artifactId");
      }
      folderOfArtifact.put(a.group(1), module);
    }
    Map<String, Set<String>> graph = new LinkedHashMap<>();
    for (String module : modules) {
      String pom = poms.get(module);
      for (String block : List.of("dependencyManagement", "exclusions", "build", "profiles")) {
        pom = withoutBlock(pom, block);
      }
      Set<String> uses = new TreeSet<>();
      Matcher d = DEPENDENCY.matcher(pom);
      while (d.find()) {
        String dep = d.group(1);
        if (!dep.contains("<groupId>org.lcz</groupId>") || dep.contains("<type>")) {
          continue;
        }
        Matcher scope = SCOPE.matcher(dep);
        if (scope.find() && scope.group(1).equals("test")) {
          continue;
        }
        Matcher a = ARTIFACT.matcher(dep);
        a.find();
        String folder = folderOfArtifact.get(a.group(1));
        if (folder == null) {
          throw new IllegalStateException(module + " uses org.lcz:" + a.group(1) + ", no module");
        }
        uses.add(folder);
      }
      graph.put(module, uses);
    }
    return graph;
  }

  /**
   * Module folder → the module folders it uses, as the README's block between {@code <!--
   * module-graph:start -->} and {@code <!-- module-graph:end -->} draws them: one line per module,
   * {@code module -> a, b}; text in parentheses is a comment; {@code (none)} for none.
   */
  static Map<String, Set<String>> fromReadme(Path readme) throws IOException {
    String text = Files.readString(readme);
    String startMarker = "<!-- module-graph:start -->";
    int start = text.indexOf(startMarker);
    int end = text.indexOf("<!-- module-graph:end -->");
    if (start < 0 || end < start) {
      throw new IllegalStateException(readme + " has no module-graph block");
    }
    start += startMarker.length();
    Map<String, Set<String>> graph = new LinkedHashMap<>();
    for (String line : text.substring(start, end).split("\n")) {
      int arrow = line.indexOf("->");
      if (arrow < 0) {
        continue;
      }
      String module = line.substring(0, arrow).trim();
      String rest = line.substring(arrow + 2).replaceAll("\\(.*\\)", "").trim();
      Set<String> uses = new TreeSet<>();
      for (String part : rest.split(",")) {
        if (!part.isBlank()) {
          uses.add(part.trim());
        }
      }
      if (graph.put(module, uses) != null) {
        throw new IllegalStateException("the README's graph names " + module + " twice");
      }
    }
    return graph;
  }

  private static String withoutBlock(String xml, String element) {
    return xml.replaceAll("(?s)<" + element + ">.*?</" + element + ">", "");
  }
}
