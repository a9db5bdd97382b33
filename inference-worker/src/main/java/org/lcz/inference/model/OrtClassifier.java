package org.lcz.inference.model;

import ai.djl.util.cuda.CudaUtils;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;
import org.lcz.inference.map.PatchClassifier;

/**
 * An ONNX model run by ONNX Runtime's own Java API: the CUDA provider when the {@link
 * ComputeDevice} says so (falling back to the CPU provider if CUDA cannot start), the CPU provider
 * otherwise. Input {@code N × bands × patch × patch}, output {@code N × classes} probabilities.
 *
 * <p>The session is called directly, not through DJL's OnnxRuntime engine: DJL's path cost 3.5–7 %
 * of the throughput of MSMLA-18 on this project's 2-core machine (docs/benchmarks.md, "A whole
 * granule"). DJL still answers how many GPUs are visible.
 */
public final class OrtClassifier implements PatchClassifier {
  private static final Logger LOG = Logger.getLogger(OrtClassifier.class.getName());

  private final OrtEnvironment env;
  private final OrtSession session;
  private final String inputName;
  private final int bands;
  private final int patch;
  private final int classes;
  private final String device;
  private final long[] shape;

  /**
   * The input batch in native memory, reused: ONNX Runtime reads a direct buffer in place, where a
   * heap array costs a fresh direct buffer per batch — measured 30 % of the throughput on this
   * project's 2-core machine (docs/benchmarks.md, "Inference").
   */
  private FloatBuffer input;

  private OrtClassifier(
      OrtEnvironment env, OrtSession session, int bands, int patch, int classes, String device) {
    this.env = env;
    this.session = session;
    this.inputName = session.getInputNames().iterator().next();
    this.bands = bands;
    this.patch = patch;
    this.classes = classes;
    this.device = device;
    this.shape = new long[] {0, bands, patch, patch};
  }

  /** GPUs visible to CUDA (0 without CUDA). */
  public static int visibleGpus() {
    return CudaUtils.getGpuCount();
  }

  /**
   * Loads {@code onnx}.
   *
   * @param bands input channels the model expects
   * @param patch patch edge in pixels
   * @param classes outputs per patch
   * @param threads ONNX Runtime's intra-op threads
   * @throws IllegalArgumentException if the file is not a model ONNX Runtime can run
   */
  public static OrtClassifier load(
      Path onnx, int bands, int patch, int classes, ComputeDevice where, int threads) {
    if (where.gpu()) {
      try {
        return open(onnx, bands, patch, classes, threads, true, "CUDA GPU 0");
      } catch (RuntimeException e) {
        ComputeDevice cpu = where.fallBack(String.valueOf(e.getMessage()));
        LOG.warning(cpu.reason());
      }
    }
    return open(onnx, bands, patch, classes, threads, false, "CPU (" + threads + " threads)");
  }

  private static OrtClassifier open(
      Path onnx, int bands, int patch, int classes, int threads, boolean cuda, String label) {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      if (cuda) {
        try {
          options.addCUDA(0);
        } catch (OrtException e) {
          // ComputeDevice.fallBack says it was the CUDA provider
          throw new IllegalStateException(e.getMessage(), e);
        }
      }
      session = env.createSession(onnx.toString(), options);
    } catch (OrtException e) {
      throw new IllegalArgumentException(
          "ONNX Runtime cannot load " + onnx.getFileName() + ": " + e.getMessage(), e);
    }
    int inputs = session.getInputNames().size();
    if (inputs != 1) {
      closeQuietly(session);
      throw new IllegalArgumentException(
          "ONNX Runtime cannot use "
              + onnx.getFileName()
              + ": it has "
              + inputs
              + " inputs, a classifier has one (the patches)");
    }
    return new OrtClassifier(env, session, bands, patch, classes, label);
  }

  private static void closeQuietly(OrtSession session) {
    try {
      session.close();
    } catch (OrtException e) {
      LOG.warning("closing the ONNX Runtime session: " + e.getMessage());
    }
  }

  @Override
  public synchronized void classify(float[] patches, int count, float[] probabilities) {
    int floats = count * bands * patch * patch;
    if (input == null || input.capacity() < floats) {
      input =
          ByteBuffer.allocateDirect(floats * Float.BYTES)
              .order(ByteOrder.nativeOrder())
              .asFloatBuffer();
    }
    input.clear();
    input.put(patches, 0, floats);
    input.flip();
    shape[0] = count;
    try (OnnxTensor batch = OnnxTensor.createTensor(env, input, shape);
        OrtSession.Result out = session.run(Map.of(inputName, batch))) {
      FloatBuffer p = ((OnnxTensor) out.get(0)).getFloatBuffer();
      if (p.remaining() != count * classes) {
        throw new IllegalStateException(
            "the model gave " + p.remaining() + " outputs for " + count + " patches of " + classes);
      }
      p.get(probabilities, 0, count * classes);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime failed on a batch of " + count + ": " + e, e);
    }
  }

  @Override
  public int classes() {
    return classes;
  }

  @Override
  public String device() {
    return device;
  }

  @Override
  public synchronized void close() {
    closeQuietly(session);
  }
}
