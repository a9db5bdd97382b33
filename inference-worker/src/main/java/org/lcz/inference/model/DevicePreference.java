package org.lcz.inference.model;

/** Where the operator wants models to run. */
public enum DevicePreference {
  /** The first GPU when one is visible, otherwise the CPU. */
  AUTO,
  /** Always the CPU. */
  CPU,
  /** The first GPU; falls back to the CPU, with a warning, when none is usable. */
  GPU
}
