package org.lcz.bench.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionMatrixTest {
  private static final PrintStream NOWHERE = new PrintStream(PrintStream.nullOutputStream());

  @Test
  void theShortMatrixIsEveryKernelPairThenTheSafeAndFastPathsVaried() {
    List<Condition> conditions =
        new ConditionMatrix(NOWHERE, Path.of("libdenormals.so"), 5, 30).modelConditions(false);
    // 3 ATen x 3 oneDNN, then safe and fast each with 2 threads, busy, both, flushed
    assertThat(conditions).hasSize(9 + 2 * 4).doesNotHaveDuplicates();
    assertThat(conditions.subList(0, 9)).allSatisfy(c -> assertThat(c.threads()).isEqualTo(1));
    assertThat(conditions).contains(Condition.safe().loaded(), Condition.fast().flushed());
  }

  @Test
  void withoutTheDenormalsLibraryNoConditionFlushes() {
    List<Condition> full = new ConditionMatrix(NOWHERE, null, 5, 30).modelConditions(true);
    assertThat(full).hasSize(9 * 4).doesNotHaveDuplicates().noneMatch(Condition::flushDenormals);
    assertThat(new ConditionMatrix(NOWHERE, Path.of("x.so"), 5, 30).modelConditions(true))
        .hasSize(9 * 5);
  }
}
