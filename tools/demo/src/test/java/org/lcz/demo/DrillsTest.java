package org.lcz.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The drills watch the services' own consumer groups (their configurations' defaults). */
class DrillsTest {
  private static final Path HOME = Path.of("../..");

  @Test
  void theDrillsWatchTheGroupsTheWorkersUse() throws Exception {
    assertThat(Drills.TILES_GROUP)
        .isEqualTo(
            defaultOf(
                "inference-worker/src/main/java/org/lcz/inference/config/InferenceConfig.java",
                "tilesGroup"));
    assertThat(Drills.TRAINING_GROUP)
        .isEqualTo(
            defaultOf(
                "training-worker/src/main/java/org/lcz/training/config/TrainingConfig.java",
                "groupId"));
  }

  /** The {@code @WithDefault} of {@code method} in a configuration interface's source. */
  private static String defaultOf(String source, String method) throws Exception {
    Matcher m =
        Pattern.compile("@WithDefault\\(\"([^\"]*)\"\\)\\s+String " + method + "\\(\\)")
            .matcher(Files.readString(HOME.resolve(source)));
    assertThat(m.find()).as("%s: %s()", source, method).isTrue();
    return m.group(1);
  }
}
