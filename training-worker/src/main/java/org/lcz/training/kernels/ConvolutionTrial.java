package org.lcz.training.kernels;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.Locale;
import java.util.Random;

/**
 * Runs one convolution forward and backward through the engine in a given {@link ConvolutionForm},
 * on memory the allocator has just handed back full of NaN, and measures each result against {@link
 * ConvolutionReference}: a kernel that reads memory it did not write shows NaN, one that misplaces
 * values shows a large error.
 */
public final class ConvolutionTrial {
  /**
   * Largest error relative to the reference's largest magnitude that still counts as exact: float32
   * rounding over the longest sums here (a weight gradient over batch × rows × columns terms) stays
   * near 1e-5; the failures this check exists for are above 0.1 or not finite.
   */
  public static final double TOLERANCE = 1e-3;

  /**
   * How far one result is from the reference.
   *
   * @param relative largest |result − reference| over the finite values, divided by the largest
   *     |reference|
   * @param nonFinite values that are NaN or infinite
   */
  public record Error(double relative, int nonFinite) {
    /** Finite everywhere and within {@link #TOLERANCE}. */
    public boolean exact() {
      return nonFinite == 0 && relative <= TOLERANCE;
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.1e", relative)
          + (nonFinite > 0 ? " (" + nonFinite + " not finite)" : "");
    }
  }

  /**
   * One problem in one form.
   *
   * @param forward y
   * @param inputGradient dx
   * @param weightGradient dw
   * @param biasGradient db, or null without bias
   */
  public record Outcome(
      ConvolutionProblem problem,
      ConvolutionForm form,
      Error forward,
      Error inputGradient,
      Error weightGradient,
      Error biasGradient) {
    /** Every result exact. */
    public boolean exact() {
      return forward.exact()
          && inputGradient.exact()
          && weightGradient.exact()
          && (biasGradient == null || biasGradient.exact());
    }

    /** The directions that are not exact, with their errors; empty if none. */
    public String failures() {
      StringBuilder s = new StringBuilder();
      append(s, "forward", forward);
      append(s, "input gradient", inputGradient);
      append(s, "weight gradient", weightGradient);
      if (biasGradient != null) {
        append(s, "bias gradient", biasGradient);
      }
      return s.toString();
    }

    private static void append(StringBuilder s, String what, Error e) {
      if (!e.exact()) {
        s.append(s.length() == 0 ? "" : ", ").append(what).append(" off by ").append(e);
      }
    }
  }

  /** Float32 elements of the NaN-filled blocks allocated and freed before a trial: 4 KB … 32 MB. */
  private static final int POISON_MIN_ELEMENTS = 1 << 10;

  private static final int POISON_MAX_ELEMENTS = 1 << 23;

  private ConvolutionTrial() {}

  /** A computation that claims to be the convolution: y from x, weight, bias, stride, padding. */
  @FunctionalInterface
  interface Computation {
    NDArray apply(NDArray x, NDArray weight, NDArray bias, int stride, int padding);
  }

  /**
   * Runs {@code p} in {@code form} on {@code manager}'s device with inputs drawn from {@code seed}.
   */
  public static Outcome run(
      NDManager manager, ConvolutionProblem p, ConvolutionForm form, long seed) {
    return run(manager, p, form, form::apply, seed);
  }

  /** Runs {@code computation}, reported under {@code form}, against the reference. */
  static Outcome run(
      NDManager manager,
      ConvolutionProblem p,
      ConvolutionForm form,
      Computation computation,
      long seed) {
    Random random = new Random(seed);
    float[] x = gaussian(random, p.inputSize());
    float[] w = gaussian(random, p.weightSize());
    float[] b = p.bias() ? gaussian(random, p.outChannels()) : null;
    float[] dy = gaussian(random, p.outputSize());
    poison(manager);
    float[] y;
    float[] dx;
    float[] dw;
    float[] db = null;
    try (NDManager m = manager.newSubManager()) {
      NDArray xa = m.create(x, new Shape(p.batch(), p.inChannels(), p.height(), p.width()));
      NDArray wa = m.create(w, new Shape(p.outChannels(), p.inChannels(), p.kernel(), p.kernel()));
      NDArray ba = b == null ? null : m.create(b, new Shape(p.outChannels()));
      xa.setRequiresGradient(true);
      wa.setRequiresGradient(true);
      if (ba != null) {
        ba.setRequiresGradient(true);
      }
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray ya = computation.apply(xa, wa, ba, p.stride(), p.padding());
        y = ya.toFloatArray();
        gc.backward(ya.mul(m.create(dy, ya.getShape())).sum());
      }
      dx = xa.getGradient().toFloatArray();
      dw = wa.getGradient().toFloatArray();
      if (ba != null) {
        db = ba.getGradient().toFloatArray();
      }
    }
    ConvolutionReference.Result r = ConvolutionReference.compute(p, x, w, b, dy);
    return new Outcome(
        p,
        form,
        error(y, r.output()),
        error(dx, r.inputGradient()),
        error(dw, r.weightGradient()),
        db == null ? null : error(db, r.biasGradient()));
  }

  /** Allocates and frees NaN-filled blocks so that the next allocations reuse NaN-filled memory. */
  static void poison(NDManager manager) {
    try (NDManager scratch = manager.newSubManager()) {
      for (int n = POISON_MIN_ELEMENTS; n <= POISON_MAX_ELEMENTS; n <<= 1) {
        scratch.full(new Shape(n), Float.NaN);
        scratch.full(new Shape(n), Float.NaN);
      }
    }
  }

  /** The error of {@code got} against {@code reference}. */
  static Error error(float[] got, double[] reference) {
    if (got.length != reference.length) {
      throw new IllegalStateException(
          "the engine returned " + got.length + " values where " + reference.length + " were due");
    }
    double scale = 0;
    double worst = 0;
    int nonFinite = 0;
    for (int i = 0; i < got.length; i++) {
      scale = Math.max(scale, Math.abs(reference[i]));
      if (!Float.isFinite(got[i])) {
        nonFinite++;
      } else {
        worst = Math.max(worst, Math.abs(got[i] - reference[i]));
      }
    }
    return new Error(scale == 0 ? worst : worst / scale, nonFinite);
  }

  private static float[] gaussian(Random random, int n) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) random.nextGaussian();
    }
    return v;
  }
}
