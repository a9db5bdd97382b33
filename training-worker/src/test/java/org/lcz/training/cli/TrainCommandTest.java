package org.lcz.training.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lcz.training.LearnableSets;
import org.lcz.training.card.ModelCard;

class TrainCommandTest {
  @TempDir static Path sets;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeAll
  static void writeSets() throws Exception {
    LearnableSets.write(sets);
  }

  private int run(String... args) {
    return TrainingCommand.run(
        List.of(args),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        false);
  }

  @Test
  void trainsIntoTheOutputFolderAndPrintsTheMeasures(@TempDir Path dir) {
    Path model = dir.resolve("model");
    int code =
        run(
            "train",
            "--data",
            sets.resolve("train.h5").toString(),
            "--test",
            sets.resolve("test.h5").toString(),
            "--epochs",
            "2",
            "--bands",
            "B2,B3,B4,B8",
            "--seed",
            "3",
            "--out",
            model.toString());
    String printed = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(printed).contains("epoch 1/2").contains("epoch 2/2").contains("oaW");
    ModelCard card = ModelCard.read(model.resolve("model.json"));
    assertThat(card.contract().bands()).containsExactly("B2", "B3", "B4", "B8");
    assertThat(card.selectionSplit()).isEqualTo("test");
    assertThat(card.datasets()).extracting(d -> d.role()).containsExactly("train", "test");
    assertThat(card.datasets().get(0).sha256()).hasSize(64);
    assertThat(model.resolve(card.files().get("checkpoint"))).exists();
    assertThat(model.resolve(card.files().get("model"))).exists();
    assertThat(card.promotion()).isNull();
  }

  @Test
  void aMissingFileIsNamedAndExitsWithOne() {
    int code = run("train", "--data", sets.resolve("absent.h5").toString(), "--epochs", "1");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("absent.h5: no such file");
  }

  @Test
  void wrongOptionsPrintTheUsage() {
    assertThat(run("train")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("train needs --data");
    assertThat(run("train", "--data", "x.h5", "--colour", "red")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option '--colour'");
    assertThat(run("train", "--data", "x.h5", "--area-repeats", "0")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("the area bootstrap needs at least 1 repeat, not 0");
    assertThat(run("train", "--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("--patience N")
        .contains("--area-repeats N");
  }
}
