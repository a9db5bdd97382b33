package org.lcz.training.train;

/**
 * PyTorch's intra-op thread count for training: one thread unless {@value #PROPERTY} or {@code
 * OMP_NUM_THREADS} says otherwise. On a 2-core AMD EPYC (AVX-512) host, DJL 0.36 / PyTorch 2.7.1
 * CPU training with two or more intra-op threads turned the loss into NaN within the first epoch
 * (every run, with or without oneDNN and MKL limited to AVX2), and one thread trained correctly at
 * the same speed (314 vs 242–340 patches/s, batch 32); see the training worker's README. It must be
 * set before DJL's PyTorch engine starts.
 */
public final class TorchThreads {
  /** DJL's system property for {@code torch.set_num_threads}. */
  public static final String PROPERTY = "ai.djl.pytorch.num_threads";

  private TorchThreads() {}

  /** Sets one intra-op thread unless the property or {@code OMP_NUM_THREADS} is already set. */
  public static void configure() {
    if (System.getProperty(PROPERTY) == null && System.getenv("OMP_NUM_THREADS") == null) {
      System.setProperty(PROPERTY, "1");
    }
  }
}
