package org.lcz.deploy.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A child process the launcher owns: started with its output in a log file, ready when an HTTP
 * readiness URL answers 200, stopped with SIGTERM (then killed if it lingers).
 */
public final class ServiceProcess implements AutoCloseable {
  private final String name;
  private final Process process;
  private final Path log;
  private final URI readiness;

  private ServiceProcess(String name, Process process, Path log, URI readiness) {
    this.name = name;
    this.process = process;
    this.log = log;
    this.readiness = readiness;
  }

  /**
   * Starts {@code command} with extra environment variables; stdout and stderr are appended to
   * {@code log}, after a line that says when this start was (a restart keeps the log of the run
   * before it).
   */
  public static ServiceProcess start(
      String name, List<String> command, Map<String, String> environment, Path log, URI readiness) {
    try {
      Files.createDirectories(log.getParent());
      Files.writeString(
          log,
          "--- lcz: " + name + " started at " + Instant.now() + " ---\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().putAll(environment);
      return new ServiceProcess(name, pb.start(), log, readiness);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + name + ": " + e.getMessage(), e);
    }
  }

  /** The command line of a Java program: this JVM's java, JVM options, then the program. */
  public static List<String> javaCommand(List<String> jvmOptions, List<String> program) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmOptions);
    cmd.addAll(program);
    return cmd;
  }

  /**
   * Waits until the readiness URL answers 200.
   *
   * @throws IllegalStateException if the process exits or the timeout passes first, with the tail
   *     of its log
   */
  public void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    String last = "no answer yet";
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with code "
                + process.exitValue()
                + " while starting; its log ("
                + log
                + ") ends with:\n"
                + tail(40));
      }
      try {
        HttpResponse<String> r =
            http.send(
                HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
        last = "HTTP " + r.statusCode() + ": " + r.body();
      } catch (IOException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + name, e);
      }
      sleep(250);
    }
    throw new IllegalStateException(
        name
            + " was not ready at "
            + readiness
            + " within "
            + timeout
            + " (last: "
            + last
            + "); its log ("
            + log
            + ") ends with:\n"
            + tail(40));
  }

  /**
   * What the service's liveness URL ({@code /q/health/live} beside the readiness one) answers: its
   * HTTP status, or empty when it cannot be asked (not listening yet, or no answer in time).
   */
  public Optional<Integer> liveStatus(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
    try {
      return Optional.of(
          http.send(
                  HttpRequest.newBuilder(readiness.resolve("/q/health/live"))
                      .timeout(timeout)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode());
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The service's name. */
  public String name() {
    return name;
  }

  /** Whether the process still runs. */
  public boolean isAlive() {
    return process.isAlive();
  }

  /** The operating system's process id. */
  public long pid() {
    return process.pid();
  }

  /** The exit code, or -1 while it runs. */
  public int exitCode() {
    return process.isAlive() ? -1 : process.exitValue();
  }

  /** The log file. */
  public Path log() {
    return log;
  }

  /** Asks the process to stop (SIGTERM) and kills it if it has not stopped after 20 s. */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String tail(int lines) {
    try {
      List<String> all = Files.readAllLines(log);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
