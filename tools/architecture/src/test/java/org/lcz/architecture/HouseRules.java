package org.lcz.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of the house, for the packages below a root ({@code org.lcz} for the platform, a
 * fixture's root in the tests that show the rules fail): no package cycles; libraries use only the
 * libraries below them; the product uses no tool; the services never use each other.
 */
final class HouseRules {
  /** Top-level packages of the libraries → the library packages each may use. */
  static final Map<String, Set<String>> LIBRARIES = libraries();

  /** Top-level packages of the services, their shared Quarkus edges and the launcher/stack. */
  static final List<String> SERVICES = List.of("ingest", "training", "inference");

  static final List<String> PRODUCT_EDGES = List.of("service", "deploy");
  static final List<String> TOOLS = List.of("synth", "cli", "demo", "bench", "architecture");

  private HouseRules() {}

  private static Map<String, Set<String>> libraries() {
    Map<String, Set<String>> m = new LinkedHashMap<>();
    m.put("contract", Set.of());
    m.put("storage", Set.of());
    m.put("raster", Set.of("contract"));
    m.put("scheme", Set.of("raster", "contract"));
    m.put("events", Set.of("contract", "storage"));
    m.put("messaging", Set.of("events", "contract", "storage"));
    m.put("registry", Set.of("events", "messaging", "contract", "storage"));
    m.put("stac", Set.of("events", "scheme", "raster", "contract", "storage"));
    return m;
  }

  /**
   * No cycle between any two packages below the root: between the top-level packages (a library, a
   * service, a tool), and between the packages inside each. (One rule over every package at once
   * reported only some of the cycles there were: ArchUnit 1.5.1 found the ingest service's and the
   * inference worker's, not the training worker's, which it finds on its own.)
   */
  static ArchRule noPackageCycles(String root, Iterable<String> tops) {
    List<ArchRule> rules = new ArrayList<>();
    rules.add(slices().matching(root + ".(*)..").should().beFreeOfCycles());
    for (String top : tops) {
      rules.add(
          slices()
              .matching(root + "." + top + ".(**)")
              .should()
              .beFreeOfCycles()
              .allowEmptyShould(true));
    }
    return CompositeArchRule.of(rules);
  }

  /** Every top-level package: the libraries, the services and their edges, the tools. */
  static List<String> tops() {
    List<String> all = new ArrayList<>(LIBRARIES.keySet());
    all.addAll(SERVICES);
    all.addAll(PRODUCT_EDGES);
    all.addAll(TOOLS);
    return all;
  }

  /** Each library uses only the libraries it may (never a service, an edge or a tool). */
  static ArchRule libraryLayers(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (Map.Entry<String, Set<String>> lib : LIBRARIES.entrySet()) {
      List<String> forbidden = new ArrayList<>();
      for (String other : LIBRARIES.keySet()) {
        if (!other.equals(lib.getKey()) && !lib.getValue().contains(other)) {
          forbidden.add(other);
        }
      }
      forbidden.addAll(SERVICES);
      forbidden.addAll(PRODUCT_EDGES);
      forbidden.addAll(TOOLS);
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(root + "." + lib.getKey() + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(packages(root, forbidden))
              .because("library " + lib.getKey() + " may use only " + lib.getValue())
              .allowEmptyShould(true));
    }
    return CompositeArchRule.of(rules);
  }

  /** The services, their shared edges and the launcher never use a tool. */
  static ArchRule productUsesNoTool(String root) {
    List<String> product = new ArrayList<>(SERVICES);
    product.addAll(PRODUCT_EDGES);
    return noClasses()
        .that()
        .resideInAnyPackage(packages(root, product))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(packages(root, TOOLS))
        .because("tools are built beside the product, never shipped in it");
  }

  /** No service uses another service (they meet only through events and the store). */
  static ArchRule servicesApart(String root) {
    List<ArchRule> rules = new ArrayList<>();
    for (String service : SERVICES) {
      List<String> others = new ArrayList<>(SERVICES);
      others.remove(service);
      others.addAll(List.of("deploy"));
      rules.add(
          noClasses()
              .that()
              .resideInAPackage(root + "." + service + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(packages(root, others))
              .because("services meet only through events and the object store"));
    }
    return CompositeArchRule.of(rules);
  }

  private static String[] packages(String root, List<String> tops) {
    return tops.stream().map(t -> root + "." + t + "..").toArray(String[]::new);
  }
}
