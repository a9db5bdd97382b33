package org.lcz.deploy.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.StackSettings;
import org.lcz.events.Topics;
import org.lcz.messaging.KafkaClients;
import org.lcz.storage.Buckets;

class LczLauncherIT {
  @TempDir Path data;

  @Test
  void stackCommandStartsKafkaAndS3PrintsWhereAndStops() throws Exception {
    int kafka = StackSettings.freePort();
    int s3 = StackSettings.freePort();
    LaunchOptions options =
        LaunchOptions.parse(
            List.of(
                "stack",
                "--data",
                data.toString(),
                "--kafka-port",
                String.valueOf(kafka),
                "--controller-port",
                String.valueOf(StackSettings.freePort()),
                "--s3-port",
                String.valueOf(s3)),
            data);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LczLauncher launcher = new LczLauncher(options, new PrintStream(out, true));
    try {
      launcher.start();
      String printed = out.toString();
      assertThat(printed).contains("127.0.0.1:" + kafka).contains("http://127.0.0.1:" + s3);
      try (Admin admin = Admin.create(KafkaClients.admin("127.0.0.1:" + kafka))) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains(Topics.TILES);
      }
      assertThat(data.resolve("s3").resolve(Buckets.INBOX)).isDirectory();
    } finally {
      launcher.stop();
    }
    assertThat(launcher.stack()).isNull();
    assertThat(out.toString()).contains("lcz: stopped.");
  }

  @Test
  void upRefusesToStartWhenAServiceIsNotBuilt() {
    LaunchOptions options = LaunchOptions.parse(List.of("up", "--data", data.toString()), data);
    LczLauncher launcher = new LczLauncher(options, new PrintStream(new ByteArrayOutputStream()));
    assertThatThrownBy(launcher::start)
        .hasMessageContaining("ingest-service is not built")
        .hasMessageContaining("./mvnw -DskipTests package");
    assertThat(launcher.stack()).isNull();
  }
}
