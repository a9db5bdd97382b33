package org.lcz.bench.kernels;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lcz.training.kernels.ConvolutionForm;
import org.lcz.training.kernels.ConvolutionProblem;
import org.lcz.training.kernels.ConvolutionTrial;
import org.lcz.training.kernels.KernelSelfCheck;
import org.lcz.training.kernels.RoutableConv2d;
import org.lcz.training.model.Msmla;
import org.lcz.training.model.MsmlaBlock;
import org.lcz.training.model.MsmlaVariant;
import org.lcz.training.train.TorchThreads;

/**
 * Each layer type of MSMLA-18 alone, forward and backward, {@code runs} times on fixed inputs from
 * NaN-filled memory: how many runs gave a value that is not finite, how many differ from the first
 * run, and for convolutions the error against a float64 reference.
 */
final class LayerRuns {
  /**
   * One layer's runs.
   *
   * @param layer what ran, with its shapes
   * @param runs how many times
   * @param nonFiniteRuns runs with a NaN or infinite output or gradient
   * @param differingRuns runs whose results are not bit-identical to the first run's
   * @param referenceError for convolutions the largest relative error against float64 (forward /
   *     input gradient / weight gradient) over the runs; empty otherwise
   */
  record Result(
      String layer, int runs, int nonFiniteRuns, int differingRuns, String referenceError) {
    String line() {
      return String.format(
          Locale.ROOT,
          "RESULT layer|%s|%d|%d|%d|%s",
          layer,
          runs,
          nonFiniteRuns,
          differingRuns,
          referenceError.isEmpty() ? "—" : referenceError);
    }
  }

  private record Layer(String name, List<Shape> inputs, Function<NDArray[], NDArray> forward) {}

  private final int runs;
  private final int batch;
  private final int patch;
  private final boolean selfCheck;
  private final Map<ConvolutionProblem, ConvolutionForm> forms = new HashMap<>();

  /**
   * @param selfCheck run each convolution in the form the kernel self-check chooses for it (else in
   *     its direct form)
   */
  LayerRuns(int runs, int batch, int patch, boolean selfCheck) {
    this.runs = runs;
    this.batch = batch;
    this.patch = patch;
    this.selfCheck = selfCheck;
  }

  /** Every layer type, convolutions first. */
  List<Result> run() {
    List<Result> results = new ArrayList<>();
    try (NDManager root = NDManager.newBaseManager()) {
      for (ConvolutionProblem p : convolutions(root)) {
        results.add(convolution(root, p));
      }
      for (Layer layer : layers()) {
        results.add(layer(root, layer));
      }
      results.add(adam(root));
    }
    return results;
  }

  /** The distinct convolution shapes of MSMLA-18 with ten bands at this batch and patch size. */
  private List<ConvolutionProblem> convolutions(NDManager root) {
    try (NDManager m = root.newSubManager()) {
      MsmlaBlock net = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(10).build();
      net.initialize(m, DataType.FLOAT32, net.inputShape(batch, patch));
      if (selfCheck) {
        KernelSelfCheck.check(net, batch, m, TorchThreads.threads());
      }
      Set<ConvolutionProblem> shapes = new LinkedHashSet<>();
      for (RoutableConv2d c : KernelSelfCheck.convolutions(net)) {
        shapes.add(c.problem(batch));
        forms.put(c.problem(batch), c.form());
      }
      return new ArrayList<>(shapes);
    }
  }

  private Result convolution(NDManager root, ConvolutionProblem p) {
    int nonFinite = 0;
    int differ = 0;
    double[] worst = new double[3];
    boolean[] notFinite = new boolean[3];
    String first = null;
    for (int r = 0; r < runs; r++) {
      ConvolutionForm form = forms.getOrDefault(p, ConvolutionForm.DIRECT);
      ConvolutionTrial.Outcome o = ConvolutionTrial.run(root, p, form, 7);
      ConvolutionTrial.Error[] e = {o.forward(), o.inputGradient(), o.weightGradient()};
      boolean bad = false;
      for (int i = 0; i < 3; i++) {
        bad |= e[i].nonFinite() > 0;
        notFinite[i] |= e[i].nonFinite() > 0;
        worst[i] = Math.max(worst[i], e[i].relative());
      }
      nonFinite += bad ? 1 : 0;
      String signature = Arrays.toString(e);
      if (first == null) {
        first = signature;
      } else if (!first.equals(signature)) {
        differ++;
      }
    }
    StringBuilder error = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      error.append(i == 0 ? "" : " / ");
      error.append(notFinite[i] ? "NaN" : String.format(Locale.ROOT, "%.1e", worst[i]));
    }
    ConvolutionForm form = forms.getOrDefault(p, ConvolutionForm.DIRECT);
    String name =
        "conv " + p.describe() + (form == ConvolutionForm.DIRECT ? "" : " (" + form + ")");
    return new Result(name, runs, nonFinite, differ, error.toString());
  }

  private List<Layer> layers() {
    int c = 64;
    Shape map = new Shape(batch, c, patch, patch);
    List<Layer> layers = new ArrayList<>();
    layers.add(
        new Layer(
            "batch norm (training) " + map,
            List.of(map, new Shape(c), new Shape(c)),
            x -> {
              NDManager m = x[0].getManager();
              return BatchNorm.batchNorm(
                      x[0],
                      m.zeros(new Shape(c)),
                      m.ones(new Shape(c)),
                      x[1],
                      x[2],
                      1,
                      0.01f,
                      1e-3f,
                      true)
                  .singletonOrThrow();
            }));
    layers.add(new Layer("ReLU " + map, List.of(map), x -> Activation.relu(x[0])));
    layers.add(new Layer("sigmoid " + map, List.of(map), x -> Activation.sigmoid(x[0])));
    layers.add(
        new Layer(
            "global average pooling " + map,
            List.of(map),
            x -> x[0].mean(new int[] {3}).mean(new int[] {2})));
    layers.add(
        new Layer(
            "channel mean and max " + map,
            List.of(map),
            x ->
                NDArrays.concat(
                    new NDList(x[0].mean(new int[] {1}, true), x[0].max(new int[] {1}, true)), 1)));
    layers.add(
        new Layer(
            "dense 240 → 17",
            List.of(new Shape(batch, 240), new Shape(17, 240), new Shape(17)),
            x -> Linear.linear(x[0], x[1], x[2]).singletonOrThrow()));
    float[] weights = Fixtures.gaussian(5, 17);
    int[] labels = Fixtures.labels(6, batch, 17);
    layers.add(
        new Layer(
            "weighted cross-entropy, 17 classes",
            List.of(new Shape(batch, 17)),
            x -> {
              NDManager m = x[0].getManager();
              NDArray w = m.create(weights).abs().reshape(1, 17);
              NDArray target = m.create(labels).oneHot(17).toType(DataType.FLOAT32, false).mul(w);
              return x[0].logSoftmax(-1).mul(target).sum(new int[] {1}).neg().mean();
            }));
    return layers;
  }

  private Result layer(NDManager root, Layer layer) {
    float[][] first = null;
    int nonFinite = 0;
    int differ = 0;
    for (int r = 0; r < runs; r++) {
      Fixtures.poison(root);
      try (NDManager m = root.newSubManager()) {
        NDArray[] in = new NDArray[layer.inputs().size()];
        for (int i = 0; i < in.length; i++) {
          Shape s = layer.inputs().get(i);
          in[i] = m.create(Fixtures.gaussian(100 + i, (int) s.size()), s);
          in[i].setRequiresGradient(true);
        }
        float[][] results = new float[in.length + 1][];
        try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
          NDArray y = layer.forward().apply(in);
          results[0] = y.toFloatArray();
          NDArray dy = m.create(Fixtures.gaussian(99, results[0].length), y.getShape());
          gc.backward(y.mul(dy).sum());
        }
        for (int i = 0; i < in.length; i++) {
          results[i + 1] = in[i].getGradient().toFloatArray();
        }
        boolean bad = false;
        for (float[] v : results) {
          bad |= Fixtures.nonFinite(v) > 0;
        }
        nonFinite += bad ? 1 : 0;
        if (first == null) {
          first = results;
        } else if (!Arrays.deepEquals(first, results)) {
          differ++;
        }
      }
    }
    return new Result(layer.name(), runs, nonFinite, differ, "");
  }

  /** Adam's update of a 64 × 64 × 3 × 3 weight from a fixed gradient, ten steps. */
  private Result adam(NDManager root) {
    float[] first = null;
    int nonFinite = 0;
    int differ = 0;
    Shape s = new Shape(64, 64, 3, 3);
    for (int r = 0; r < runs; r++) {
      Fixtures.poison(root);
      try (NDManager m = root.newSubManager()) {
        NDArray weight = m.create(Fixtures.gaussian(1, (int) s.size()), s);
        NDArray grad = m.create(Fixtures.gaussian(2, (int) s.size()), s);
        Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.002f)).build();
        for (int step = 0; step < 10; step++) {
          adam.update("w", weight, grad);
        }
        float[] result = weight.toFloatArray();
        nonFinite += Fixtures.nonFinite(result) > 0 ? 1 : 0;
        if (first == null) {
          first = result;
        } else if (!Arrays.equals(first, result)) {
          differ++;
        }
      }
    }
    return new Result("Adam update, 10 steps, " + s, runs, nonFinite, differ, "");
  }
}
