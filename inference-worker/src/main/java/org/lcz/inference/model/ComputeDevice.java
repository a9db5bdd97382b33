package org.lcz.inference.model;

/**
 * The device a model will run on and why, decided once from the operator's preference and the GPUs
 * visible to the process.
 *
 * @param gpu whether to ask ONNX Runtime for its CUDA provider
 * @param reason the decision in words, for the log
 */
public record ComputeDevice(boolean gpu, String reason) {

  /** Decides from {@code preference} and the number of visible GPUs. */
  public static ComputeDevice choose(DevicePreference preference, int visibleGpus) {
    return switch (preference) {
      case CPU -> new ComputeDevice(false, "CPU provider (lcz.inference.device=cpu)");
      case AUTO ->
          visibleGpus > 0
              ? new ComputeDevice(true, "CUDA provider on GPU 0 (" + visibleGpus + " visible)")
              : new ComputeDevice(false, "CPU provider (no GPU visible)");
      case GPU ->
          visibleGpus > 0
              ? new ComputeDevice(true, "CUDA provider on GPU 0 (lcz.inference.device=gpu)")
              : new ComputeDevice(
                  false,
                  "CPU provider: lcz.inference.device=gpu but no GPU is visible to this process"
                      + " (check the driver and CUDA_VISIBLE_DEVICES)");
    };
  }

  /** The same decision after the CUDA provider failed to start: the CPU, with the cause. */
  public ComputeDevice fallBack(String cause) {
    return new ComputeDevice(
        false, "CPU provider: the CUDA provider failed to start (" + cause + ")");
  }
}
