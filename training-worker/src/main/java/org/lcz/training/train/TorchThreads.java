package org.lcz.training.train;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * PyTorch's intra-op thread count for training on the CPU: one thread unless {@value #PROPERTY} or
 * {@code OMP_NUM_THREADS} says otherwise: the setting the suite was verified with on the project's
 * 2-core machines; it leaves a core for reading batches, and repeated runs are bit-identical with
 * it (with two threads they are not; see the training worker's README, "CPU kernels").
 *
 * <p>PyTorch keeps the count per thread (OpenMP's {@code omp_set_num_threads}): DJL applies the
 * property once, on the thread that starts the engine, which need not be the thread that trains (a
 * service's request loop, a test). So {@link #applyToCurrentThread} sets it again on the training
 * thread at the start of each run.
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

  /** The intra-op threads training on the CPU uses: the property, else OMP_NUM_THREADS, else 1. */
  public static int threads() {
    Integer p = Integer.getInteger(PROPERTY);
    if (p != null && p > 0) {
      return p;
    }
    try {
      String env = System.getenv("OMP_NUM_THREADS");
      return env == null ? 1 : Math.max(1, Integer.parseInt(env.trim()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /**
   * Applies {@link #threads} to the calling thread when it trains with PyTorch on the CPU; returns
   * the count now in force there.
   */
  public static int applyToCurrentThread(Device device) {
    configure();
    if (!"PyTorch".equals(Engine.getInstance().getEngineName()) || device.isGpu()) {
      return -1;
    }
    JniUtils.setNumThreads(threads());
    return JniUtils.getNumThreads();
  }
}
