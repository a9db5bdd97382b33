package org.lcz.training.kernels;

/** No form of a convolution computes it exactly on this machine: training would learn garbage. */
public final class KernelCheckException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  KernelCheckException(String message) {
    super(message);
  }
}
