package org.lcz.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules against the platform's main classes (every module's, tests left out), and against
 * fixtures that break them once each: a package cycle, a library that uses a service, a service
 * that uses another, a service that uses a tool.
 */
class HouseRulesTest {
  private static final String FIXTURE = "org.lcz.architecture.fixture";
  private static JavaClasses platform;
  private static JavaClasses fixtures;

  @BeforeAll
  static void importClasses() {
    platform =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.lcz");
    fixtures = new ClassFileImporter().importPackages(FIXTURE);
  }

  @Test
  void everyModulesClassesAreRead() {
    for (String top :
        new String[] {
          "contract",
          "storage",
          "events",
          "messaging",
          "registry",
          "raster",
          "scheme",
          "stac",
          "ingest",
          "training",
          "inference",
          "service",
          "deploy",
          "synth",
          "cli",
          "bench"
        }) {
      assertThat(platform.containPackage("org.lcz." + top)).as(top).isTrue();
    }
    assertThat(platform.stream().noneMatch(c -> c.getPackageName().startsWith(FIXTURE))).isTrue();
  }

  @Test
  void thePlatformHasNoPackageCycle() {
    HouseRules.noPackageCycles("org.lcz", HouseRules.tops()).check(platform);
  }

  @Test
  void librariesUseOnlyTheLibrariesBelowThem() {
    HouseRules.libraryLayers("org.lcz").check(platform);
  }

  @Test
  void theProductUsesNoTool() {
    HouseRules.productUsesNoTool("org.lcz").check(platform);
  }

  @Test
  void servicesNeverUseEachOther() {
    HouseRules.servicesApart("org.lcz").check(platform);
  }

  @Test
  void aPackageCycleIsSeen() {
    EvaluationResult r = HouseRules.noPackageCycles(FIXTURE, List.of("cycle")).evaluate(fixtures);
    assertThat(r.hasViolation()).isTrue();
    assertThat(r.getFailureReport().toString()).contains("Cycle detected", "cycle.a", "cycle.b");
  }

  @Test
  void aLibraryUsingAServiceIsSeen() {
    EvaluationResult r = HouseRules.libraryLayers(FIXTURE).evaluate(fixtures);
    assertThat(r.getFailureReport().toString())
        .contains("raster.Grid", "ingest.Inbox")
        .contains("scheme.Classes", "events.Event")
        .doesNotContain("scheme.Filter");
  }

  @Test
  void aServiceUsingAnotherOrAToolIsSeen() {
    assertThat(HouseRules.servicesApart(FIXTURE).evaluate(fixtures).getFailureReport().toString())
        .contains("ingest.Inbox", "inference.Mapper");
    assertThat(
            HouseRules.productUsesNoTool(FIXTURE).evaluate(fixtures).getFailureReport().toString())
        .contains("training.Trainer", "synth.World");
  }
}
