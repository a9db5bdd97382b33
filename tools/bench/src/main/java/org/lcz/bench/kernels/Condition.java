package org.lcz.bench.kernels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One setting the reproduction runs under: PyTorch's ATen kernels, oneDNN's instruction set, the
 * intra-op threads, a busy process on the other core or not, denormals flushed or not.
 *
 * @param aten {@code ATEN_CPU_CAPABILITY}: default (SSE), avx2, avx512, or auto (unset)
 * @param onednn {@code ONEDNN_MAX_CPU_ISA}: SSE41, AVX2, ALL (ALL = unset)
 * @param threads PyTorch intra-op threads
 * @param busy whether another process keeps a core busy meanwhile
 * @param flushDenormals whether denormals are flushed to zero (MXCSR FTZ and DAZ)
 */
record Condition(String aten, String onednn, int threads, boolean busy, boolean flushDenormals) {
  /** PyTorch's SSE kernels everywhere: what {@code ./lcz} ran before the diagnosis. */
  static Condition safe() {
    return new Condition("default", "SSE41", 1, false, false);
  }

  /** Nothing capped: what PyTorch picks on this CPU. */
  static Condition fast() {
    return new Condition("auto", "ALL", 1, false, false);
  }

  Condition withThreads(int n) {
    return new Condition(aten, onednn, n, busy, flushDenormals);
  }

  Condition loaded() {
    return new Condition(aten, onednn, threads, true, flushDenormals);
  }

  Condition flushed() {
    return new Condition(aten, onednn, threads, busy, true);
  }

  /** The environment a child process needs for this condition (besides the inherited one). */
  Map<String, String> environment() {
    Map<String, String> env = new LinkedHashMap<>();
    if (!aten.equals("auto")) {
      env.put("ATEN_CPU_CAPABILITY", aten);
    }
    if (!onednn.equals("ALL")) {
      env.put("ONEDNN_MAX_CPU_ISA", onednn);
    }
    if (aten.equals("default") && onednn.equals("SSE41")) {
      env.put("MKL_ENABLE_INSTRUCTIONS", "SSE4_2");
    }
    return env;
  }

  /** A table cell, e.g. {@code ATen avx512, oneDNN ALL, 2 threads, busy, FTZ}. */
  String label() {
    return "ATen "
        + aten
        + ", oneDNN "
        + onednn
        + ", "
        + threads
        + (threads == 1 ? " thread" : " threads")
        + (busy ? ", other core busy" : "")
        + (flushDenormals ? ", denormals flushed" : "");
  }
}
