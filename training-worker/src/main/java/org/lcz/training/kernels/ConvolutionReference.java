package org.lcz.training.kernels;

/**
 * A convolution and its two gradients in float64, by the definition, for checking the CPU kernels:
 * {@code y[n,o,i,j] = b[o] + Σ x[n,c,i·s−p+u, j·s−p+v] · w[o,c,u,v]}; given the output gradient
 * {@code dy}, {@code dx = Σ dy · w} and {@code dw = Σ dy · x} over the same index pairs, {@code db
 * = Σ dy}. Arrays are row-major NCHW (OIHW for weights), as PyTorch lays them out.
 */
public final class ConvolutionReference {
  /**
   * The three results of one convolution.
   *
   * @param output y
   * @param inputGradient dx
   * @param weightGradient dw
   * @param biasGradient db (zeros when the problem has no bias)
   */
  public record Result(
      double[] output, double[] inputGradient, double[] weightGradient, double[] biasGradient) {}

  private ConvolutionReference() {}

  /** Computes y, dx, dw and db for {@code p} on x, w, b (ignored without bias) and dy. */
  public static Result compute(ConvolutionProblem p, float[] x, float[] w, float[] b, float[] dy) {
    requireLength("input", x, p.inputSize());
    requireLength("weight", w, p.weightSize());
    requireLength("output gradient", dy, p.outputSize());
    if (p.bias()) {
      requireLength("bias", b, p.outChannels());
    }
    int ic = p.inChannels();
    int oc = p.outChannels();
    int h = p.height();
    int wd = p.width();
    int k = p.kernel();
    int s = p.stride();
    int pad = p.padding();
    int oh = p.outHeight();
    int ow = p.outWidth();
    double[] y = new double[p.outputSize()];
    double[] dx = new double[p.inputSize()];
    double[] dw = new double[p.weightSize()];
    double[] db = new double[oc];
    for (int n = 0; n < p.batch(); n++) {
      for (int o = 0; o < oc; o++) {
        int yBase = (n * oc + o) * oh * ow;
        for (int c = 0; c < ic; c++) {
          int xBase = (n * ic + c) * h * wd;
          int wBase = (o * ic + c) * k * k;
          for (int u = 0; u < k; u++) {
            for (int v = 0; v < k; v++) {
              double weight = w[wBase + u * k + v];
              double weightGradient = 0;
              for (int i = 0; i < oh; i++) {
                int row = i * s - pad + u;
                if (row < 0 || row >= h) {
                  continue;
                }
                int xRow = xBase + row * wd;
                int yRow = yBase + i * ow;
                for (int j = 0; j < ow; j++) {
                  int col = j * s - pad + v;
                  if (col < 0 || col >= wd) {
                    continue;
                  }
                  double g = dy[yRow + j];
                  y[yRow + j] += x[xRow + col] * weight;
                  dx[xRow + col] += g * weight;
                  weightGradient += g * x[xRow + col];
                }
              }
              dw[wBase + u * k + v] += weightGradient;
            }
          }
        }
        if (p.bias()) {
          double biasGradient = 0;
          for (int i = 0; i < oh * ow; i++) {
            y[yBase + i] += b[o];
            biasGradient += dy[yBase + i];
          }
          db[o] += biasGradient;
        }
      }
    }
    return new Result(y, dx, dw, db);
  }

  private static void requireLength(String what, float[] values, int expected) {
    if (values == null || values.length != expected) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " needs "
              + expected
              + " values, not "
              + (values == null ? 0 : values.length));
    }
  }
}
