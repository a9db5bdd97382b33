package org.lcz.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.lcz.storage.S3Settings;

/**
 * An S3-compatible server (s3proxy) over a folder: each sub-folder is a bucket, each file below it
 * an object, so a file copied into {@code <root>/lcz-inbox/} is an object of bucket {@code
 * lcz-inbox}. It signs requests with AWS V2 or V4 and the given credentials.
 */
public final class EmbeddedS3 implements S3Server {
  /** The line {@link #main} prints once the server listens. */
  public static final String READY = "lcz: S3 server ready";

  private final S3Proxy proxy;
  private final URI endpoint;

  private EmbeddedS3(S3Proxy proxy, URI endpoint) {
    this.proxy = proxy;
    this.endpoint = endpoint;
  }

  /** Starts the server on {@code host:port} and waits until it listens. */
  public static EmbeddedS3 start(Path root, String host, int port, S3Settings credentials) {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the S3 data folder " + root, e);
    }
    URI endpoint = URI.create("http://" + host + ":" + port);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(new FilesystemNio2BlobStore(root.toAbsolutePath().toString()))
            .endpoint(endpoint)
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, credentials.accessKey(), credentials.secretKey())
            .build();
    try {
      proxy.start();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (!"STARTED".equals(proxy.getState())) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("s3proxy did not start: state " + proxy.getState());
        }
        Thread.sleep(10);
      }
    } catch (Exception e) {
      try {
        proxy.stop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw new IllegalStateException("cannot start the S3 server on " + endpoint + ": " + e, e);
    }
    return new EmbeddedS3(proxy, endpoint);
  }

  /**
   * Runs the server in a process of its own until the process is stopped: {@code root host port},
   * credentials from {@code LCZ_S3_ACCESS_KEY} / {@code LCZ_S3_SECRET_KEY}. Prints {@link #READY}
   * once it listens.
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length != 3) {
      System.err.println("usage: EmbeddedS3 ROOT HOST PORT");
      System.exit(2);
    }
    EmbeddedS3 s3 =
        start(Path.of(args[0]), args[1], Integer.parseInt(args[2]), S3Settings.fromEnvironment());
    Runtime.getRuntime().addShutdownHook(new Thread(s3::close, "lcz-s3-stop"));
    System.out.println(READY + " at " + s3.endpoint());
    System.out.flush();
    Thread.currentThread().join();
  }

  @Override
  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping the S3 server failed: " + e, e);
    }
  }
}
