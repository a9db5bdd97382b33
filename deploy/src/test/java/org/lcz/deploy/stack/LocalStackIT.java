package org.lcz.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.events.TopicSpec;
import org.lcz.events.Topics;
import org.lcz.storage.Buckets;
import org.lcz.storage.ObjectRef;
import org.lcz.storage.ObjectStore;
import org.lcz.storage.ObjectStoreException;
import org.lcz.storage.Sha256;

/** The stack on its own data folder, checked with the platform's clients and third-party ones. */
class LocalStackIT {
  @TempDir Path data;

  @Test
  void createsTheTopicsWithTheirLayoutAndTheBuckets() throws Exception {
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(data));
        Admin admin = stack.newAdmin();
        ObjectStore store = stack.newObjectStore()) {
      Map<String, TopicDescription> topics =
          admin
              .describeTopics(Topics.all().stream().map(TopicSpec::name).toList())
              .allTopicNames()
              .get(30, TimeUnit.SECONDS);
      for (TopicSpec spec : Topics.all()) {
        assertThat(topics.get(spec.name()).partitions()).hasSize(spec.partitions());
      }
      ConfigResource models = new ConfigResource(ConfigResource.Type.TOPIC, Topics.MODELS);
      String policy =
          admin
              .describeConfigs(List.of(models))
              .all()
              .get(30, TimeUnit.SECONDS)
              .get(models)
              .get("cleanup.policy")
              .value();
      assertThat(policy).isEqualTo("compact");
      store.checkReady(Buckets.all());
      // Kafka's log and anything else in the data folder stay out of S3's reach.
      assertThat(data.resolve(LocalStack.BUCKETS_DIR)).isDirectoryNotContaining("glob:**/kafka");
      assertThat(data.resolve(LocalStack.KAFKA_DIR).resolve("meta.properties")).exists();
    }
  }

  @Test
  void aFileCopiedIntoTheDataFolderIsAnObjectOfItsBucket() throws Exception {
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(data));
        ObjectStore store = stack.newObjectStore()) {
      Files.writeString(
          stack.bucketsDir().resolve(Buckets.INBOX).resolve("copied.tif"), "not really a tiff");
      byte[] read = store.read(ObjectRef.of(Buckets.INBOX, "copied.tif"));
      assertThat(new String(read, StandardCharsets.UTF_8)).isEqualTo("not really a tiff");
    }
  }

  @Test
  void restartsOnTheSameDataFolderKeepingObjectsAndTopics() throws Exception {
    StackSettings settings = StackSettings.randomPorts(data);
    ObjectRef ref;
    try (LocalStack stack = LocalStack.start(settings);
        ObjectStore store = stack.newObjectStore()) {
      ref = store.put(Buckets.MODELS, "msmla/1/model.json", "{}".getBytes(), "application/json");
    }
    try (LocalStack again = LocalStack.start(settings);
        ObjectStore store = again.newObjectStore();
        Admin admin = again.newAdmin()) {
      assertThat(store.read(ref)).isEqualTo("{}".getBytes());
      assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
          .containsAll(Topics.all().stream().map(TopicSpec::name).toList());
    }
  }

  @Test
  void theS3ServerInItsOwnProcessCanBeKilledAndComeBackAndTheBrokerRestartsInPlace()
      throws Exception {
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(data), true);
        ObjectStore store = stack.newObjectStore()) {
      ObjectRef ref = store.put(Buckets.INBOX, "kept.txt", "kept".getBytes(), "text/plain");
      long pid = stack.s3ProcessId().orElseThrow();
      assertThat(ProcessHandle.current().children().map(ProcessHandle::pid))
          .as("the S3 server is a child process")
          .contains(pid);

      stack.stopS3();
      assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
          .as("the S3 process was killed")
          .isEmpty();
      assertThatThrownBy(() -> store.read(ref)).isInstanceOf(ObjectStoreException.class);
      stack.startS3();
      assertThat(store.read(ref)).as("the same client reads again").isEqualTo("kept".getBytes());
      assertThat(Files.readString(data.resolve(LocalStack.S3_LOG)))
          .as("both starts logged in one file")
          .containsSubsequence(EmbeddedS3.READY, EmbeddedS3.READY);

      try (Admin admin = stack.newAdmin()) {
        stack.stopKafka();
        stack.startKafka();
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
            .as("the same admin client reaches the restarted broker")
            .containsAll(Topics.all().stream().map(TopicSpec::name).toList());
      }
    }
  }

  @Test
  void thirdPartyClientsSeeTopicsAndCanPutIntoTheInbox() throws Exception {
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(data));
        ObjectStore store = stack.newObjectStore()) {
      // Debian's kcat lists the broker's topics.
      String metadata = run(List.of("kcat", "-L", "-b", stack.kafkaBootstrapServers()));
      for (TopicSpec spec : Topics.all()) {
        assertThat(metadata).contains("topic \"" + spec.name() + "\"");
      }
      // curl signs an S3 PUT with AWS SigV4 (curl 7.x leaves the payload hash to the caller).
      Path scene = Files.writeString(data.resolve("upload.txt"), "dropped with curl");
      var s3 = stack.s3Settings();
      run(
          curl(
              stack,
              Sha256.of(scene),
              "--upload-file",
              scene.toString(),
              stack.s3Endpoint() + "/" + Buckets.INBOX + "/by-curl.txt"));
      assertThat(store.read(ObjectRef.of(Buckets.INBOX, "by-curl.txt")))
          .isEqualTo("dropped with curl".getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void tinyObjectsAndObjectsWithoutAStoredTypeReadWithCurlAndTheAwsCli() throws Exception {
    // the finding: objects under 8 bytes without a stored Content-Type (a curl upload, a copied
    // file) answered HEAD and GET with HTTP 500, because Apache SIS's file type detector read them
    try (LocalStack stack = LocalStack.start(StackSettings.randomPorts(data))) {
      var s3 = stack.s3Settings();
      Path tiny = Files.writeString(data.resolve("tiny.txt"), "abc");
      run(
          curl(
              stack,
              Sha256.of(tiny),
              "--upload-file",
              tiny.toString(),
              stack.s3Endpoint() + "/" + Buckets.INBOX + "/tiny.txt"));
      Files.writeString(stack.bucketsDir().resolve(Buckets.INBOX).resolve("copied.tif"), "II*");
      Files.writeString(stack.bucketsDir().resolve(Buckets.INBOX).resolve("empty.json"), "");
      String emptyHash = Sha256.of(new byte[0]);
      for (String key : List.of("tiny.txt", "copied.tif", "empty.json")) {
        List<String> curl =
            curl(stack, emptyHash, stack.s3Endpoint() + "/" + Buckets.INBOX + "/" + key);
        String expected = key.equals("tiny.txt") ? "abc" : key.equals("copied.tif") ? "II*" : "";
        assertThat(run(curl)).as("GET %s", key).isEqualTo(expected);
        List<String> head = new java.util.ArrayList<>(curl);
        head.add(1, "--head");
        assertThat(run(head)).as("HEAD %s", key).startsWith("HTTP/1.1 200");
      }
      // the AWS CLI (its own SigV4 and parsing) reads them too, with a type by extension
      Map<String, String> env =
          Map.of(
              "AWS_ACCESS_KEY_ID", s3.accessKey(),
              "AWS_SECRET_ACCESS_KEY", s3.secretKey(),
              "AWS_DEFAULT_REGION", s3.region());
      String head =
          run(
              List.of(
                  "aws",
                  "--endpoint-url",
                  stack.s3Endpoint().toString(),
                  "s3api",
                  "head-object",
                  "--bucket",
                  Buckets.INBOX,
                  "--key",
                  "copied.tif"),
              env);
      assertThat(head).contains("\"ContentType\": \"image/tiff\"").contains("\"ContentLength\": 3");
      String got =
          run(
              List.of(
                  "aws",
                  "--endpoint-url",
                  stack.s3Endpoint().toString(),
                  "s3",
                  "cp",
                  "s3://" + Buckets.INBOX + "/tiny.txt",
                  "-"),
              env);
      assertThat(got).isEqualTo("abc");
    }
  }

  /** curl signing with AWS SigV4 for the stack's S3 server (curl 7.x needs the payload hash). */
  private static List<String> curl(LocalStack stack, String payloadSha256, String... rest) {
    var s3 = stack.s3Settings();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "curl",
                "--fail",
                "--silent",
                "--show-error",
                "--aws-sigv4",
                "aws:amz:" + s3.region() + ":s3",
                "--user",
                s3.accessKey() + ":" + s3.secretKey(),
                "-H",
                "x-amz-content-sha256: " + payloadSha256));
    command.addAll(List.of(rest));
    return command;
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    return run(command, Map.of());
  }

  private static String run(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(environment);
    Process p = builder.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue())
        .as("%s failed:%n%s", command.stream().collect(Collectors.joining(" ")), output)
        .isZero();
    return output;
  }
}
