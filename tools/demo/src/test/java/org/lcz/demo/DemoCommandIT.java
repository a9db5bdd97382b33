package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./lcz demo}'s exit codes and messages, from a JVM of its own as the script runs it. */
class DemoCommandIT {
  @TempDir Path dir;

  private record Exit(int code, String output) {}

  @Test
  void aMistakenOptionExitsWith2AndTheUsage() throws Exception {
    Exit exit = demo("--epochs", "0");
    assertThat(exit.code()).isEqualTo(2);
    assertThat(exit.output())
        .contains("lcz demo: --epochs must be at least 1")
        .contains("usage: ./lcz demo");
  }

  @Test
  void helpPrintsTheOptions() throws Exception {
    Exit exit = demo("--help");
    assertThat(exit.code()).isZero();
    assertThat(exit.output()).contains("--keep-running").contains("--min-oa");
  }

  @Test
  void aFailingStageExitsWith1NamingTheStageAndTheReasonAndLosesNothing() throws Exception {
    Path data = Files.createDirectories(dir.resolve("not-a-demo-folder"));
    Files.writeString(data.resolve("field-notes.txt"), "keep me");
    Exit exit = demo("--data", data.toString(), "--worlds", dir.resolve("worlds").toString());
    assertThat(exit.code()).isEqualTo(1);
    assertThat(exit.output())
        .contains("[1/7] platform")
        .contains("lcz demo: failed at stage 'platform'")
        .contains("not a demo data folder");
    assertThat(data.resolve("field-notes.txt")).hasContent("keep me");
    assertThat(dir.resolve("worlds")).doesNotExist();
  }

  private Exit demo(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dlcz.home=" + dir);
    command.add(DemoCommand.class.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Exit(p.exitValue(), output);
  }
}
