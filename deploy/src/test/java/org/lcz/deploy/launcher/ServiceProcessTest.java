package org.lcz.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.StackSettings;

/** Real child JVMs: started, awaited, failed and stopped as the launcher does with services. */
class ServiceProcessTest {
  @TempDir Path dir;

  private ServiceProcess start(int port, long delayMillis) {
    return start(port, delayMillis, 200);
  }

  private ServiceProcess start(int port, long delayMillis, int live) {
    return ServiceProcess.start(
        "ready-server",
        ServiceProcess.javaCommand(
            List.of("-cp", System.getProperty("java.class.path")),
            List.of(
                ReadyServer.class.getName(),
                String.valueOf(port),
                String.valueOf(delayMillis),
                String.valueOf(live))),
        Map.of("LCZ_TEST", "1"),
        dir.resolve("logs/ready-server.log"),
        URI.create("http://127.0.0.1:" + port + "/ready"));
  }

  @Test
  void waitsUntilTheReadinessUrlAnswers200ThenStops() throws Exception {
    int port = StackSettings.freePort();
    try (ServiceProcess p = start(port, 800)) {
      p.awaitReady(Duration.ofSeconds(30));
      assertThat(p.isAlive()).isTrue();
      assertThat(Files.readString(p.log())).contains("ready-server starting");
      p.close();
      assertThat(p.isAlive()).isFalse();
    }
  }

  @Test
  void itsLivenessIsAskedBesideItsReadinessAndNoAnswerIsNoAnswer() throws Exception {
    int up = StackSettings.freePort();
    int down = StackSettings.freePort();
    try (ServiceProcess live = start(up, 0, 200);
        ServiceProcess stuck = start(down, 0, 503)) {
      live.awaitReady(Duration.ofSeconds(30));
      stuck.awaitReady(Duration.ofSeconds(30));
      assertThat(live.liveStatus(Duration.ofSeconds(2))).contains(200);
      assertThat(stuck.liveStatus(Duration.ofSeconds(2))).contains(503);
      stuck.close();
      assertThat(stuck.liveStatus(Duration.ofSeconds(2))).isEmpty();
    }
  }

  @Test
  void aProcessThatExitsIsReportedWithItsLog() {
    try (ServiceProcess p = start(StackSettings.freePort(), -1)) {
      assertThatThrownBy(() -> p.awaitReady(Duration.ofSeconds(30)))
          .hasMessageContaining("ready-server exited with code 3")
          .hasMessageContaining("failing on purpose");
    }
  }

  @Test
  void aProcessThatNeverGetsReadyTimesOut() {
    try (ServiceProcess p = start(StackSettings.freePort(), 600_000)) {
      assertThatThrownBy(() -> p.awaitReady(Duration.ofSeconds(3)))
          .hasMessageContaining("was not ready")
          .hasMessageContaining("HTTP 503");
    }
  }

  @Test
  void aRestartAppendsToTheLogAfterALineSayingWhenItStarted() throws Exception {
    int port = StackSettings.freePort();
    Path log;
    try (ServiceProcess p = start(port, 0)) {
      p.awaitReady(Duration.ofSeconds(30));
      log = p.log();
    }
    try (ServiceProcess again = start(port, 0)) {
      again.awaitReady(Duration.ofSeconds(30));
      assertThat(again.log()).isEqualTo(log);
    }
    List<String> lines = Files.readAllLines(log);
    assertThat(lines.stream().filter(l -> l.startsWith("--- lcz: ready-server started at ")))
        .hasSize(2);
    assertThat(lines.stream().filter(l -> l.equals("ready-server starting"))).hasSize(2);
    assertThat(lines.get(0)).startsWith("--- lcz: ready-server started at ");
  }
}
