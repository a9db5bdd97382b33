package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
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
    int http = StackSettings.freePorts(4);
    LczLauncher launcher =
        new LczLauncher(
            TestPlatform.options(data, http, 2),
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

  /**
   * A service whose {@code /q/health/live} stays DOWN is stopped and started again by the
   * supervisor's rounds (those {@code ./lcz up} runs once a second), the others run on; so is a
   * hung one (stopped with SIGSTOP after it had answered: it answers nothing). The inference worker
   * is held to a liveness limit its loops cannot meet ({@code lcz.inference.stuck-after} 1 ms:
   * every loop is silent longer than that between two polls), so its liveness answers 503 with each
   * loop "stuck or stopped" — what a stalled loop looks like from outside.
   */
  @Test
  void aServiceWhoseLivenessStaysDownIsRestartedAndTheOthersRunOn() throws Exception {
    int http = StackSettings.freePorts(3);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream both =
        new PrintStream(
            new OutputStream() {
              @Override
              public void write(int b) {
                printed.write(b);
                System.out.write(b);
              }
            },
            true,
            StandardCharsets.UTF_8);
    LczLauncher launcher =
        new LczLauncher(
            TestPlatform.options(data, http, 1)
                .withServiceProperties(Map.of("lcz.inference.stuck-after", "1ms")),
            both,
            new RestartPolicy(
                Duration.ofSeconds(1), Duration.ofSeconds(1), 10, Duration.ofMinutes(10)));
    try {
      launcher.start();
      int worker = http + 2;
      HttpResponse<String> live =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + worker + "/q/health/live"))
                      .timeout(Duration.ofSeconds(10))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(live.statusCode()).as("the worker's liveness: %s", live.body()).isEqualTo(503);
      assertThat(live.body()).contains("stuck or stopped");
      Map<String, Long> others = pids(launcher, "ingest-service", "training-worker");
      long before = launcher.service("inference-worker").orElseThrow().pid();

      ServiceProcess now = awaitRestart(launcher, "inference-worker", before, 3);
      assertThat(now.pid()).as("the worker was started again").isNotEqualTo(before);
      assertThat(ProcessHandle.of(before).filter(ProcessHandle::isAlive))
          .as("the DOWN worker was stopped")
          .isEmpty();
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("lcz: inference-worker has answered DOWN or not at all on /q/health/live for")
          .contains("lcz: inference-worker restarted");
      assertThat(pids(launcher, "ingest-service", "training-worker"))
          .as("the other services ran on")
          .isEqualTo(others);

      // a hung process (SIGSTOP: it answers nothing) that had answered before is restarted too
      long hung = launcher.service("training-worker").orElseThrow().pid();
      Process stop = new ProcessBuilder("kill", "-STOP", String.valueOf(hung)).start();
      assertThat(stop.waitFor(10, TimeUnit.SECONDS)).as("kill -STOP ended").isTrue();
      assertThat(stop.exitValue()).isZero();
      ServiceProcess training = awaitRestart(launcher, "training-worker", hung, 3);
      assertThat(training.pid()).isNotEqualTo(hung);
      assertThat(ProcessHandle.of(hung).filter(ProcessHandle::isAlive))
          .as("the hung worker was ended")
          .isEmpty();
      assertThat(printed.toString(StandardCharsets.UTF_8))
          .contains("lcz: training-worker has answered DOWN or not at all on /q/health/live for")
          .contains("lcz: training-worker restarted");
      assertThat(launcher.service("ingest-service").orElseThrow().pid())
          .as("the ingest service ran on")
          .isEqualTo(others.get("ingest-service"));
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
    return awaitRestart(launcher, name, oldPid, 0);
  }

  /** Supervises until {@code name} runs as a new process: 30 s, plus {@code minutes}. */
  private static ServiceProcess awaitRestart(
      LczLauncher launcher, String name, long oldPid, int minutes) throws Exception {
    Instant deadline = Instant.now().plusSeconds(30).plus(Duration.ofMinutes(minutes));
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
