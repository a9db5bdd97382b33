package org.lcz.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lcz.storage.S3Settings;

/**
 * The S3 server ({@link EmbeddedS3}) in a child process of its own, on this JVM's class path: it
 * can be stopped — even killed — and started again while the broker and the services run on, as an
 * outage of the object store would. Its output is appended to a log file.
 */
public final class S3Process implements S3Server {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final URI endpoint;

  private S3Process(Process process, URI endpoint) {
    this.process = process;
    this.endpoint = endpoint;
  }

  /**
   * Starts the server over {@code root} on {@code host:port} and waits until it listens.
   *
   * @param log the file its output is appended to
   * @throws IllegalStateException with the end of its log if it does not start
   */
  public static S3Process start(
      Path root, String host, int port, S3Settings credentials, Path log) {
    try {
      Files.createDirectories(log.toAbsolutePath().getParent());
      long before = Files.exists(log) ? Files.size(log) : 0;
      ProcessBuilder pb =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Xmx256m",
                      "-cp",
                      System.getProperty("java.class.path"),
                      EmbeddedS3.class.getName(),
                      root.toAbsolutePath().toString(),
                      host,
                      String.valueOf(port)))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      pb.environment().put(S3Settings.ENV_ACCESS_KEY, credentials.accessKey());
      pb.environment().put(S3Settings.ENV_SECRET_KEY, credentials.secretKey());
      Process process = pb.start();
      S3Process s3 = new S3Process(process, URI.create("http://" + host + ":" + port));
      s3.awaitReady(log, before);
      return s3;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the S3 server's process: " + e, e);
    }
  }

  private void awaitReady(Path log, long from) throws IOException {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      String written = newText(log, from);
      if (written.contains(EmbeddedS3.READY)) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the S3 server's process exited with code "
                + process.exitValue()
                + "; its output:\n"
                + written);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        kill();
        throw new IllegalStateException("interrupted while the S3 server started", e);
      }
    }
    kill();
    throw new IllegalStateException(
        "the S3 server's process did not start within " + START_TIMEOUT + "; see " + log);
  }

  private static String newText(Path log, long from) throws IOException {
    byte[] all = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
    return new String(
        all,
        (int) Math.min(from, all.length),
        (int) Math.max(0, all.length - from),
        StandardCharsets.UTF_8);
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  /** The process id (for drills). */
  public long pid() {
    return process.pid();
  }

  /** Kills the process at once (SIGKILL), as a crash of the object store would. */
  public void kill() {
    process.destroyForcibly();
    waitFor(10);
  }

  /** Stops the process (SIGTERM, then SIGKILL after 10 s). */
  @Override
  public void close() {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!waitFor(10)) {
      kill();
    }
  }

  private boolean waitFor(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
