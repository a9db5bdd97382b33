package org.lcz.demo;

import java.nio.file.Path;
import java.util.List;
import org.lcz.deploy.launcher.LaunchOptions;
import org.lcz.deploy.stack.StackSettings;

/** The options of {@code ./lcz up} for a test's platform of its own. */
final class TestPlatform {
  private TestPlatform() {}

  /**
   * Free broker, controller and S3 ports, the services' HTTP ports from {@code http}, {@code
   * workers} inference workers, everything under {@code data}.
   */
  static LaunchOptions options(Path data, int http, int workers) {
    Path home = Path.of(System.getProperty("lcz.home", "../..")).toAbsolutePath().normalize();
    return LaunchOptions.parse(
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
            String.valueOf(workers)),
        home);
  }
}
