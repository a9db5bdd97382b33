package org.lcz.bench.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A tiny run: it must really train (finite loss) and measure something; speed is not asserted. */
class ModelBenchmarkTest {
  @Test
  void measuresForwardAndTrainingThroughputWithARealTrainingStep() {
    ModelBenchmark.Result r = new ModelBenchmark("msmla-18", 4, 48, 10, 1, 2).run();
    assertThat(r.forwardPerSecond()).isPositive().isFinite();
    assertThat(r.trainPerSecond()).isPositive().isFinite();
    // cross-entropy over 17 classes starts near ln 17 ≈ 2.83
    assertThat(r.lastLoss()).isFinite().isPositive().isLessThan(20f);
    // DJL trains on the first GPU when CUDA sees one, else on the CPU: the device it names
    assertThat(r.device().getDeviceType())
        .isEqualTo(
            ai.djl.util.cuda.CudaUtils.getGpuCount() > 0
                ? ai.djl.Device.Type.GPU
                : ai.djl.Device.Type.CPU);
  }
}
