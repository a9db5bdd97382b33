package org.lcz.inference.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.cuda.CudaUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.logging.Logger;

/**
 * An ONNX model run by ONNX Runtime through DJL's OnnxRuntime engine: the CUDA provider when the
 * {@link ComputeDevice} says so (falling back to the CPU provider if CUDA cannot start), the CPU
 * provider otherwise. Input {@code N × bands × patch × patch}, output {@code N × classes}
 * probabilities.
 */
public final class OrtClassifier implements PatchClassifier {
  private static final Logger LOG = Logger.getLogger(OrtClassifier.class.getName());
  private static final String ENGINE = "OnnxRuntime";

  private final Model model;
  private final int bands;
  private final int patch;
  private final int classes;
  private final String device;

  /**
   * The input batch in native memory, reused: ONNX Runtime reads a direct buffer in place, where a
   * heap array costs a fresh direct buffer per batch — measured 30 % of the throughput on this
   * project's 2-core machine (docs/benchmarks.md, "Inference").
   */
  private FloatBuffer input;

  private OrtClassifier(Model model, int bands, int patch, int classes, String device) {
    this.model = model;
    this.bands = bands;
    this.patch = patch;
    this.classes = classes;
    this.device = device;
  }

  /** GPUs DJL sees (0 without CUDA). */
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
    Map<String, String> options =
        Map.of("intraOpNumThreads", Integer.toString(threads), "interOpNumThreads", "1");
    if (where.gpu()) {
      try {
        return open(onnx, bands, patch, classes, Device.gpu(), options, "CUDA GPU 0");
      } catch (RuntimeException e) {
        ComputeDevice cpu = where.fallBack(String.valueOf(e.getMessage()));
        LOG.warning(cpu.reason());
      }
    }
    return open(
        onnx, bands, patch, classes, Device.cpu(), options, "CPU (" + threads + " threads)");
  }

  private static OrtClassifier open(
      Path onnx,
      int bands,
      int patch,
      int classes,
      Device device,
      Map<String, String> options,
      String label) {
    Model model = Model.newInstance("lcz", device, ENGINE);
    try {
      model.load(onnx, null, options);
      return new OrtClassifier(model, bands, patch, classes, label);
    } catch (IOException | MalformedModelException | RuntimeException e) {
      model.close();
      throw new IllegalArgumentException(
          "ONNX Runtime cannot load " + onnx.getFileName() + ": " + e.getMessage(), e);
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
    try (NDManager m = model.getNDManager().newSubManager()) {
      NDArray batch = m.create(input.slice(0, floats), new Shape(count, bands, patch, patch));
      NDList out = model.getBlock().forward(new ParameterStore(m, false), new NDList(batch), false);
      float[] p = out.get(0).toFloatArray();
      if (p.length != count * classes) {
        throw new IllegalStateException(
            "the model gave " + p.length + " outputs for " + count + " patches of " + classes);
      }
      System.arraycopy(p, 0, probabilities, 0, p.length);
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
  public void close() {
    model.close();
  }
}
