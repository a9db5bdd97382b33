package org.lcz.inference.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComputeDeviceTest {
  @Test
  void autoTakesAVisibleGpuAndOtherwiseTheCpu() {
    assertThat(ComputeDevice.choose(DevicePreference.AUTO, 2).gpu()).isTrue();
    ComputeDevice none = ComputeDevice.choose(DevicePreference.AUTO, 0);
    assertThat(none.gpu()).isFalse();
    assertThat(none.reason()).isEqualTo("CPU provider (no GPU visible)");
  }

  @Test
  void aGpuAskedForButAbsentFallsBackToTheCpuSayingWhy() {
    ComputeDevice d = ComputeDevice.choose(DevicePreference.GPU, 0);
    assertThat(d.gpu()).isFalse();
    assertThat(d.reason()).contains("no GPU is visible").contains("CUDA_VISIBLE_DEVICES");
    ComputeDevice failed =
        ComputeDevice.choose(DevicePreference.GPU, 1).fallBack("libcublasLt.so.12 missing");
    assertThat(failed.gpu()).isFalse();
    assertThat(failed.reason())
        .contains("CUDA provider failed to start (libcublasLt.so.12 missing)");
    assertThat(ComputeDevice.choose(DevicePreference.CPU, 4).gpu()).isFalse();
  }

  @Test
  void theDecisionFollowsWhatThisMachineReportsWithOrWithoutAGpu() throws Exception {
    // GPU-agnostic: the suite passes on the GPU machines the GPU build is for, and here
    int gpus = OrtClassifier.visibleGpus();
    // the NVIDIA driver lists each GPU it drives under /proc/driver/nvidia/gpus (no driver: none)
    java.nio.file.Path driver = java.nio.file.Path.of("/proc/driver/nvidia/gpus");
    long listed = 0;
    if (java.nio.file.Files.isDirectory(driver)) {
      try (var entries = java.nio.file.Files.list(driver)) {
        listed = entries.count();
      }
    }
    String devices = System.getenv("CUDA_VISIBLE_DEVICES");
    if (devices == null || devices.isBlank()) {
      assertThat(gpus).as("GPUs CUDA sees, against the driver's list").isEqualTo((int) listed);
    } else {
      assertThat(gpus).isLessThanOrEqualTo((int) listed);
    }
    ComputeDevice auto = ModelOpener.decide(DevicePreference.AUTO);
    assertThat(auto.gpu()).isEqualTo(gpus > 0);
    if (gpus == 0) {
      assertThat(auto.reason()).isEqualTo("CPU provider (no GPU visible)");
    }
    assertThat(ModelOpener.decide(DevicePreference.CPU).gpu()).isFalse();
  }
}
