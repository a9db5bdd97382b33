package org.lcz.deploy.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.EmbeddedS3;
import org.lcz.deploy.stack.LocalStack;
import org.lcz.deploy.testing.LocalStackExtension;
import org.lcz.storage.Buckets;
import org.lcz.storage.ChecksumMismatchException;
import org.lcz.storage.MinioObjectStore;
import org.lcz.storage.ObjectInfo;
import org.lcz.storage.ObjectNotFoundException;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;
import org.lcz.storage.RetryPolicy;
import org.lcz.storage.Sha256;

/** {@link MinioObjectStore} (from common) against the local stack's real S3 server. */
@ExtendWith(LocalStackExtension.class)
class MinioObjectStoreIT {
  private LocalStack stack;
  private String prefix;

  @BeforeEach
  void setUp(LocalStack stack) {
    this.stack = stack;
    this.prefix = "it/" + UUID.randomUUID() + "/";
  }

  @Test
  void putThenGetRoundTripsWithTheChecksumStoredAsMetadata() throws Exception {
    byte[] content = "an LCZ tile".getBytes();
    try (ObjectStore store = stack.newObjectStore()) {
      ObjectRef ref = store.put(Buckets.TILES, prefix + "a.tif", content, "image/tiff");
      assertThat(ref.sha256()).isEqualTo(Sha256.of(content));
      ObjectInfo info = store.stat(Buckets.TILES, prefix + "a.tif");
      assertThat(info.ref().sha256()).isEqualTo(ref.sha256());
      assertThat(info.size()).isEqualTo(content.length);
      assertThat(store.read(ObjectRef.of(Buckets.TILES, prefix + "a.tif"))).isEqualTo(content);
      assertThat(store.exists(Buckets.TILES, prefix + "a.tif")).isTrue();
    }
  }

  @Test
  void userMetadataIsKeptBesideTheChecksumAndOnlyAStatShowsIt(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("scene.tif"), "a dated scene");
    try (ObjectStore store = stack.newObjectStore()) {
      store.put(
          Buckets.INBOX,
          prefix + "scene.tif",
          file,
          "image/tiff",
          Map.of("Acquired", "2025-06-01"));
      ObjectInfo info = store.stat(Buckets.INBOX, prefix + "scene.tif");
      assertThat(info.metadata()).isEqualTo(Map.of("acquired", "2025-06-01"));
      assertThat(info.ref().sha256()).isEqualTo(Sha256.of(file));
      // a listing does not carry metadata
      assertThat(store.list(Buckets.INBOX, prefix))
          .singleElement()
          .satisfies(o -> assertThat(o.metadata()).isEmpty());
    }
  }

  @Test
  void largeFilesGoUpInPartsAndStreamBack(@TempDir Path dir) throws Exception {
    // 40 MiB: three parts of 16 MiB; read back as a stream, never whole.
    Path big = dir.resolve("big.bin");
    byte[] block = new byte[1 << 20];
    new Random(42).nextBytes(block);
    try (var out = Files.newOutputStream(big)) {
      for (int i = 0; i < 40; i++) {
        block[0] = (byte) i;
        out.write(block);
      }
    }
    try (ObjectStore store = stack.newObjectStore()) {
      ObjectRef ref = store.put(Buckets.DATASETS, prefix + "big.h5", big, "application/x-hdf5");
      assertThat(ref.sha256()).isEqualTo(Sha256.of(big));
      Path back = store.download(ref, dir.resolve("back.bin"));
      assertThat(Sha256.of(back)).isEqualTo(ref.sha256());
      assertThat(Files.size(back)).isEqualTo(40L << 20);
    }
  }

  @Test
  void streamOfUnknownLengthIsStoredWithItsChecksum() throws Exception {
    byte[] content = new byte[3 * 1024 * 1024 + 17];
    new Random(7).nextBytes(content);
    try (ObjectStore store = stack.newObjectStore()) {
      ObjectRef ref =
          store.put(Buckets.TILES, prefix + "s.bin", new ByteArrayInputStream(content), "x/y");
      assertThat(ref.sha256()).isEqualTo(Sha256.of(content));
      try (InputStream in = store.get(ref)) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
    }
  }

  @Test
  void listsByPrefixInKeyOrderAndDeletes() {
    try (ObjectStore store = stack.newObjectStore()) {
      store.put(Buckets.MAPS, prefix + "tiles/0_1.tif", new byte[] {1}, "image/tiff");
      store.put(Buckets.MAPS, prefix + "tiles/0_0.tif", new byte[] {2}, "image/tiff");
      store.put(Buckets.MAPS, prefix + "lcz.tif", new byte[] {3}, "image/tiff");
      assertThat(store.list(Buckets.MAPS, prefix + "tiles/"))
          .extracting(i -> i.ref().key())
          .containsExactly(prefix + "tiles/0_0.tif", prefix + "tiles/0_1.tif");
      store.delete(Buckets.MAPS, prefix + "tiles/0_0.tif");
      store.delete(Buckets.MAPS, prefix + "never-there.tif");
      assertThat(store.list(Buckets.MAPS, prefix + "tiles/")).hasSize(1);
    }
  }

  @Test
  void aRangeOfAnObjectIsReadAlone() throws Exception {
    byte[] content = "0123456789abcdef".getBytes();
    try (ObjectStore store = stack.newObjectStore()) {
      ObjectRef ref =
          store.put(Buckets.MAPS, prefix + "range.bin", content, "application/octet-stream");
      try (var in = store.get(ref, 10, 4)) {
        assertThat(in.readAllBytes()).isEqualTo("abcd".getBytes());
      }
      assertThatThrownBy(() -> store.get(ref, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void presignedUrlServesTheObjectToAnyHttpClient() throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      store.put(Buckets.MAPS, prefix + "preview.png", "png bytes".getBytes(), "image/png");
      var url = store.presignedGet(Buckets.MAPS, prefix + "preview.png", Duration.ofMinutes(5));
      HttpResponse<byte[]> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(url.toURI()).GET().build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("png bytes".getBytes());
    }
  }

  @Test
  void missingObjectAndMissingBucketAreClearErrors() {
    try (ObjectStore store = stack.newObjectStore()) {
      assertThatThrownBy(() -> store.read(ObjectRef.of(Buckets.TILES, prefix + "nothing.tif")))
          .isInstanceOf(ObjectNotFoundException.class)
          .hasMessageContaining("no object s3://lcz-tiles/" + prefix + "nothing.tif");
      assertThatThrownBy(() -> store.stat(Buckets.TILES, prefix + "nothing.tif"))
          .isInstanceOf(ObjectNotFoundException.class);
      assertThat(store.exists(Buckets.TILES, prefix + "nothing.tif")).isFalse();
      assertThatThrownBy(() -> store.put("no-such-bucket", "k", new byte[1], "x/y"))
          .isInstanceOf(ObjectNotFoundException.class)
          .hasMessageContaining("bucket 'no-such-bucket' does not exist");
      assertThatThrownBy(() -> store.checkReady(java.util.List.of("no-such-bucket")))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("bucket 'no-such-bucket' does not exist");
    }
  }

  @Test
  void corruptedObjectFailsItsChecksumOnRead() throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      byte[] content = "model weights, honestly".getBytes();
      ObjectRef ref = store.put(Buckets.MODELS, prefix + "model.onnx", content, "x/onnx");
      // Flip one byte of the stored file in place: the stored metadata stays, the bytes change.
      Path onDisk = stack.bucketsDir().resolve(Buckets.MODELS).resolve(prefix + "model.onnx");
      try (RandomAccessFile f = new RandomAccessFile(onDisk.toFile(), "rw")) {
        f.seek(3);
        f.write('X');
      }
      assertThatThrownBy(() -> store.read(ObjectRef.of(ref.bucket(), ref.key())))
          .isInstanceOf(ObjectStoreException.class)
          .hasCauseInstanceOf(ChecksumMismatchException.class)
          .hasMessageContaining("corrupt or truncated");
    }
  }

  @Test
  void truncatedObjectFailsAgainstTheChecksumOfItsReference() throws Exception {
    try (ObjectStore store = stack.newObjectStore()) {
      byte[] content = new byte[4096];
      new Random(3).nextBytes(content);
      ObjectRef ref = store.put(Buckets.MODELS, prefix + "t.onnx", content, "x/onnx");
      Path onDisk = stack.bucketsDir().resolve(Buckets.MODELS).resolve(prefix + "t.onnx");
      try (var ch = Files.newByteChannel(onDisk, StandardOpenOption.WRITE)) {
        ch.truncate(1000);
      }
      assertThatThrownBy(() -> store.download(ref, Files.createTempFile("t", ".onnx")))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("failed its checksum");
    }
  }

  @Test
  void retriesUntilAServerThatWasDownComesUp(@TempDir Path dir) throws Exception {
    int port = org.lcz.deploy.stack.StackSettings.freePort();
    var settings = stack.s3Settings().withEndpoint(java.net.URI.create("http://127.0.0.1:" + port));
    // ~40 s of retries: generous, so that a slow start of the server on a loaded machine is not
    // a failure; the test is that the client waits for it, not how fast it starts
    RetryPolicy patient = new RetryPolicy(42, Duration.ofMillis(200), Duration.ofSeconds(1));
    CompletableFuture<EmbeddedS3> late =
        CompletableFuture.supplyAsync(
            () -> {
              sleep(700);
              return EmbeddedS3.start(dir, "127.0.0.1", port, settings);
            });
    try (ObjectStore store = new MinioObjectStore(settings, patient)) {
      store.ensureBuckets(java.util.List.of("late"));
      assertThat(store.put("late", "k", new byte[] {9}, "x/y").sha256())
          .isEqualTo(
              java.util.HexFormat.of()
                  .formatHex(
                      java.security.MessageDigest.getInstance("SHA-256").digest(new byte[] {9})));
      assertThat(store.read(ObjectRef.of("late", "k"))).containsExactly(9);
    } finally {
      late.get().close();
    }
  }

  @Test
  void withoutRetriesADownServerFailsNamingTheEndpoint() {
    var settings = stack.s3Settings().withEndpoint(java.net.URI.create("http://127.0.0.1:1"));
    try (ObjectStore store = new MinioObjectStore(settings, RetryPolicy.none())) {
      // a valid bucket name, so that the client really asks the (absent) server: worth a retry
      assertThatThrownBy(() -> store.stat("lcz-inbox", "k"))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("http://127.0.0.1:1")
          .satisfies(e -> assertThat(((ObjectStoreException) e).permanent()).isFalse());
      // a name the client refuses before asking: no retry can mend it
      assertThatThrownBy(() -> store.stat("b", "k"))
          .isInstanceOf(ObjectStoreException.class)
          .hasMessageContaining("http://127.0.0.1:1")
          .hasMessageContaining("the name is refused")
          .satisfies(e -> assertThat(((ObjectStoreException) e).permanent()).isTrue());
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
