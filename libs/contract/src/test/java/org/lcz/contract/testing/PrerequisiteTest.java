package org.lcz.contract.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class PrerequisiteTest {
  @Test
  void aPresentPrerequisitePassesEverywhere() {
    assertThatCode(() -> Prerequisite.require(true, "x", Map.of("CI", "true")))
        .doesNotThrowAnyException();
    assertThatCode(() -> Prerequisite.require(true, "x", Map.of())).doesNotThrowAnyException();
  }

  @Test
  void aMissingPrerequisiteSkipsOutsideCi() {
    assertThatThrownBy(() -> Prerequisite.require(false, "kustomize is absent", Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessage("kustomize is absent: skipping the test (it fails under CI=true)");
    assertThatThrownBy(() -> Prerequisite.require(false, "x", Map.of("CI", "false")))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void aMissingPrerequisiteFailsInCi() {
    assertThatThrownBy(
            () -> Prerequisite.require(false, "kustomize is absent", Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .hasMessage("kustomize is absent (CI=true: a prerequisite missing in CI fails the test)");
    assertThatThrownBy(() -> Prerequisite.require(false, "x", Map.of("CI", " TRUE ")))
        .isInstanceOf(AssertionError.class);
  }
}
