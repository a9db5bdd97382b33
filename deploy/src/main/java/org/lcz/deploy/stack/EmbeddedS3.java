package org.lcz.deploy.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.lcz.common.storage.S3Settings;

/**
 * An S3-compatible server (s3proxy) over a folder: each sub-folder is a bucket, each file below it
 * an object, so a file copied into {@code <root>/lcz-inbox/} is an object of bucket {@code
 * lcz-inbox}. It signs requests with AWS V2 or V4 and the given credentials.
 */
public final class EmbeddedS3 implements AutoCloseable {
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

  /** Where clients reach it. */
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
