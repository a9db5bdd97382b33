package org.lcz.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
  private final Path home = Path.of("/repo");

  @Test
  void upUsesTheDocumentedDefaults() {
    LaunchOptions o = LaunchOptions.parse(List.of("up"), home);
    assertThat(o.command()).isEqualTo("up");
    assertThat(o.dataDir()).isEqualTo(Path.of("/repo/.lcz-data"));
    assertThat(o.kafkaPort()).isEqualTo(9092);
    assertThat(o.controllerPort()).isEqualTo(9093);
    assertThat(o.s3Port()).isEqualTo(9000);
    assertThat(o.services()).isTrue();
    assertThat(o.serviceSpecs())
        .extracting(ServiceSpec::name, ServiceSpec::port)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ingest-service", 8081),
            org.assertj.core.groups.Tuple.tuple("training-worker", 8082),
            org.assertj.core.groups.Tuple.tuple("inference-worker", 8083));
  }

  @Test
  void httpPortMovesTheThreeServicePorts() {
    LaunchOptions o = LaunchOptions.parse(List.of("up", "--http-port", "18081"), home);
    assertThat(o.serviceSpecs()).extracting(ServiceSpec::port).containsExactly(18081, 18082, 18083);
    assertThat(LaunchOptions.parse(List.of("stack", "--http-port", "18081"), home).serviceSpecs())
        .isEmpty();
  }

  @Test
  void moreInferenceWorkersGetTheirOwnNamesAndPortsAndRunTheSameModule() {
    LaunchOptions o =
        LaunchOptions.parse(
            List.of("up", "--http-port", "18081", "--inference-workers", "3"), home);
    assertThat(o.serviceSpecs())
        .extracting(s -> s.name() + " " + s.module() + " " + s.port() + " " + s.workDirProperty())
        .containsExactly(
            "ingest-service ingest-service 18081 lcz.ingest.work-dir",
            "training-worker training-worker 18082 lcz.training.work-dir",
            "inference-worker inference-worker 18083 lcz.inference.work-dir",
            "inference-worker-2 inference-worker 18084 lcz.inference.work-dir",
            "inference-worker-3 inference-worker 18085 lcz.inference.work-dir");
    assertThat(o.serviceSpecs().get(4).runner(home))
        .isEqualTo(Path.of("/repo/inference-worker/target/quarkus-app/quarkus-run.jar"));
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("up", "--inference-workers", "0"), home))
        .hasMessage("--inference-workers takes 1 to 16, not 0");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("up", "--inference-workers", "two"), home))
        .hasMessage("--inference-workers takes a number, not 'two'");
  }

  @Test
  void servicePropertiesAreNoneFromTheCommandLineAndSetInCode() {
    LaunchOptions o = LaunchOptions.parse(List.of("up"), home);
    assertThat(o.serviceProperties()).isEmpty();
    LaunchOptions with = o.withServiceProperties(java.util.Map.of("lcz.ingest.bands", "B2,B3"));
    assertThat(with.serviceProperties()).containsEntry("lcz.ingest.bands", "B2,B3");
    assertThat(with.withServiceProperties(java.util.Map.of()))
        .isEqualTo(o)
        .extracting(LaunchOptions::s3Port)
        .isEqualTo(9000);
  }

  @Test
  void stackStartsNoServicesAndOptionsOverride() {
    LaunchOptions o =
        LaunchOptions.parse(
            List.of("stack", "--data", "/tmp/d", "--kafka-port", "19092", "--s3-port", "19000"),
            home);
    assertThat(o.services()).isFalse();
    assertThat(o.dataDir()).isEqualTo(Path.of("/tmp/d"));
    assertThat(o.kafkaPort()).isEqualTo(19092);
    assertThat(o.s3Port()).isEqualTo(19000);
  }

  @Test
  void mistakesAreNamed() {
    assertThatThrownBy(() -> LaunchOptions.parse(List.of(), home)).hasMessage("no command given");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("down"), home))
        .hasMessage("unknown command 'down'");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("up", "--kafka-port"), home))
        .hasMessage("--kafka-port needs a value");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("up", "--s3-port", "70000"), home))
        .hasMessageContaining("port number 1-65535, not '70000'");
    assertThatThrownBy(() -> LaunchOptions.parse(List.of("up", "--verbose"), home))
        .hasMessage("unknown option '--verbose'");
  }

  @Test
  void helpIsACommand() {
    assertThat(LaunchOptions.parse(List.of("--help"), home).command()).isEqualTo("help");
  }

  /**
   * The {@code lcz} script is the one list of commands: each arm of its {@code case} is preceded by
   * its help ({@code ## } lines that {@code ./lcz help} prints), and no help names a command
   * without an arm. The launcher's own text lists only the options of {@code up} and {@code stack}.
   */
  @Test
  void everyCommandOfTheScriptHasItsHelpRightAboveItAndEveryHelpItsCommand() throws Exception {
    List<String> lines = Files.readAllLines(Path.of("..", "lcz"));
    Pattern arm = Pattern.compile("^  ([a-z\"|*-][a-z\"|*-]*)\\)$");
    Pattern help = Pattern.compile("^  ## ([a-z][a-z-]*)(\\s.*)?$");
    Set<String> helped = new TreeSet<>();
    Set<String> dispatched = new TreeSet<>();
    List<String> above = new ArrayList<>();
    int arms = 0;
    for (String line : lines) {
      Matcher h = help.matcher(line);
      Matcher a = arm.matcher(line);
      if (h.matches()) {
        above.add(h.group(1));
        helped.add(h.group(1));
      } else if (a.matches()) {
        arms++;
        List<String> names = new ArrayList<>();
        for (String name : a.group(1).split("\\|")) {
          if (name.matches("[a-z][a-z-]*")) {
            names.add(name);
          }
        }
        if (!a.group(1).equals("*")) {
          assertThat(above).as("the help right above the arm %s", a.group(1)).containsAll(names);
          assertThat(names).as("the commands of the arm %s", a.group(1)).containsAll(above);
        }
        dispatched.addAll(names);
        above.clear();
      } else if (!line.trim().startsWith("##") && !above.isEmpty() && !line.isBlank()) {
        above.clear(); // help must stand right above its arm
      }
    }
    assertThat(arms).isGreaterThan(15);
    assertThat(helped).isEqualTo(dispatched);
    assertThat(dispatched)
        .contains("demo", "drill", "up", "stack", "help", "train", "region", "kernel-repro");
    assertThat(LaunchOptions.USAGE).doesNotContain("commands:").contains("--inference-workers");
  }
}
