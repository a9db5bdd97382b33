package org.lcz.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldSpecTest {
  @Test
  void theNameTellsWorldsApart() {
    WorldSpec spec = new WorldSpec(7, 2000, 300, 48, WorldSpec.Mix.BALANCED);
    assertThat(spec.name()).isEqualTo("seed7-2000px-300pc-48px-balanced");
    assertThat(new WorldSpec(7, 2000, 300, 48, WorldSpec.Mix.REALISTIC).name())
        .isNotEqualTo(spec.name());
    assertThat(new WorldSpec(7, 2000, 300, 48, WorldSpec.Mix.BALANCED, true).name())
        .isEqualTo("seed7-2000px-300pc-48px-balanced-height");
  }

  @Test
  void aRealisticMixGivesTheLargestClassPerClassPatchesAndOthersTheirShare() {
    int[] counts = new WorldSpec(1, 100, 120, 16, WorldSpec.Mix.REALISTIC).trainingCounts();
    assertThat(counts[13]).isEqualTo(120); // LCZ D, low plants: the largest share (12)
    assertThat(counts[0]).isEqualTo(10); // LCZ 1: share 1 of 12
    assertThat(new WorldSpec(1, 100, 120, 16, WorldSpec.Mix.BALANCED).trainingCounts())
        .containsOnly(120);
  }

  @Test
  void badValuesAreRefusedWithTheOptionName() {
    assertThatThrownBy(() -> new WorldSpec(1, 105, 10, 16, WorldSpec.Mix.BALANCED))
        .hasMessageContaining("--size");
    assertThatThrownBy(() -> new WorldSpec(1, 100, 0, 16, WorldSpec.Mix.BALANCED))
        .hasMessageContaining("--per-class");
    assertThatThrownBy(() -> WorldSpec.Mix.of("urban"))
        .hasMessageContaining("balanced or realistic")
        .hasMessageContaining("urban");
    assertThat(WorldSpec.Mix.of("Realistic")).isEqualTo(WorldSpec.Mix.REALISTIC);
  }

  @Test
  void writeOnceWritesAWorldThenReusesTheCompleteFolder(@TempDir Path parent) throws Exception {
    WorldSpec spec = new WorldSpec(3, 300, 2, 16, WorldSpec.Mix.BALANCED);
    assertThat(spec.isWritten(parent)).isFalse();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    WorldSpec.Written first = spec.writeOnce(parent, new PrintStream(log, true));
    assertThat(first.scene()).isEqualTo(spec.dir(parent).resolve("scene.tif"));
    assertThat(spec.isWritten(parent)).isTrue();
    for (Path p :
        new Path[] {
          first.scene(),
          first.truth(),
          first.train(),
          first.validation(),
          first.test(),
          first.areasScene(),
          first.areas()
        }) {
      assertThat(p).isRegularFile();
    }
    assertThat(log.toString())
        .contains("30 × 30 cells")
        .contains("train.h5: 34 patches")
        .contains("training areas of 2 × 2 cells");

    FileTime old = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(first.scene(), old);
    log.reset();
    WorldSpec.Written again = spec.writeOnce(parent, new PrintStream(log, true));
    assertThat(again).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(first.scene())).isEqualTo(old);
    assertThat(log.toString()).isEmpty();

    // an interrupted world (no marker) is written again
    Files.delete(parent.resolve(spec.name()).resolve(WorldSpec.DONE));
    spec.writeOnce(parent, new PrintStream(log, true));
    assertThat(Files.getLastModifiedTime(first.scene())).isNotEqualTo(old);
  }
}
