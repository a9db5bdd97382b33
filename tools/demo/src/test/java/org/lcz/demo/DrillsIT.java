package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.deploy.stack.StackSettings;

/**
 * The drills of {@code ./lcz drill} as a test: ten kill -9 trials, a broker restart and a 30 s
 * object-store outage mid-scene, each ending with every tile mapped, the undisturbed map and one
 * completion; the training worker killed mid-run, its run trained again and published once; and the
 * bad-input corpus, every input with a clear outcome and no service crashed.
 */
class DrillsIT {
  @TempDir Path dir;

  /** The drill runs about 15 min here; the default bound of a test method (10 min) is too short. */
  @Test
  @Timeout(value = 40, unit = TimeUnit.MINUTES)
  void thePlatformRecoversFromEveryFaultAndAnswersEveryBadInputClearly() {
    Path home = Path.of(System.getProperty("lcz.home", "../..")).toAbsolutePath().normalize();
    DemoOptions demo =
        Drills.platform(
            DemoOptions.parse(
                List.of(
                    "--seed", "5",
                    "--size", "800",
                    "--per-class", "30",
                    "--epochs", "1",
                    "--min-oa", "0",
                    "--data", dir.resolve("data").toString(),
                    "--worlds", dir.resolve("worlds").toString(),
                    "--kafka-port", String.valueOf(StackSettings.freePort()),
                    "--controller-port", String.valueOf(StackSettings.freePort()),
                    "--s3-port", String.valueOf(StackSettings.freePort()),
                    "--http-port", String.valueOf(StackSettings.freePorts(4))),
                home));
    try (Drills drills =
        new Drills(
            new Drills.Options(demo, 10, 5, Duration.ofSeconds(10), Duration.ofSeconds(30)),
            new PrintStream(System.out, true, StandardCharsets.UTF_8))) {
      Drills.Report report = drills.run();

      assertThat(report.kills()).hasSize(10);
      assertThat(report.recoveries())
          .as("every fault: all tiles, the undisturbed map, exactly one completion")
          .allSatisfy(r -> assertThat(r.passed()).as("%s", r).isTrue());
      assertThat(report.recoveries().stream().map(Drills.Recovery::drill))
          .contains("broker down 10 s", "S3 down 30 s", "kill -9 training-worker");
      assertThat(report.kills())
          .as("the killed worker's tiles mapped again within %s", Handover.LIMIT)
          .allSatisfy(r -> assertThat(r.handedOver()).as("%s", r).isTrue());
      RegionDrill.Result region = report.region();
      assertThat(region.trials())
          .as("the region's owner killed at a random point of an update")
          .hasSizeBetween(5, 10)
          .allSatisfy(t -> assertThat(t.passed()).as("%s", t).isTrue());
      assertThat(region.midUpdate()).as("kills before the version was announced").isEqualTo(5);
      assertThat(region.problems()).as("the region's topic read to its end").isEmpty();
      assertThat(region.versions())
          .as("one version per member set: the first and one per kill")
          .isEqualTo(region.trials().size() + 1);
      assertThat(region.announcements())
          .as("one RegionMapUpdated per version")
          .isEqualTo(region.versions());
      assertThat(report.kills().stream().map(Drills.Recovery::drill).collect(Collectors.toSet()))
          .as("both workers were killed")
          .isEqualTo(Set.of("kill -9 inference-worker", "kill -9 inference-worker-2"));

      // every input with its outcome: 21 requests and 10 scene files at the REST door, the same
      // 10 files and 3 scene.json folders in the inbox, 7 raw records on three topics, 4 training
      // sets and an unknown variant; each must have said what its expectation says
      assertThat(
              report.badInputs().stream()
                  .collect(Collectors.groupingBy(BadInputs.Outcome::door, Collectors.counting())))
          .isEqualTo(Map.of("REST", 31L, "inbox", 13L, "Kafka", 7L, "training", 5L));
      assertThat(report.badInputs()).hasSize(56);
      assertThat(report.badInputs()).allSatisfy(o -> assertThat(o.clear()).as("%s", o).isTrue());
      assertThat(report.crashed()).as("services crashed by bad input").isEmpty();
      assertThat(report.passed()).isTrue();
    }
  }
}
