package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.launcher.LaunchOptions;
import org.lcz.deploy.launcher.LczLauncher;
import org.lcz.deploy.launcher.RestartPolicy;
import org.lcz.deploy.launcher.ServiceProcess;
import org.lcz.deploy.stack.StackSettings;

/**
 * The supervisor of {@code ./lcz up} (the deploy module's {@link LczLauncher}) against the real
 * services, which only this module has built: two inference workers, each with its own port and
 * work folder; one killed with SIGKILL is started again while the others run on, its log going on
 * in the same file; killed again past the restart policy, the platform is given up with the reason.
 */
class LauncherSupervisionIT {
  @TempDir Path data;

  @Test
  void aKilledServiceIsRestartedAndOneThatKeepsCrashingStopsThePlatform() throws Exception {
    Path home = Path.of(System.getProperty("lcz.home", "../..")).toAbsolutePath().normalize();
    int http = StackSettings.freePorts(4);
    LczLauncher launcher =
        new LczLauncher(
            LaunchOptions.parse(
                List.of(
                    "up",
                    "--data",
                    data.toString(),
                    "--kafka-port",
                    String.valueOf(StackSettings.freePort()),
                    "--controller-port",
                    String.valueOf(StackSettings.freePort()),
                    "--s3-port",
                    String.valueOf(StackSettings.freePort()),
                    "--http-port",
                    String.valueOf(http),
                    "--inference-workers",
                    "2"),
                home),
            new PrintStream(System.out, true, StandardCharsets.UTF_8),
            // one restart within the window, then the platform is given up
            new RestartPolicy(
                Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMinutes(10)));
    try {
      launcher.start();
      for (int port = http; port < http + 4; port++) {
        assertThat(ready(port)).as("port %d", port).isTrue();
      }
      ServiceProcess second = launcher.service("inference-worker-2").orElseThrow();
      assertThat(commandLine(second))
          .contains("-Dlcz.inference.work-dir=" + data.resolve("work/inference-worker-2"))
          .contains("-Dquarkus.http.port=" + (http + 3));
      assertThat(commandLine(launcher.service("inference-worker").orElseThrow()))
          .contains("-Dlcz.inference.work-dir=" + data.resolve("work/inference-worker"));
      Map<String, Long> others =
          pids(launcher, "ingest-service", "training-worker", "inference-worker");

      kill(second);
      ServiceProcess restarted = awaitRestart(launcher, "inference-worker-2", second.pid());
      awaitReady(http + 3);
      assertThat(pids(launcher, "ingest-service", "training-worker", "inference-worker"))
          .as("the other services ran on")
          .isEqualTo(others);
      List<String> log = Files.readAllLines(restarted.log());
      assertThat(log.stream().filter(l -> l.startsWith("--- lcz: inference-worker-2 started at ")))
          .as("one log, appended")
          .hasSize(2);

      kill(restarted);
      assertThatThrownBy(
              () -> {
                Instant deadline = Instant.now().plusSeconds(30);
                while (Instant.now().isBefore(deadline)) {
                  launcher.supervise(Instant.now());
                  Thread.sleep(200);
                }
              })
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("inference-worker-2 keeps crashing")
          .hasMessageContaining("restarted 1 times")
          .hasMessageContaining("Stopping the platform");
    } finally {
      launcher.stop();
    }
  }

  private static void kill(ServiceProcess p) throws Exception {
    ProcessHandle handle = ProcessHandle.of(p.pid()).orElseThrow();
    handle.destroyForcibly(); // SIGKILL: no shutdown hook runs
    handle.onExit().get(30, TimeUnit.SECONDS);
  }

  private static ServiceProcess awaitRestart(LczLauncher launcher, String name, long oldPid)
      throws Exception {
    Instant deadline = Instant.now().plusSeconds(30);
    while (Instant.now().isBefore(deadline)) {
      launcher.supervise(Instant.now());
      ServiceProcess now = launcher.service(name).orElse(null);
      if (now != null && now.pid() != oldPid && now.isAlive()) {
        return now;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(name + " was not restarted");
  }

  private static void awaitReady(int port) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
    while (Instant.now().isBefore(deadline)) {
      if (ready(port)) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("port " + port + " not ready");
  }

  private static boolean ready(int port) {
    try {
      return HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (Exception e) {
      return false;
    }
  }

  private static String commandLine(ServiceProcess p) {
    return ProcessHandle.of(p.pid())
        .flatMap(h -> h.info().arguments())
        .map(a -> String.join(" ", a))
        .orElse("");
  }

  private static Map<String, Long> pids(LczLauncher launcher, String... names) {
    return java.util.Arrays.stream(names)
        .collect(Collectors.toMap(n -> n, n -> launcher.service(n).orElseThrow().pid()));
  }
}
