package org.lcz.bench.kernels;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConditionTest {
  @Test
  void theSafePathCapsEveryKernelLibraryAndTheFastPathCapsNone() {
    assertThat(Condition.safe().environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "ATEN_CPU_CAPABILITY", "default",
                "ONEDNN_MAX_CPU_ISA", "SSE41",
                "MKL_ENABLE_INSTRUCTIONS", "SSE4_2"));
    assertThat(Condition.fast().environment()).isEmpty();
    assertThat(new Condition("avx512", "SSE41", 1, false, false).environment())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ATEN_CPU_CAPABILITY", "avx512", "ONEDNN_MAX_CPU_ISA", "SSE41"));
  }

  @Test
  void variationsChangeOneSettingAndTheLabelSaysEach() {
    Condition c = Condition.fast().withThreads(2).loaded().flushed();
    assertThat(c).isEqualTo(new Condition("auto", "ALL", 2, true, true));
    assertThat(c.label())
        .isEqualTo("ATen auto, oneDNN ALL, 2 threads, other core busy, denormals flushed");
    assertThat(Condition.safe().label()).isEqualTo("ATen default, oneDNN SSE41, 1 thread");
  }
}
