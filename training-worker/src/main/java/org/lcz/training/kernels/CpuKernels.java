package org.lcz.training.kernels;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The CPU's widest vector extension and the settings that cap PyTorch's and oneDNN's kernels. */
final class CpuKernels {
  private CpuKernels() {}

  /** For example {@code "AVX-512; ATen auto, oneDNN ALL"}. */
  static String describe() {
    return vectors(Path.of("/proc/cpuinfo"))
        + "; ATen "
        + Optional.ofNullable(System.getenv("ATEN_CPU_CAPABILITY")).orElse("auto")
        + ", oneDNN "
        + Optional.ofNullable(System.getenv("ONEDNN_MAX_CPU_ISA")).orElse("ALL");
  }

  /** The widest of AVX-512, AVX2, AVX, SSE4.1 the CPU reports in {@code cpuinfo}'s flags. */
  static String vectors(Path cpuinfo) {
    try {
      for (String line : Files.readAllLines(cpuinfo)) {
        if (line.startsWith("flags")) {
          String flags = " " + line.substring(line.indexOf(':') + 1).trim() + " ";
          if (flags.contains(" avx512f ")) {
            return "AVX-512";
          }
          if (flags.contains(" avx2 ")) {
            return "AVX2";
          }
          if (flags.contains(" avx ")) {
            return "AVX";
          }
          return flags.contains(" sse4_1 ") ? "SSE4.1" : "no SSE4.1";
        }
      }
    } catch (IOException | RuntimeException e) {
      return "CPU flags unknown";
    }
    return "CPU flags unknown";
  }
}
